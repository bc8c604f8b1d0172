/// Bootstrap confidence intervals of a cell's mean quality and P99 latency.
public struct CellInterval: Sendable, Hashable {
    /// Lower bound of the mean quality.
    public var qualityLower: Double
    /// Upper bound of the mean quality.
    public var qualityUpper: Double
    /// Lower bound of the P99 latency.
    public var p99Lower: Double
    /// Upper bound of the P99 latency.
    public var p99Upper: Double

    /// Creates an interval.
    public init(qualityLower: Double, qualityUpper: Double, p99Lower: Double, p99Upper: Double) {
        self.qualityLower = qualityLower
        self.qualityUpper = qualityUpper
        self.p99Lower = p99Lower
        self.p99Upper = p99Upper
    }

    /// Feasible with a margin: the quality's lower bound meets the floor and the P99's
    /// upper bound meets the cap.
    public func violation(for intent: Intent) -> CellViolation {
        var result: CellViolation = []
        if !(qualityLower >= intent.minQuality) { result.insert(.qualityBelowFloor) }
        if !(p99Upper <= intent.maxP99LatencyMs) { result.insert(.latencyAboveCap) }
        return result
    }

    /// True when the point estimate and the interval disagree about feasibility, or the
    /// interval straddles the floor or the cap: the verdict rests on noise.
    public func dependsOnNoise(_ cell: Cell, intent: Intent) -> Bool {
        (qualityLower < intent.minQuality && qualityUpper >= intent.minQuality)
            || (p99Lower <= intent.maxP99LatencyMs && p99Upper > intent.maxP99LatencyMs)
    }
}
