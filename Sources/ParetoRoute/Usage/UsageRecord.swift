/// One LLM request as a request log line (design doc A9) tells it.
///
/// Token counts follow the contract: `inputTokens` excludes the prompt-cache tokens. A
/// response-cache hit (`cacheHit`) made no LLM call; its tokens and cost are normally 0.
public struct UsageRecord: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var time: Double
    /// The request's id (empty when not logged).
    public var requestID: String
    /// The chatbot intent.
    public var intent: String
    /// The provider's model id as logged (empty for a response-cache hit without one).
    public var modelID: String
    /// Tokens of the call by how the provider bills them.
    public var tokens: TokenCounts
    /// Whether the application's response cache answered (no LLM call).
    public var cacheHit: Bool
    /// The request's latency, when logged.
    public var latencyMs: Double?
    /// The logged total cost, when logged.
    public var totalCostUSD: Double?
    /// The logged input cost, when logged.
    public var inputCostUSD: Double?
    /// The logged output cost, when logged.
    public var outputCostUSD: Double?

    /// Creates a record.
    public init(time: Double, requestID: String = "", intent: String, modelID: String,
                tokens: TokenCounts, cacheHit: Bool = false, latencyMs: Double? = nil, totalCostUSD: Double? = nil,
                inputCostUSD: Double? = nil, outputCostUSD: Double? = nil) {
        self.time = time
        self.requestID = requestID
        self.intent = intent
        self.modelID = modelID
        self.tokens = tokens
        self.cacheHit = cacheHit
        self.latencyMs = latencyMs
        self.totalCostUSD = totalCostUSD
        self.inputCostUSD = inputCostUSD
        self.outputCostUSD = outputCostUSD
    }

    /// The time as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds), for listings.
    public var timestampText: String { UsageTimestamp.text(seconds: Int(time.rounded(.down))) }

    /// All prompt tokens: fresh input plus cached prefix (what A10's "token explosion" counts).
    public var promptTokens: Double { tokens.input + tokens.cacheRead + tokens.cacheWrite }
}
