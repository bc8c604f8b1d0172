/// Which configurations a search may consider, beyond the data's own constraints.
///
/// Real teams rarely redeploy every intent at once: a scope ties the search to what
/// runs today (a baseline) with a budget of changed intents, pins intents, and
/// restricts or excludes models.
public struct Scope: Sendable, Hashable {
    /// Models no intent may use (retired, not yet approved).
    public var excludedModels: [String]
    /// Per intent name, the only models it may use.
    public var allowedModels: [String: [String]]
    /// What runs today: one cell index per intent.
    public var baseline: [Int]?
    /// At most this many intents may differ from the baseline.
    public var maxChanges: Int?
    /// Intents that keep their baseline cell.
    public var pinnedIntents: [String]
    /// Whether a kept baseline cell must be feasible too. Off, an intent that keeps what runs
    /// today is acceptable even when its cell breaks a floor or cap (the front shows what is
    /// reachable); on, every point is feasible, so the front lists repairs of an infeasible
    /// baseline, and an intent whose baseline cell is infeasible must change.
    public var feasibleOnly: Bool
    /// Cells measured on fewer golden samples than this may not be chosen (nil: any count).
    /// A mean of a handful of samples can top a front by luck; a team that wants every
    /// decision to rest on, say, 50 samples rules the rest out here.
    public var minimumSamples: Int?

    /// Creates a scope; everything defaults to unrestricted.
    public init(excludedModels: [String] = [], allowedModels: [String: [String]] = [:], baseline: [Int]? = nil,
                maxChanges: Int? = nil, pinnedIntents: [String] = [], feasibleOnly: Bool = false,
                minimumSamples: Int? = nil) {
        self.excludedModels = excludedModels
        self.allowedModels = allowedModels
        self.baseline = baseline
        self.maxChanges = maxChanges
        self.pinnedIntents = pinnedIntents
        self.feasibleOnly = feasibleOnly
        self.minimumSamples = minimumSamples
    }

    /// The intents whose cell in `choice` rests on fewer samples than ``minimumSamples``:
    /// what runs today may use such a cell, but no move or repair picks one.
    public func thinIntents(of choice: [Int], table: CellTable) -> [Int] {
        choice.indices.filter { table.option(intent: $0, index: choice[$0]).sampleCount < (minimumSamples ?? 0) }
    }

    /// Whether `cell` has enough samples for this scope.
    public func hasEnoughSamples(_ cell: Cell) -> Bool {
        cell.sampleCount >= (minimumSamples ?? 0)
    }
}
