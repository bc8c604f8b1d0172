/// A router the data set ships scores of: a classifier that reads each golden sample's
/// difficulty through noise, as a real one reads the query (design doc A8).
///
/// A sample's score is `−difficulty / spread + noise × N(0, 1)`: higher means harder, so a
/// threshold route sends it to the stronger cell. The noise keeps the router honest: it is
/// not the truth, and its AUC against "the weak model's answer is acceptable" is measured on
/// the data (GoldenData/README.md).
public struct RouterProfile: Sendable, Hashable {
    /// The router's name in routers.csv and router_costs.csv.
    public var name: String
    /// The intents it scores, in intents.csv order.
    public var intents: [String]
    /// Standard deviation of the score's noise, in units of the intent's difficulty spread.
    public var noise: Double
    /// Its monthly fee (router_costs.csv).
    public var monthlyFixedUSD: Double
    /// Its latency, added to every routed sample (router_costs.csv).
    public var latencyMS: Double

    /// Creates a router profile.
    public init(name: String, intents: [String], noise: Double, monthlyFixedUSD: Double, latencyMS: Double) {
        self.name = name
        self.intents = intents
        self.noise = noise
        self.monthlyFixedUSD = monthlyFixedUSD
        self.latencyMS = latencyMS
    }
}
