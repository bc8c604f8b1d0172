/// A model that may serve an intent: its prices (written to models.csv) and its behaviour.
public struct ModelProfile: Sendable, Hashable {
    /// Identifier used in models.csv and the evals.
    public var name: String
    /// Price of one million input tokens in USD.
    public var inputUSDPerMTok: Double
    /// Price of one million output tokens in USD.
    public var outputUSDPerMTok: Double
    /// Price of one million input tokens read from the provider's prompt cache; nil: none written
    /// (the contract then bills cached input at the input price).
    public var cacheReadUSDPerMTok: Double? = nil
    /// Price of one million input tokens written to the prompt cache; nil: none written.
    public var cacheWriteUSDPerMTok: Double? = nil
    /// Fee paid once a month if any intent uses the model (e.g. provisioned throughput).
    public var monthlyFixedUSD: Double
    /// How the model's latency is distributed.
    public var latency: LatencyProfile
    /// Factor on the intent's natural answer length: chattier models write longer answers.
    public var verbosity: Double
    /// Factor on a golden sample's difficulty: weaker models suffer more on hard samples.
    public var difficultySensitivity: Double

    /// Creates a model profile; see the properties for the meaning of each figure.
    public init(
        name: String, inputUSDPerMTok: Double, outputUSDPerMTok: Double, monthlyFixedUSD: Double = 0,
        latency: LatencyProfile, verbosity: Double = 1, difficultySensitivity: Double = 1
    ) {
        self.name = name
        self.inputUSDPerMTok = inputUSDPerMTok
        self.outputUSDPerMTok = outputUSDPerMTok
        self.monthlyFixedUSD = monthlyFixedUSD
        self.latency = latency
        self.verbosity = verbosity
        self.difficultySensitivity = difficultySensitivity
    }
}
