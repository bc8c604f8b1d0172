/// The best move from a configuration that changes at most a few intents.
///
/// Teams redeploy a few intents at a time; this answers "what is the most I can save
/// (or gain) by touching only one intent? only two?" exactly, with the change-budget
/// fold of ``ExactSolver``.
public struct LimitedMove: Sendable {
    /// How many intents the move may change.
    public var maxChanges: Int
    /// The configuration reached.
    public var evaluation: ConfigurationEvaluation
    /// Monthly saving (positive) at no loss of quality, or 0 when the move buys quality instead.
    public var savingUSD: Double
    /// Quality gain at no extra cost (when no saving is possible).
    public var qualityGain: Double
    /// Intents whose setting changes.
    public var changedIntents: [String]

    /// The headline moves of a check: the best changing one intent and the best changing
    /// two, counted from `choice` itself (a baseline, change budget or pins in `scope` do
    /// not apply; its model restrictions do).
    /// - Throws: ``RequestError`` when `scope` does not fit the data.
    public static func headline(from choice: [Int], table: CellTable, constraints: GlobalConstraints = GlobalConstraints(),
                                scope: Scope = Scope()) throws -> [LimitedMove?] {
        guard table.isValidChoice(choice) else { throw table.invalidChoice(choice, option: .baseline) }
        var free = scope
        free.baseline = nil
        free.maxChanges = nil
        free.pinnedIntents = []
        free.feasibleOnly = false
        return try [1, 2].map { try best(from: choice, table: table, maxChanges: $0, constraints: constraints, scope: free) }
    }

    /// The cheapest configuration of at least `from`'s quality within `maxChanges` changed
    /// intents; if none is cheaper, the best one at no more cost. `nil` when neither improves.
    /// - Throws: ``RequestError`` when `scope` does not fit the data.
    public static func best(from choice: [Int], table: CellTable, maxChanges: Int,
                            constraints: GlobalConstraints = GlobalConstraints(), scope: Scope = Scope()) throws -> LimitedMove? {
        var scoped = scope
        scoped.baseline = choice
        scoped.maxChanges = maxChanges
        let space = try SearchSpace(table: table, constraints: constraints, scope: scoped)
        let front = ExactSolver.solve(space).points
        let current = table.evaluate(choice)
        func move(_ i: Int) -> LimitedMove {
            let reached = table.evaluate(front[i].choice)
            return LimitedMove(maxChanges: maxChanges, evaluation: reached, savingUSD: current.monthlyCostUSD - reached.monthlyCostUSD,
                               qualityGain: reached.quality - current.quality,
                               changedIntents: choice.indices.filter { reached.choice[$0] != choice[$0] }.map { table.intents[$0].name })
        }
        let point = { (i: Int) in front[i].objectives }
        if let cheaper = FrontOrder.cheapest(front.indices.filter({ front[$0].quality >= current.quality && front[$0].monthlyCostUSD < current.monthlyCostUSD }), point) {
            return move(cheaper)
        }
        if let better = FrontOrder.bestQuality(front.indices.filter({ front[$0].monthlyCostUSD <= current.monthlyCostUSD && front[$0].quality > current.quality }), point) {
            return move(better)
        }
        return nil
    }
}
