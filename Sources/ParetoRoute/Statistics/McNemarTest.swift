import Foundation

/// McNemar's exact test for paired 0/1 scores: only the discordant pairs carry information.
///
/// With b samples right before and wrong after, and c the other way, under "no change" each
/// discordant pair is a fair coin: the two-sided p-value is min(1, 2 · P(X ≤ min(b, c))),
/// X ~ Binomial(b + c, ½), summed exactly in log space so thousands of pairs do not overflow.
public enum McNemarTest {
    /// The exact two-sided p-value for `b` and `c` discordant pairs (1 when there are none).
    public static func pValue(b: Int, c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        var tail = 0.0
        let logHalfPower = Double(n) * log(0.5)
        for i in 0...k {
            tail += exp(logChoose(n, i) + logHalfPower)
        }
        return min(1, 2 * tail)
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        StudentT.logGamma(Double(n + 1)) - StudentT.logGamma(Double(k + 1)) - StudentT.logGamma(Double(n - k + 1))
    }
}
