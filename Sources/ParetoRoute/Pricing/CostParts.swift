/// A cost split by the kind of token that caused it, so a reader sees what the cache saves.
public struct CostParts: Sendable, Hashable {
    /// USD for fresh input tokens.
    public var input: Double
    /// USD for input tokens read from the prompt cache.
    public var cacheRead: Double
    /// USD for input tokens written to the prompt cache.
    public var cacheWrite: Double
    /// USD for output tokens.
    public var output: Double

    /// Creates a split.
    public init(input: Double, cacheRead: Double, cacheWrite: Double, output: Double) {
        self.input = input
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
        self.output = output
    }

    /// The four parts scaled by `factor` (e.g. per-call parts to monthly parts).
    public func scaled(by factor: Double) -> CostParts {
        CostParts(input: input * factor, cacheRead: cacheRead * factor, cacheWrite: cacheWrite * factor, output: output * factor)
    }

    /// Part by part sums: a route's two sides, each at its own model's prices.
    public static func + (lhs: CostParts, rhs: CostParts) -> CostParts {
        CostParts(input: lhs.input + rhs.input, cacheRead: lhs.cacheRead + rhs.cacheRead,
                  cacheWrite: lhs.cacheWrite + rhs.cacheWrite, output: lhs.output + rhs.output)
    }

    /// The sum of the parts.
    public var total: Double { input + cacheRead + cacheWrite + output }
}
