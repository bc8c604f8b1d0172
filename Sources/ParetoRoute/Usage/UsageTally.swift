/// Sums over a set of requests: how many, how many the response cache answered, their tokens
/// and what they cost.
public struct UsageTally: Sendable, Hashable {
    /// Requests (conversations, in the tool's model: one LLM call each unless cached).
    public var requests = 0
    /// Requests the application's response cache answered (no LLM call).
    public var cacheHits = 0
    /// Token sums by how they are billed.
    public var tokens = TokenCounts(input: 0, output: 0)
    /// What the requests cost: the logged `total_cost_usd`, else the logged input plus output
    /// cost, else the model's price card; 0 for an unknown model without a logged cost.
    public var costUSD = 0.0
    /// The tokens of requests whose model the data knows, priced by its card, by kind.
    public var cardCost = CostParts(input: 0, cacheRead: 0, cacheWrite: 0, output: 0)
    /// The tokens of the requests with a known model, priced by their cards (total of ``cardCost``'s tokens).
    public var cardPricedTokens = TokenCounts(input: 0, output: 0)
    /// LLM calls with neither a logged cost nor a known model (counted at cost 0).
    public var unpriced = 0
    /// Sum of logged latencies and how many were logged.
    public var latencySumMs = 0.0
    /// How many requests logged a latency.
    public var latencyCount = 0

    /// An empty tally.
    public init() {}

    /// LLM calls: requests the response cache did not answer.
    public var llmCalls: Int { requests - cacheHits }

    /// Adds one request of these tokens costing `cost` (`card`: its tokens priced by its model's card, if known).
    @inline(__always)
    mutating func add(tokens counts: TokenCounts, cacheHit: Bool, latency: Double?, cost: Double, card: CostParts?, priced: Bool) {
        requests += 1
        if cacheHit { cacheHits += 1 }
        tokens.input += counts.input
        tokens.cacheRead += counts.cacheRead
        tokens.cacheWrite += counts.cacheWrite
        tokens.output += counts.output
        costUSD += cost
        if let card {
            cardCost.input += card.input
            cardCost.cacheRead += card.cacheRead
            cardCost.cacheWrite += card.cacheWrite
            cardCost.output += card.output
            cardPricedTokens.input += counts.input
            cardPricedTokens.cacheRead += counts.cacheRead
            cardPricedTokens.cacheWrite += counts.cacheWrite
            cardPricedTokens.output += counts.output
        }
        if !priced && !cacheHit { unpriced += 1 }
        if let latency {
            latencySumMs += latency
            latencyCount += 1
        }
    }

    /// Adds another tally.
    public mutating func add(_ other: UsageTally) {
        requests += other.requests
        cacheHits += other.cacheHits
        tokens.input += other.tokens.input
        tokens.cacheRead += other.tokens.cacheRead
        tokens.cacheWrite += other.tokens.cacheWrite
        tokens.output += other.tokens.output
        costUSD += other.costUSD
        cardCost.input += other.cardCost.input
        cardCost.cacheRead += other.cardCost.cacheRead
        cardCost.cacheWrite += other.cardCost.cacheWrite
        cardCost.output += other.cardCost.output
        cardPricedTokens.input += other.cardPricedTokens.input
        cardPricedTokens.cacheRead += other.cardPricedTokens.cacheRead
        cardPricedTokens.cacheWrite += other.cardPricedTokens.cacheWrite
        cardPricedTokens.output += other.cardPricedTokens.output
        unpriced += other.unpriced
        latencySumMs += other.latencySumMs
        latencyCount += other.latencyCount
    }
}
