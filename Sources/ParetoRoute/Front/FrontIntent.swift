/// An intent as a front records it: the constraints and weight the front was made under.
///
/// A front outlives the data it came from; keeping each intent's floor, cap and weight
/// (what-ifs applied) lets `pick` and `check` judge feasibility from the file alone.
public struct FrontIntent: Sendable, Hashable {
    /// The intent's name.
    public var name: String
    /// The quality floor.
    public var minQuality: Double
    /// The P99 latency cap in milliseconds.
    public var maxP99LatencyMs: Double
    /// The quality weight.
    public var weight: Double

    /// Creates an intent record.
    public init(name: String, minQuality: Double, maxP99LatencyMs: Double, weight: Double) {
        self.name = name
        self.minQuality = minQuality
        self.maxP99LatencyMs = maxP99LatencyMs
        self.weight = weight
    }

    /// The record of a table's intent.
    public init(_ intent: Intent) {
        self.init(name: intent.name, minQuality: intent.minQuality, maxP99LatencyMs: intent.maxP99LatencyMs,
                  weight: intent.qualityWeight)
    }
}
