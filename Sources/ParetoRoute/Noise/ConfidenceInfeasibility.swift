/// Intents a feasibility confidence leaves without a feasible cell, although some of their
/// cells meet floor and cap by their means.
///
/// Under `--confidence` a cell must clear its floor with the lower bound of its quality
/// interval and its cap with the upper bound of its P99 interval; on a few samples those bounds
/// are wide (a 3-sample cell's lower bound can be 0). When that empties an intent, the cause is
/// the confidence, not the data: the error names the option, each emptied intent with its best
/// lower bound against the floor and its samples, and every such intent at once.
public enum ConfidenceInfeasibility {
    /// The error for `table` (with intervals) when its confidence empties some intent, else nil.
    ///
    /// Only cells `allowed` keeps count (the scope's models and minimum).
    public static func error(in table: CellTable, allowed: (Int, Cell) -> Bool = { _, _ in true }) -> RequestError? {
        guard let confidence = table.confidence, let intervals = table.intervals else { return nil }
        var emptied: [String] = []
        for (i, intent) in table.intents.enumerated() {
            let cells = table.cells[i].indices.filter { allowed(i, table.cells[i][$0]) }
            let feasibleByBound = cells.contains { intervals[i][$0].violation(for: intent).isEmpty }
            let feasibleByMean = cells.filter { CellViolation.of(table.cells[i][$0], for: intent).isEmpty }
            guard !feasibleByBound, !feasibleByMean.isEmpty else { continue }
            // The cell whose lower bound comes closest to the floor among those feasible by their means.
            let best = feasibleByMean.max { intervals[i][$0].qualityLower < intervals[i][$1].qualityLower } ?? feasibleByMean[0]
            let cell = table.cells[i][best], interval = intervals[i][best]
            let p99 = interval.p99Upper > intent.maxP99LatencyMs
                ? ", P99 upper bound \(formatFixed(interval.p99Upper, decimals: 0)) ms (cap \(formatFixed(intent.maxP99LatencyMs, decimals: 0)) ms)" : ""
            emptied.append("\(intent.name) (best lower bound of quality \(formatQuality(interval.qualityLower)) against the floor \(formatQuality(intent.minQuality)), mean \(formatQuality(cell.quality)) on \(cell.sampleCount) sample(s), \(cell.setting)\(p99))")
        }
        guard !emptied.isEmpty else { return nil }
        return RequestError([.confidence], "a confidence of \(formatNumber(confidence)) leaves \(emptied.count) intent(s) with no feasible cell, though cells meet floor and cap by their means: \(emptied.joined(separator: "; ")); expected a lower confidence, or more samples for these intents")
    }
}
