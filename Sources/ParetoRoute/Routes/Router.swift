/// A router: something that scores each request of an intent so a route can send the
/// high-scoring ones to its stronger cell (a complexity classifier, the prompt's length).
///
/// Its costs are router_costs.csv's: a monthly fee paid once if any intent routes by it, and a
/// latency added to every routed request.
public struct Router: Sendable, Hashable {
    /// The router's name, as routers.csv and configurations spell it.
    public var name: String
    /// Paid once a month if any intent uses the router.
    public var monthlyFixedUSD: Double
    /// Added to every routed sample's latency.
    public var latencyMs: Double

    /// Creates a router; a router without a row in router_costs.csv costs nothing.
    public init(name: String, monthlyFixedUSD: Double = 0, latencyMs: Double = 0) {
        self.name = name
        self.monthlyFixedUSD = monthlyFixedUSD
        self.latencyMs = latencyMs
    }
}
