import Foundation

/// The standard normal quantile, for turning a confidence into a number of standard errors.
public enum NormalQuantile {
    /// z such that P(|Z| ≤ z) = `confidence` (1.96 for 0.95), by bisection on `erf`.
    public static func twoSided(_ confidence: Double) -> Double {
        let target = max(0, min(confidence, 1 - 1e-12))
        var low = 0.0, high = 10.0
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if erf(mid / 2.0.squareRoot()) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
