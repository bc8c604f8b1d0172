/// How to make an infeasible configuration feasible, changing as few intents as possible.
///
/// The owner of a production configuration that breaks a floor or cap asks: "what is the
/// cheapest way to make it feasible, changing as few intents as possible?" Every intent
/// whose cell breaks its floor or cap must change; when a global constraint binds, more
/// may have to. The answer is exact: for K changed intents, the front of every feasible
/// configuration within K changes of this one is the change-budget fold of
/// ``ExactSolver`` under ``Scope/feasibleOnly`` (`exact --baseline … --feasible-only
/// --max-changes K`), and the fewest changes is the smallest K whose front is not empty.
public struct FeasibilityRepair: Sendable {
    /// One intent whose cell breaks its floor or cap.
    public struct Breach: Sendable, Hashable {
        /// The intent's index in the table.
        public var intentIndex: Int
        /// The intent's figures in the configuration (its setting, quality, P99, floor, cap).
        public var figures: IntentEvaluation
        /// What the cell breaks.
        public var violation: CellViolation { figures.violation }
    }

    /// The repairs within one change budget.
    public struct Option: Sendable {
        /// Intents that may change (the fewest, then one and two more).
        public var maxChanges: Int
        /// The cheapest feasible configuration within the budget.
        public var cheapest: ConfigurationEvaluation
        /// The best-quality feasible configuration costing no more than the configuration
        /// today; nil when every repair within the budget costs more.
        public var bestWithinCost: ConfigurationEvaluation?
        /// The whole front of repairs within the budget, by cost ascending.
        public var front: [ConfigurationEvaluation]
    }

    /// The configuration's figures.
    public var evaluation: ConfigurationEvaluation
    /// The intents that break a floor or cap, in intent order.
    public var breaches: [Breach]
    /// Intents that must change: those breaching, plus any whose model the scope rules out.
    public var mustChange: [Int]
    /// The fewest intents a feasible configuration changes; nil when none is feasible at all.
    public var fewestChanges: Int?
    /// Global constraints in force (they may make ``fewestChanges`` exceed ``mustChange``).
    public var constraints: GlobalConstraints
    /// The repairs with the fewest changes, then with one and two more (as far as there are intents).
    public var options: [Option]
    /// The confidence at which cells had to clear floors and caps, if any (the table's).
    public var confidence: Double? = nil
    /// Intents of ``mustChange`` whose cell rests on fewer samples than the scope's minimum
    /// (the others there break a floor or cap, or use a model the scope rules out).
    public var thinIntents: [Int] = []

    /// Whether a global constraint forces more changes than the intents that break their own.
    public var globalConstraintBinds: Bool {
        fewestChanges.map { $0 > mustChange.count } ?? true
    }

    /// Finds the repairs of `choice`, or nil when it is feasible already.
    ///
    /// `scope`'s model restrictions apply (its baseline, change budget and pins do not:
    /// changes are counted from `choice`). `extra` further intents beyond the fewest are tried.
    /// - Complexity: one change-budget fold per budget tried, at most one per intent.
    /// - Throws: ``RequestError`` when `scope` does not fit the data (an unknown model or intent),
    ///   or on ``RequestError/Option/baseline`` when `choice` is not one existing cell per intent.
    public static func find(for choice: [Int], table: CellTable, constraints: GlobalConstraints = GlobalConstraints(),
                            scope: Scope = Scope(), extra: Int = 2) throws -> FeasibilityRepair? {
        guard table.isValidChoice(choice) else { throw table.invalidChoice(choice, option: .baseline) }
        let evaluation = table.evaluate(choice, constraints: constraints)
        guard !evaluation.isFeasible else { return nil }
        var repairScope = scope
        repairScope.baseline = choice
        repairScope.pinnedIntents = []
        repairScope.feasibleOnly = true
        repairScope.maxChanges = nil
        let space = try SearchSpace(table: table, constraints: constraints, scope: repairScope)
        guard !evaluation.isFeasible else { return nil }
        let breaches = evaluation.perIntent.indices.filter { !evaluation.perIntent[$0].violation.isEmpty }
            .map { Breach(intentIndex: $0, figures: evaluation.perIntent[$0]) }
        func repairs(within k: Int) throws -> [ConfigurationEvaluation] {
            var budgeted = repairScope
            budgeted.maxChanges = k
            // Repair fronts are short: each point gets its per-intent breakdown for the report.
            return ExactSolver.solve(try SearchSpace(table: table, constraints: constraints, scope: budgeted)).points
                .map { table.evaluate($0.choice, constraints: constraints) }
        }
        var fewest: Int?
        var options: [Option] = []
        var k = space.mustChange.count
        while k <= table.intents.count, options.count <= extra {
            let front = try repairs(within: k)
            if let cheapest = front.first {
                if fewest == nil { fewest = k }
                let best = front.last { $0.monthlyCostUSD <= evaluation.monthlyCostUSD }
                options.append(Option(maxChanges: k, cheapest: cheapest, bestWithinCost: best, front: front))
            } else if fewest == nil, k == space.mustChange.count, !constraints.isUnconstrained {
                // Only a global constraint can leave the budget of the must-change intents empty;
                // whether any budget reaches a feasible configuration is the unbudgeted fold's answer.
                if ExactSolver.solve(space).points.isEmpty { break }
            }
            k += 1
        }
        return FeasibilityRepair(evaluation: evaluation, breaches: breaches, mustChange: space.mustChange,
                                 fewestChanges: fewest, constraints: constraints, options: options, confidence: table.confidence,
                                 thinIntents: space.mustChange.filter { table.option(intent: $0, index: choice[$0]).sampleCount < (scope.minimumSamples ?? 0) })
    }

    /// The intents `evaluation` changes from the configuration, by name.
    public func changedIntents(_ other: ConfigurationEvaluation) -> [String] {
        other.choice.indices.filter { other.choice[$0] != evaluation.choice[$0] }.map { other.perIntent[$0].intent }
    }

    /// What one breach breaks, in words: `p99 5876 ms above the 5000 ms cap`; under a
    /// `confidence`, `… does not clear the 0.80 floor at 95% confidence` (the interval decides).
    public static func describe(_ breach: Breach, confidence: Double? = nil) -> String {
        let figures = breach.figures
        let level = confidence.map { " at \(formatNumber($0 * 100))% confidence" }
        var parts: [String] = []
        if breach.violation.contains(.qualityBelowFloor) {
            let quality = "quality \(formatQuality(figures.quality))", floor = "the \(formatQuality(figures.minQuality)) floor"
            parts.append(level.map { "\(quality) does not clear \(floor)\($0)" } ?? "\(quality) below \(floor)")
        }
        if breach.violation.contains(.latencyAboveCap) {
            let p99 = "p99 \(formatFixed(figures.p99LatencyMs, decimals: 0)) ms", cap = "the \(formatFixed(figures.maxP99LatencyMs, decimals: 0)) ms cap"
            parts.append(level.map { "\(p99) does not clear \(cap)\($0)" } ?? "\(p99) above \(cap)")
        }
        return parts.joined(separator: ", ")
    }
}

extension GlobalConstraints {
    /// Whether neither a cost cap nor a quality floor is set.
    public var isUnconstrained: Bool { maxMonthlyCostUSD == nil && minQuality == nil }
}
