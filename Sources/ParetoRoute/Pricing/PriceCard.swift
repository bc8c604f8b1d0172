/// What a provider bills per million tokens of each kind: fresh input, prompt-cache reads,
/// prompt-cache writes and output.
///
/// Every cost in the tool — a sample's, a cell's, a route's, a projection's — comes from
/// ``cost(of:)`` on one of these, so a price has one meaning everywhere. The cache prices are
/// optional because the contract defaults them to the input price: a card without them
/// bills cached input like any other input, and follows a new input price when a what-if
/// changes it.
public struct PriceCard: Sendable, Hashable {
    /// USD per million input tokens billed at the full price (not read from or written to the cache).
    public var input: Double
    /// USD per million output tokens.
    public var output: Double
    /// USD per million input tokens read from the prompt cache; nil means the input price.
    public var cacheReadOverride: Double?
    /// USD per million input tokens written to the prompt cache; nil means the input price.
    public var cacheWriteOverride: Double?

    /// Creates a card; cache prices default to the input price, as in the contract.
    public init(input: Double, output: Double, cacheRead: Double? = nil, cacheWrite: Double? = nil) {
        self.input = input
        self.output = output
        self.cacheReadOverride = cacheRead
        self.cacheWriteOverride = cacheWrite
    }

    /// USD per million tokens read from the prompt cache.
    public var cacheRead: Double { cacheReadOverride ?? input }
    /// USD per million tokens written to the prompt cache.
    public var cacheWrite: Double { cacheWriteOverride ?? input }

    /// Whether the card states cache prices of its own (models.csv's columns, a four-part
    /// `--price`): only then do reports and files show them, so version-1 output keeps its bytes.
    public var hasCacheOverrides: Bool { cacheReadOverride != nil || cacheWriteOverride != nil }

    /// `$3 in / $15 out per Mtok`, with `/ $0.3 cache read / $3.75 cache write` before `per Mtok`
    /// when the card states cache prices: how `validate` and a front's assumptions show a card.
    public var perMillionText: String {
        let cache = hasCacheOverrides ? " / $\(formatNumber(cacheRead)) cache read / $\(formatNumber(cacheWrite)) cache write" : ""
        return "$\(formatNumber(input)) in / $\(formatNumber(output)) out\(cache) per Mtok"
    }

    /// The tokens' price times 10⁶ (USD·10⁶), before the division by a million.
    ///
    /// Kept apart from ``cost(of:)`` so a monthly cost is `calls × this / 10⁶`, the operation
    /// order of the contract's version-1 formula: version-1 data keeps its figures to the bit.
    /// The cache terms are exactly 0 when no token is cached, and `x + 0` is `x`.
    @inline(__always)
    public func scaledCost(of tokens: TokenCounts) -> Double {
        tokens.input * input + tokens.cacheRead * cacheRead + tokens.cacheWrite * cacheWrite + tokens.output * output
    }

    /// The USD cost of `tokens`.
    @inline(__always)
    public func cost(of tokens: TokenCounts) -> Double {
        scaledCost(of: tokens) / 1e6
    }

    /// The USD cost of `tokens`, split into its four parts (they add up to ``cost(of:)`` up to rounding).
    public func costParts(of tokens: TokenCounts) -> CostParts {
        CostParts(input: tokens.input * input / 1e6, cacheRead: tokens.cacheRead * cacheRead / 1e6,
                  cacheWrite: tokens.cacheWrite * cacheWrite / 1e6, output: tokens.output * output / 1e6)
    }
}

extension PriceCard: CustomStringConvertible {
    /// `input/output`, then `/cache read/cache write` when either is set: the `--price` spelling.
    public var description: String {
        var text = "\(formatNumber(input))/\(formatNumber(output))"
        if hasCacheOverrides {
            text += "/\(formatNumber(cacheRead))/\(formatNumber(cacheWrite))"
        }
        return text
    }
}

extension PriceCard {
    /// Reads the `--price` spelling: `IN/OUT`, or `IN/OUT/CACHE_READ/CACHE_WRITE`, USD per
    /// million tokens, each a finite decimal >= 0; nil for anything else.
    ///
    /// In the library so a program asking "what if" reads prices exactly as the CLI does.
    public init?(spelling text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 4 else { return nil }
        var values: [Double] = []
        for part in parts {
            guard let value = try? DecimalNumber.parseDouble(Array(part.utf8)).get(), value >= 0 else { return nil }
            values.append(value)
        }
        self.init(input: values[0], output: values[1],
                  cacheRead: values.count == 4 ? values[2] : nil, cacheWrite: values.count == 4 ? values[3] : nil)
    }
}

extension PriceCard {
    /// This card after a price change: `change`'s prices, and where `change` leaves the cache
    /// prices out, this card's cache prices scaled with the input price.
    ///
    /// Providers quote cache prices as multiples of the input price (0.1× to read, 1.25× to
    /// write), so "sonnet now costs 2.5/12" keeps sonnet's cache at 0.1× and 1.25× of 2.5 rather
    /// than billing cached input at the full new price. A card whose cache prices were the input
    /// price keeps them so; a free input price (0) keeps the cache prices as they were.
    public func applying(_ change: PriceCard) -> PriceCard {
        func scaled(_ price: Double?) -> Double? {
            guard let price else { return nil }
            return input > 0 ? price * (change.input / input) : price
        }
        return PriceCard(input: change.input, output: change.output,
                         cacheRead: change.cacheReadOverride ?? scaled(cacheReadOverride),
                         cacheWrite: change.cacheWriteOverride ?? scaled(cacheWriteOverride))
    }
}
