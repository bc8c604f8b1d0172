/// The cost of one answered conversation of a cell at given prices: one value per golden
/// sample (its input and output tokens priced together), with the moments the normal
/// approximation needs.
public struct ConversationCosts: Sendable, Hashable {
    /// USD per sample, in the cell's sample order.
    public var values: [Double]
    /// Their mean: the expected cost of a conversation (the front's per-call cost).
    public var mean: Double
    /// Their population variance: a conversation draws one of the samples uniformly.
    public var variance: Double

    /// Prices every sample: (input · input price + output · output price) / 10⁶.
    ///
    /// - Precondition: `inputTokens` and `outputTokens` are equally long and not empty.
    public init(inputTokens: [Int], outputTokens: [Int], model: Model) {
        precondition(!inputTokens.isEmpty && inputTokens.count == outputTokens.count, "paired, non-empty token samples")
        values = zip(inputTokens, outputTokens).map {
            (Double($0) * model.inputUSDPerMTok + Double($1) * model.outputUSDPerMTok) / 1e6
        }
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        let m = mean
        variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
    }
}
