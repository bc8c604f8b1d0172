/// The intents of a front and, per intent, the distinct cells its points use.
///
/// Shared by every point of a front (a reference, never copied per point), so a
/// 287 K-point front costs one index per (point, intent) instead of a full per-intent
/// breakdown; the breakdown is built only for the points that are printed.
public final class FrontCatalog: Sendable {
    /// The intents, in the data's order.
    public let intents: [FrontIntent]
    /// Per intent (same order), the cells some point uses, in the data's cell order.
    public let cells: [[FrontCell]]

    /// Creates a catalog; `cells[i]` belongs to `intents[i]`.
    public init(intents: [FrontIntent], cells: [[FrontCell]]) {
        precondition(intents.count == cells.count, "one cell list per intent")
        self.intents = intents
        self.cells = cells
    }

    /// The catalog of `table` restricted to the options marked in `used` (per intent, per
    /// option), and per intent the map from the table's option index to the catalog's.
    ///
    /// - Complexity: O(total cells of the table).
    static func of(_ table: CellTable, using used: [[Bool]]) -> (catalog: FrontCatalog, index: [[Int32]]) {
        let total = table.totalWeight
        var cells: [[FrontCell]] = []
        var index: [[Int32]] = []
        for (i, intent) in table.intents.enumerated() {
            var list: [FrontCell] = []
            var map = [Int32](repeating: -1, count: table.optionCount(intent: i))
            for c in map.indices where used[i][c] {
                let option = table.option(intent: i, index: c)
                map[c] = Int32(list.count)
                list.append(FrontCell(
                    option: option.option, monthlyCostUSD: option.monthlyCostUSD, quality: option.quality,
                    qualityStandardError: option.qualityStandardError, p99LatencyMs: option.p99LatencyMs,
                    weightShare: intent.qualityWeight / total, violations: table.violation(intent: i, option: c)))
            }
            cells.append(list)
            index.append(map)
        }
        return (FrontCatalog(intents: table.intents.map(FrontIntent.init), cells: cells), index)
    }
}
