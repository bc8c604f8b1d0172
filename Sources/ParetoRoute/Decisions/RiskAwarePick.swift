/// The best-quality point of a front whose cost in a given month stays within a budget
/// with at least a given probability, by the cost projection.
///
/// A front's costs are expectations; a team with a hard budget asks how often a point
/// would overrun it. Candidates are the points whose *expected* month-M cost (the front's
/// formula under the scenario) is within the budget, best quality first (ties: the cheaper,
/// then the earlier); the first is the expected-cost pick. Each candidate is projected in
/// turn with the same seed (common random numbers) until one stays within the budget in at
/// least a share `risk` of the runs. So the risk-aware pick is never dearer in expectation
/// than the expected-cost pick.
public struct RiskAwarePick: Sendable {
    /// A projected candidate.
    public struct Assessment: Sendable, Hashable {
        /// The point's index in the front.
        public var index: Int
        /// The expected month-M cost.
        public var expectedCostUSD: Double
        /// The share of runs whose month-M cost is within the budget.
        public var probabilityWithinBudget: Double
        /// The month's projected figures.
        public var month: CostProjection.Month
    }

    /// The budget.
    public var budgetUSD: Double
    /// The required probability of staying within it.
    public var risk: Double
    /// The month judged (1-based).
    public var month: Int
    /// Monte Carlo runs behind each probability.
    public var runs: Int
    /// The best-quality point expected within the budget, projected; nil when none is.
    public var expectedPick: Assessment?
    /// The risk-aware pick; nil when no candidate stays within the budget often enough.
    public var chosen: Assessment?
    /// Every candidate projected, in the order tried (the expected pick first).
    public var tried: [Assessment]

    /// Picks from `front` with the configurations' cells of `table` (loaded with samples,
    /// seen as the front saw it: ``FrontWithData/table``, so a what-if front is projected
    /// under its what-if).
    ///
    /// `risk` 0 asks for no probability at all: the expected-cost pick, the point
    /// ``FrontPicker`` picks for the budget when the front's costs are the expected ones.
    ///
    /// - Throws: ``RequestError`` on ``RequestError/Option/risk`` outside [0, 1),
    ///   ``RequestError/Option/month`` below 1, ``RequestError/Option/budget`` negative,
    ///   ``RequestError/Option/runs`` below 1; ``DataError`` when a point's cell is not in
    ///   `table` or the scenario does not fit it.
    /// - Complexity: one plan per point (O(intents × samples) each, for the expected cost) and
    ///   one projection of `month` months per candidate tried, usually a few.
    public static func pick(from front: Front, table: CellTable, budgetUSD: Double, risk: Double, month: Int = 1,
                            scenario: Scenario = Scenario(), options: CostProjector.Options = CostProjector.Options(),
                            file: String = "front") throws -> RiskAwarePick {
        guard risk >= 0, risk < 1 else {
            throw RequestError([.risk], "\(formatNumber(risk)) is not a probability in [0, 1); expected e.g. 0.9")
        }
        guard month >= 1 else { throw RequestError([.month], "\(month); expected a month of at least 1") }
        guard budgetUSD >= 0, budgetUSD.isFinite else {
            throw RequestError([.budget], "\(formatNumber(budgetUSD)) is not a budget; expected a number of USD >= 0")
        }
        guard options.runs >= 1 else { throw RequestError([.runs], "\(options.runs); expected at least 1 run") }
        // Only (index, choice, expected cost) is kept per candidate: a plan holds every sample's
        // cost and is rebuilt for the few candidates projected, so a front of 10⁵ points fits.
        var plans: [(index: Int, choice: [Int], expected: Double)] = []
        for (index, point) in front.points.enumerated() {
            let choice = try table.choice(of: point.configuration, file: file)
            let expected = try ProjectionPlan(table: table, choice: choice, scenario: scenario, months: month).expectedCostUSD(month: month)
            if expected <= budgetUSD { plans.append((index, choice, expected)) }
        }
        let points = front.points
        plans.sort { a, b in
            let (p, q) = (points[a.index], points[b.index])
            if p.quality != q.quality { return p.quality > q.quality }
            if a.expected != b.expected { return a.expected < b.expected }
            return a.index < b.index
        }
        var options = options
        options.months = month
        options.budgetUSD = budgetUSD
        var result = RiskAwarePick(budgetUSD: budgetUSD, risk: risk, month: month, runs: options.runs, tried: [])
        for candidate in plans {
            let plan = try ProjectionPlan(table: table, choice: candidate.choice, scenario: scenario, months: month)
            let projected = try CostProjector.project(plan, options: options).months[month - 1]
            let assessment = Assessment(index: candidate.index, expectedCostUSD: candidate.expected,
                                        probabilityWithinBudget: 1 - (projected.probabilityOverBudget ?? 0), month: projected)
            result.tried.append(assessment)
            if result.expectedPick == nil { result.expectedPick = assessment }
            if assessment.probabilityWithinBudget >= risk {
                result.chosen = assessment
                break
            }
        }
        return result
    }

    /// Why the pick is what it is, one line each: the expected-cost pick's odds, the
    /// risk-aware pick's, and the settings that differ between them.
    public func explanation(front: Front) -> [String] {
        let budget = formatUSD(budgetUSD)
        let share = { (value: Double) in formatFixed(value * 100, decimals: 1) + "%" }
        guard let expected = expectedPick else {
            return ["no point is expected to cost at most \(budget) in month \(month)"]
        }
        var lines = ["expected-cost pick #\(expected.index + 1): \(formatUSD(expected.expectedCostUSD)) expected in month \(month), within \(budget) in \(share(expected.probabilityWithinBudget)) of \(ProjectionText.groupDigits(runs)) runs (P95 \(formatUSD(expected.month.p95USD)))"]
        guard let chosen else {
            lines.append("no point expected within \(budget) stays within it in \(share(risk)) of the runs; \(tried.count) tried")
            return lines
        }
        if chosen.index == expected.index {
            lines.append("it stays within the budget with probability ≥ \(formatFixed(risk, decimals: 2)): the risk-aware pick is the same point")
            return lines
        }
        let old = front.points[expected.index], new = front.points[chosen.index]
        lines.append("risk-aware pick #\(chosen.index + 1): \(formatUSD(chosen.expectedCostUSD)) expected, within \(budget) in \(share(chosen.probabilityWithinBudget)) of the runs (P95 \(formatUSD(chosen.month.p95USD))); \(tried.count - 1) dearer point(s) fell short of \(share(risk))")
        lines.append("it costs \(formatUSD(expected.expectedCostUSD - chosen.expectedCostUSD)) less in expectation and gives up \(formatQuality(old.quality - new.quality)) quality")
        let changes = zip(old.configuration.entries, new.configuration.entries).filter { $0.0.option != $0.1.option }
            .map { "\($0.1.intent): \($0.0.option) → \($0.1.option)" }
        lines.append("changes from the expected-cost pick: " + (changes.isEmpty ? "none" : changes.joined(separator: "; ")))
        return lines
    }
}
