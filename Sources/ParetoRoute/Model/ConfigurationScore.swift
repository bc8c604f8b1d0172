/// A configuration's objectives and feasibility, without the per-intent breakdown.
///
/// Solvers produce hundreds of thousands of configurations; a full
/// ``ConfigurationEvaluation`` per point (names, settings, figures of every intent) cost
/// gigabytes on a 40-intent front. The score is what a front needs; the breakdown is
/// built from the cell table only where it is printed.
public struct ConfigurationScore: Sendable, Hashable {
    /// The chosen option (cell or route) index per intent.
    public var choice: [Int]
    /// Total monthly cost: cell costs plus the fee of every distinct fee-paying model used.
    public var monthlyCostUSD: Double
    /// The model fees included in ``monthlyCostUSD``.
    public var fixedFeesUSD: Double
    /// Weighted average quality.
    public var quality: Double
    /// Standard error of the weighted quality: √Σ (wᵢ/W)² SEᵢ²; nil when a cell's mean
    /// rests on fewer than 2 samples (one sample measures no spread, so the sum is unknown).
    public var qualityStandardError: Double?
    /// True when every intent meets its floor and cap and every global constraint holds.
    public var isFeasible: Bool

    /// The objectives as a (cost, quality) pair.
    public var objectives: (cost: Double, quality: Double) {
        (monthlyCostUSD, quality)
    }
}

extension CellTable {
    /// The score of a choice of one cell per intent (figures bit-identical to ``evaluate(_:constraints:)``).
    ///
    /// - Complexity: O(intents + models).
    public func score(_ choice: [Int], constraints: GlobalConstraints = GlobalConstraints()) -> ConfigurationScore {
        precondition(choice.count == intents.count, "one cell per intent")
        let (cost, quality, fees) = objectives(of: choice)
        var variance = 0.0
        var feasible = true
        var known = true
        let total = totalWeight
        for (i, c) in choice.enumerated() {
            let share = intents[i].qualityWeight / total
            if c < cells[i].count {
                variance += share * share * cells[i][c].qualityStandardError * cells[i][c].qualityStandardError
                if !cells[i][c].hasQualityStandardError { known = false }
            } else if let standardError = routes[i][c - cells[i].count].qualityStandardError {
                variance += share * share * standardError * standardError
            } else {
                known = false
            }
            if feasible, !violation(intent: i, option: c).isEmpty { feasible = false }
        }
        if feasible { feasible = constraints.failures(monthlyCostUSD: cost, quality: quality).isEmpty }
        return ConfigurationScore(choice: choice, monthlyCostUSD: cost, fixedFeesUSD: fees, quality: quality,
                                  qualityStandardError: known ? variance.squareRoot() : nil, isFeasible: feasible)
    }
}
