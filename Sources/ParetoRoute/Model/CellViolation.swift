/// Why a cell can never be part of a feasible configuration.
public struct CellViolation: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates the set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Mean quality below the intent's floor.
    public static let qualityBelowFloor = CellViolation(rawValue: 1)
    /// P99 latency above the intent's cap.
    public static let latencyAboveCap = CellViolation(rawValue: 2)

    /// The violations of `cell` under `intent`'s constraints.
    public static func of(_ cell: Cell, for intent: Intent) -> CellViolation {
        of(quality: cell.quality, p99LatencyMs: cell.p99LatencyMs, for: intent)
    }

    /// The violations of an option with these figures under `intent`'s constraints.
    public static func of(quality: Double, p99LatencyMs: Double, for intent: Intent) -> CellViolation {
        var result: CellViolation = []
        if !(quality >= intent.minQuality) { result.insert(.qualityBelowFloor) }
        if !(p99LatencyMs <= intent.maxP99LatencyMs) { result.insert(.latencyAboveCap) }
        return result
    }

    /// Short words for messages: `quality < floor`, `p99 > cap`.
    public var labels: [String] {
        var labels: [String] = []
        if contains(.qualityBelowFloor) { labels.append("quality below floor") }
        if contains(.latencyAboveCap) { labels.append("p99 above cap") }
        return labels
    }

    /// The shortest words, for tables fitted to a terminal: `q<floor`, `p99>cap`.
    public var shortLabels: [String] {
        var labels: [String] = []
        if contains(.qualityBelowFloor) { labels.append("q<floor") }
        if contains(.latencyAboveCap) { labels.append("p99>cap") }
        return labels
    }
}
