/// An LLM that may serve an intent, with its prices (a row of models.csv).
public struct Model: Sendable, Hashable {
    /// The identifier used in the evals.
    public var name: String
    /// What the provider bills per million tokens of each kind.
    public var prices: PriceCard
    /// Paid once a month if any intent uses the model (e.g. provisioned throughput).
    public var monthlyFixedUSD: Double
    /// The identifiers gateways, providers and request logs use for the model (models.csv's
    /// `provider_ids`); empty means the model's own name.
    public var providerIDs: [String]
    /// How the model's cells were estimated, when it has no evals yet (nil for evaluated models).
    public var estimate: EstimatedModel?

    /// Creates a model from its price card; the fee defaults to 0 as in the contract.
    public init(name: String, prices: PriceCard, monthlyFixedUSD: Double = 0, providerIDs: [String] = [],
                estimate: EstimatedModel? = nil) {
        self.name = name
        self.prices = prices
        self.monthlyFixedUSD = monthlyFixedUSD
        self.providerIDs = providerIDs
        self.estimate = estimate
    }

    /// Creates a model that bills cached input like any other input (version-1 data).
    public init(name: String, inputUSDPerMTok: Double, outputUSDPerMTok: Double, monthlyFixedUSD: Double = 0) {
        self.init(name: name, prices: PriceCard(input: inputUSDPerMTok, output: outputUSDPerMTok), monthlyFixedUSD: monthlyFixedUSD)
    }
}
