/// An LLM that may serve an intent, with its prices (a row of models.csv).
public struct Model: Sendable, Hashable, Codable {
    /// The identifier used in the evals.
    public var name: String
    /// USD per million input tokens.
    public var inputUSDPerMTok: Double
    /// USD per million output tokens.
    public var outputUSDPerMTok: Double
    /// Paid once a month if any intent uses the model (e.g. provisioned throughput).
    public var monthlyFixedUSD: Double

    /// Creates a model; the fee defaults to 0 as in the contract.
    public init(name: String, inputUSDPerMTok: Double, outputUSDPerMTok: Double, monthlyFixedUSD: Double = 0) {
        self.name = name
        self.inputUSDPerMTok = inputUSDPerMTok
        self.outputUSDPerMTok = outputUSDPerMTok
        self.monthlyFixedUSD = monthlyFixedUSD
    }
}
