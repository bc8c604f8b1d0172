/// A degrade ladder: for each fraction of a monthly budget, the best-quality feasible
/// configuration within it that changes few intents from the step before (the design
/// doc's A10 budget modes, made exact).
///
/// When spend runs hot a gateway falls back step by step; each step switching at most K
/// intents keeps the fallback cheap to roll out and to reason about. Step j is the
/// best-quality point of the exact front of the space "cost ≤ fraction_j × budget, at most
/// K intents changed from step j − 1, every cell meeting its floor and cap" (the exact fold
/// with a baseline, a change budget and ``Scope/feasibleOnly``). The first step counts its
/// changes from the configuration running today when one is given, and is unrestricted
/// otherwise. Ties in quality go to the cheaper point (the front keeps one per cost).
public struct DegradeLadder: Sendable {
    /// One rung.
    public struct Step: Sendable {
        /// The fraction of the budget (1, 0.85, …).
        public var fraction: Double
        /// fraction × budget.
        public var capUSD: Double
        /// The configuration chosen and its figures.
        public var score: ConfigurationScore
        /// Intents whose cell differs from the step before (from today's for the first step, when given).
        public var changedIntents: [Int]
    }

    /// The budget the fractions apply to.
    public var budgetUSD: Double
    /// The changes allowed per step.
    public var maxChangesPerStep: Int
    /// The steps answered, in order.
    public var steps: [Step]
    /// The first fraction with no feasible configuration within its cap and change budget, if any.
    public var unansweredFraction: Double?
    /// With ``unansweredFraction``: the cheapest feasible configuration's monthly cost within
    /// that step's change budget (no cost cap), nil when none exists.
    public var cheapestWithinChangesUSD: Double?
    /// With ``unansweredFraction``: the cheapest feasible configuration's monthly cost, changes
    /// not counted, so a budget below it is named as such; nil when nothing is feasible.
    public var cheapestFeasibleUSD: Double?
    /// When the best first step within the change budget from `from` was dominated (another
    /// feasible configuration within the cap costs no more and is at least as good, one of
    /// them strictly), that dominated configuration: the first step is then the best point
    /// dominating it instead, however many intents it changes, and the text says so.
    public var dominatedStart: ConfigurationScore?

    /// The default fractions: the full budget, then 85 %, 70 % and 50 % of it.
    public static let defaultFractions = [1.0, 0.85, 0.7, 0.5]

    /// Builds the ladder over `fractions` of `budgetUSD` on `table`; stops at the first
    /// fraction without an answer (``unansweredFraction``).
    ///
    /// - Parameters:
    ///   - from: what runs today (a cell per intent), the first step's baseline; nil for none.
    ///   - scope: exclusions and model restrictions applied to every step (its baseline,
    ///     change budget and feasibility options are set here).
    /// - Complexity: one exact fold per step.
    /// - Throws: ``RequestError`` on ``RequestError/Option/budget``, ``RequestError/Option/steps`` or ``RequestError/Option/maxChangesPerStep`` out of range, or when `scope` does not fit the data; ``DataError`` when `from` does not fit it.
    public static func build(table: CellTable, budgetUSD: Double, fractions: [Double] = defaultFractions,
                             maxChangesPerStep: Int = 3, from: [Int]? = nil, scope: Scope = Scope()) throws -> DegradeLadder {
        guard budgetUSD > 0, budgetUSD.isFinite else {
            throw RequestError([.budget], "\(formatNumber(budgetUSD)) is not a budget; expected a number of USD > 0")
        }
        guard !fractions.isEmpty, fractions.allSatisfy({ $0 > 0 && $0.isFinite }),
              zip(fractions, fractions.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw RequestError([.steps], "\(fractions.map(formatNumber).joined(separator: ",")) are not decreasing fractions > 0; expected e.g. 1,0.85,0.7,0.5")
        }
        guard maxChangesPerStep >= 0 else {
            throw RequestError([.maxChangesPerStep], "\(maxChangesPerStep); expected a count of intents >= 0")
        }
        if let from, from.count != table.intents.count || !table.isValidChoice(from) {
            throw DataError(.badRequest, file: "ladder", "the starting choice has \(from.count) cells; expected one existing cell per intent (\(table.intents.count))")
        }
        var ladder = DegradeLadder(budgetUSD: budgetUSD, maxChangesPerStep: maxChangesPerStep, steps: [])
        var previous = from
        var free = scope
        free.baseline = nil
        free.maxChanges = nil
        free.pinnedIntents = []
        free.feasibleOnly = false
        func feasible(_ points: [ConfigurationScore], cap: Double) -> [ConfigurationScore] {
            points.filter { $0.isFeasible && $0.monthlyCostUSD <= cap }
        }
        func bestQuality(_ points: [ConfigurationScore]) -> ConfigurationScore? {
            points.max { ($0.quality, -$0.monthlyCostUSD) < ($1.quality, -$1.monthlyCostUSD) }
        }
        for fraction in fractions {
            let cap = fraction * budgetUSD
            var stepScope = scope
            stepScope.baseline = previous
            stepScope.maxChanges = previous == nil ? nil : maxChangesPerStep
            stepScope.feasibleOnly = previous != nil
            let space = try SearchSpace(table: table, constraints: GlobalConstraints(maxMonthlyCostUSD: cap), scope: stepScope)
            guard var best = bestQuality(feasible(ExactSolver.solve(space).points, cap: cap)) else {
                ladder.unansweredFraction = fraction
                // What it would take: the cheapest within the change budget, and of all.
                let limited = try SearchSpace(table: table, scope: stepScope)
                ladder.cheapestWithinChangesUSD = feasible(ExactSolver.solve(limited).points, cap: .infinity).map(\.monthlyCostUSD).min()
                let all = try SearchSpace(table: table, scope: free)
                ladder.cheapestFeasibleUSD = feasible(ExactSolver.solve(all).points, cap: .infinity).map(\.monthlyCostUSD).min()
                return ladder
            }
            if ladder.steps.isEmpty, previous != nil {
                // A start limited to K changes from today's configuration may be dominated by
                // a configuration further away: start from the best one dominating it.
                let unlimited = try SearchSpace(table: table, constraints: GlobalConstraints(maxMonthlyCostUSD: cap), scope: free)
                let limited = best
                let dominating = feasible(ExactSolver.solve(unlimited).points, cap: cap).filter { p in
                    p.monthlyCostUSD <= limited.monthlyCostUSD && p.quality >= limited.quality
                        && (p.monthlyCostUSD < limited.monthlyCostUSD || p.quality > limited.quality)
                }
                if let better = bestQuality(dominating) {
                    ladder.dominatedStart = limited
                    best = better
                }
            }
            let changed = previous.map { base in base.indices.filter { base[$0] != best.choice[$0] } } ?? []
            ladder.steps.append(Step(fraction: fraction, capUSD: cap, score: best, changedIntents: changed))
            previous = best.choice
        }
        return ladder
    }

    /// The gateway's document: an object keyed by fraction (`"1"`, `"0.85"`, …) whose values
    /// are the contract's configuration JSON.
    public func json(table: CellTable) -> JSONValue {
        .object(steps.map { (formatNumber($0.fraction), table.configuration(of: $0.score.choice).json) })
    }

    /// The ladder as a table: step, cap, cost, quality, and what changes.
    public func text(table: CellTable, from: [Int]?) -> String {
        var lines = ["degrade ladder for a budget of \(formatUSD(budgetUSD))/month, at most \(maxChangesPerStep) intent change(s) per step"
            + (from == nil ? "" : " (the first step from today's configuration)")]
        if let limited = dominatedStart, let first = steps.first {
            lines.append("note: the best first step within \(maxChangesPerStep) change(s) of today's configuration, \(formatUSD(limited.monthlyCostUSD)) at quality \(formatQuality(limited.quality)), is dominated; step \(formatNumber(first.fraction)) starts from the best configuration dominating it instead (\(first.changedIntents.count) changes)")
        }
        lines.append(" step         cap         cost  quality  changes")
        var before = from
        for step in steps {
            let changes = step.changedIntents.map { i in
                "\(table.intents[i].name): \(before.map { table.option(intent: i, index: $0[i]).option.description } ?? "?") → \(table.option(intent: i, index: step.score.choice[i]).option)"
            }
            let summary = before == nil ? "start" : (changes.isEmpty ? "no change" : "\(changes.count) change(s):")
            lines.append(padLeft(formatNumber(step.fraction), 5) + padLeft(formatUSD(step.capUSD), 12) + padLeft(formatUSD(step.score.monthlyCostUSD), 13)
                + "  " + formatQuality(step.score.quality) + "   " + summary)
            // One change a line, so the table stays within 80 columns.
            lines += changes.map { "        " + $0 }
            before = step.score.choice
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
