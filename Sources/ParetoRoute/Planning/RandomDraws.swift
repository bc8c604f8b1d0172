import Foundation
import NSGA2

/// Draws from the laws the cost projection needs, on the engine's seeded generator.
///
/// Only the generator's own uniform doubles feed these, so a seed fixes every draw
/// (on one platform: `log`, `cos` and `sqrt` come from the system's math library).
extension Xoshiro256StarStar {
    /// A standard normal draw (Box–Muller; one of the pair is used, so each call is independent).
    public mutating func nextGaussian() -> Double {
        // 1 − u lies in (0, 1], so the logarithm is finite.
        let u = 1 - nextDouble()
        let v = nextDouble()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A Poisson draw of mean `mean` (≥ 0): multiplication of uniforms below 10, Hörmann's
    /// transformed rejection with squeeze (PTRS, 1993) from 10 on; both exact.
    ///
    /// - Complexity: O(mean) below 10, O(1) expected above.
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let limit = exp(-mean)
            var product = nextDouble()
            var count = 0
            while product > limit {
                product *= nextDouble()
                count += 1
            }
            return count
        }
        let root = mean.squareRoot(), logMean = log(mean)
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextDouble() - 0.5
            let v = nextDouble()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k) {
                return Int(k)
            }
        }
    }
}

/// ln(k!) for an integer-valued k ≥ 0: a table below 20, Stirling's series (error below 1e-15 relative) above.
func logFactorial(_ k: Double) -> Double {
    if k < 20 { return logFactorials[Int(k)] }
    let x = k + 1
    let inverse = 1 / x, inverse2 = inverse * inverse
    return (x - 0.5) * log(x) - x + 0.918_938_533_204_672_8
        + inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
}

private let logFactorials: [Double] = {
    var values = [0.0]
    for k in 1..<20 { values.append(values[k - 1] + log(Double(k))) }
    return values
}()
