/// The per-sample figures of one cell, kept only for the bootstrap.
public struct CellSamples: Sendable, Hashable {
    /// Quality scores in file order.
    public var qualities: [Double]
    /// Latencies sorted ascending.
    public var sortedLatencies: [Double]

    /// Creates samples; `sortedLatencies` must be ascending.
    public init(qualities: [Double], sortedLatencies: [Double]) {
        self.qualities = qualities
        self.sortedLatencies = sortedLatencies
    }
}
