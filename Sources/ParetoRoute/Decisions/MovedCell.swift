/// A cell both fronts use whose figures differ beyond noise: what a change of data moved.
///
/// When two fronts come from different data, their differences have a cause in the cells;
/// `diff` names the cells whose quality moved by more than the noise margin of the difference,
/// or whose cost or P99 changed at all (those are measured, not estimated).
public struct MovedCell: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The cell's setting (or the route, for a route both fronts use).
    public var option: IntentOption
    /// Old and new mean quality.
    public var oldQuality: Double
    /// The new mean quality.
    public var newQuality: Double
    /// Whether the quality change is beyond the noise margin (`z` standard errors of the difference).
    public var qualityBeyondNoise: Bool
    /// New minus old monthly cost.
    public var costChangeUSD: Double
    /// New minus old P99.
    public var p99ChangeMs: Double

    /// The cells of `old` and `new` (matched by intent name and setting) whose quality moved beyond
    /// `z` standard errors of the difference, or whose cost (beyond a relative 1e-9) or P99 changed.
    public static func between(_ old: Front, _ new: Front, z: Double) -> [MovedCell] {
        var before: [String: [IntentOption: FrontCell]] = [:]
        for (i, intent) in old.intents.enumerated() {
            var cells: [IntentOption: FrontCell] = [:]
            for cell in old.catalog.cells[i] { cells[cell.option] = cell }
            before[intent.name] = cells
        }
        var moved: [MovedCell] = []
        for (i, intent) in new.intents.enumerated() {
            for cell in new.catalog.cells[i] {
                guard let previous = before[intent.name]?[cell.option] else { continue }
                let change = cell.quality - previous.quality
                var beyond = false
                if change != 0 {
                    if let a = previous.qualityStandardError, let b = cell.qualityStandardError {
                        beyond = abs(change) > z * (a * a + b * b).squareRoot()
                    }
                }
                let cost = cell.monthlyCostUSD - previous.monthlyCostUSD
                let costMoved = abs(cost) > 1e-9 * max(1, abs(previous.monthlyCostUSD))
                let p99 = cell.p99LatencyMs - previous.p99LatencyMs
                if beyond || costMoved || p99 != 0 {
                    moved.append(MovedCell(intent: intent.name, option: cell.option, oldQuality: previous.quality,
                                           newQuality: cell.quality, qualityBeyondNoise: beyond,
                                           costChangeUSD: cost, p99ChangeMs: p99))
                }
            }
        }
        return moved
    }
}
