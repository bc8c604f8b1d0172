/// One anomaly of design doc A10, found offline in request logs.
public struct UsageAnomaly: Sendable, Hashable {
    /// The four kinds of A10.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A request costing over 10× its intent's mean cost per LLM call.
        case costSpike = "cost_spike"
        /// A request over 10,000 prompt tokens (fresh input plus cached prefix).
        case tokenExplosion = "token_explosion"
        /// An intent's 15-minute window costing over 3× the same hour's usual window.
        case velocitySpike = "velocity_spike"
        /// A day's cumulative cost crossing 70, 85, 95 or 100 % of the daily cap.
        case budget = "budget"
    }

    /// Which anomaly.
    public var kind: Kind
    /// When: the request's timestamp, the window's start, or the minute the cap was crossed.
    public var timestamp: String
    /// The request (empty for windows and budget thresholds).
    public var requestID: String
    /// The file and line of the request (nil for windows and thresholds).
    public var file: String?
    /// The line of the request in its file.
    public var line: Int?
    /// The intent (empty for budget thresholds).
    public var intent: String
    /// The measured figure: the request's cost, its prompt tokens, the window's cost, the day's cumulative cost.
    public var value: Double
    /// The limit it crossed.
    public var threshold: Double

    /// Creates an anomaly.
    public init(kind: Kind, timestamp: String, requestID: String = "", file: String? = nil, line: Int? = nil,
                intent: String = "", value: Double, threshold: Double) {
        self.kind = kind
        self.timestamp = timestamp
        self.requestID = requestID
        self.file = file
        self.line = line
        self.intent = intent
        self.value = value
        self.threshold = threshold
    }
}
