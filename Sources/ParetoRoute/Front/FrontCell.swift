/// One option a front uses — a setting (a cell of the data) or a route — of one intent, with its figures.
///
/// A front of thousands of points uses only a few hundred distinct cells; points refer
/// to cells by index, so each cell's figures are stored and written once.
public struct FrontCell: Sendable, Hashable {
    /// The setting or route.
    public var option: IntentOption
    /// The cell's monthly cost without model fees.
    public var monthlyCostUSD: Double
    /// The cell's mean quality.
    public var quality: Double
    /// Standard error of the mean quality; nil when it rests on fewer than 2 samples
    /// (written as `null`).
    public var qualityStandardError: Double?
    /// The cell's P99 latency.
    public var p99LatencyMs: Double
    /// The intent's share of the total quality weight.
    public var weightShare: Double
    /// The intent constraints the cell breaks (empty when it meets both).
    public var violations: CellViolation

    /// Creates a cell record.
    public init(option: IntentOption, monthlyCostUSD: Double, quality: Double, qualityStandardError: Double?,
                p99LatencyMs: Double, weightShare: Double, violations: CellViolation) {
        self.option = option
        self.monthlyCostUSD = monthlyCostUSD
        self.quality = quality
        self.qualityStandardError = qualityStandardError
        self.p99LatencyMs = p99LatencyMs
        self.weightShare = weightShare
        self.violations = violations
    }
}
