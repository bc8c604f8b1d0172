import Foundation

/// Student's t distribution, for the paired t-test of `compare`.
///
/// Hand-written (no dependencies): the two-sided tail through the regularized incomplete beta
/// function, I_x(a, b) by its continued fraction (Lentz's method), accurate to about 1e-12.
public enum StudentT {
    /// P(|T| ≥ |t|) for T with `degreesOfFreedom` > 0 degrees of freedom.
    public static func twoSidedPValue(t: Double, degreesOfFreedom: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? 1 : 0 }
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        return min(1, max(0, regularizedIncompleteBeta(x: x, a: degreesOfFreedom / 2, b: 0.5)))
    }

    /// The two-sided critical value t with P(|T| ≥ t) = `alpha`, by bisection.
    public static func criticalValue(alpha: Double, degreesOfFreedom: Double) -> Double {
        var low = 0.0, high = 1e6
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if twoSidedPValue(t: middle, degreesOfFreedom: degreesOfFreedom) > alpha { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), the regularized incomplete beta function, for x in [0, 1] and a, b > 0.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x)
        let front = exp(logFront)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let evenStep = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + evenStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + evenStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddStep = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + oddStep * d
            if abs(d) < tiny { d = tiny }
            c = 1 + oddStep / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }

    /// ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms).
    static func logGamma(_ x: Double) -> Double {
        let coefficients = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                            -176.61502916214059, 12.507343278686905, -0.13857109526572012,
                            9.9843695780195716e-6, 1.5056327351493116e-7]
        if x < 0.5 { return log(Double.pi / abs(sin(Double.pi * x))) - logGamma(1 - x) }
        let z = x - 1
        var sum = coefficients[0]
        for k in 1..<9 { sum += coefficients[k] / (z + Double(k)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }
}
