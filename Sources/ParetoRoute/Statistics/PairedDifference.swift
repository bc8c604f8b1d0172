import Foundation

/// The change of a mean between two runs that answered the same golden samples.
///
/// Pairing removes the samples' own difficulty from the comparison: the standard error of the
/// mean difference is sd(new − old)/√n, usually far below the unpaired √(SE₁² + SE₂²) because the
/// same hard samples are hard in both runs.
public struct PairedDifference: Sendable, Hashable {
    /// Pairs compared.
    public var pairs: Int
    /// Mean of new − old.
    public var meanChange: Double
    /// Standard error of ``meanChange`` from the paired differences (nil under 2 pairs).
    public var pairedStandardError: Double?
    /// The standard error an unpaired comparison of the two means would use (nil under 2 pairs).
    public var unpairedStandardError: Double?
    /// The 95 % interval of the change (paired t), nil under 2 pairs.
    public var interval: ClosedRange<Double>?
    /// The two-sided p-value of "no change": exact McNemar on 0/1 scores, paired t otherwise.
    public var pValue: Double
    /// Which test gave ``pValue``.
    public var test: Test

    /// The test behind a p-value.
    public enum Test: String, Sendable, Hashable {
        /// Exact McNemar (every score 0 or 1).
        case mcnemar
        /// Paired t-test.
        case pairedT = "paired_t"
        /// Too few pairs for a test (p = 1).
        case none
    }

    /// Compares `new` with `old`, aligned sample by sample (`old[k]` and `new[k]` answer the same
    /// sample); values past the shorter array have no pair and are ignored.
    public init(old: [Double], new: [Double]) {
        let n = min(old.count, new.count)
        let old = Array(old.prefix(n)), new = Array(new.prefix(n))
        pairs = n
        let differences = zip(new, old).map { $0 - $1 }
        meanChange = n == 0 ? 0 : differences.reduce(0, +) / Double(n)
        guard n >= 2 else {
            pairedStandardError = nil
            unpairedStandardError = nil
            interval = nil
            pValue = 1
            test = .none
            return
        }
        let count = Double(n)
        func variance(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / count
            return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        }
        let se = (variance(differences) / count).squareRoot()
        pairedStandardError = se
        unpairedStandardError = ((variance(old) + variance(new)) / count).squareRoot()
        let critical = StudentT.criticalValue(alpha: 0.05, degreesOfFreedom: count - 1)
        interval = (meanChange - critical * se)...(meanChange + critical * se)
        let binary = (old + new).allSatisfy { $0 == 0 || $0 == 1 }
        if binary {
            let b = zip(old, new).filter { $0.0 == 1 && $0.1 == 0 }.count
            let c = zip(old, new).filter { $0.0 == 0 && $0.1 == 1 }.count
            pValue = McNemarTest.pValue(b: b, c: c)
            test = .mcnemar
        } else if se == 0 {
            pValue = meanChange == 0 ? 1 : 0
            test = .pairedT
        } else {
            pValue = StudentT.twoSidedPValue(t: meanChange / se, degreesOfFreedom: count - 1)
            test = .pairedT
        }
    }
}
