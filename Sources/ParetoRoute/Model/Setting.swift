/// The knobs chosen for one intent: model, output cap, temperature and RAG chunks.
///
/// Settings compare by numeric value, so temperature `0.2`, `0.20` and `2e-1` are the
/// same setting, as the contract's cell keying requires.
public struct Setting: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The model's name.
    public var model: String
    /// The output cap used in the evaluation.
    public var maxTokens: Int
    /// The sampling temperature.
    public var temperature: Double
    /// The retrieved chunks put into the prompt.
    public var ragChunks: Int

    /// Creates a setting.
    public init(model: String, maxTokens: Int, temperature: Double, ragChunks: Int) {
        self.model = model
        self.maxTokens = maxTokens
        // -0.0 and 0.0 are one cell.
        self.temperature = temperature == 0 ? 0 : temperature
        self.ragChunks = ragChunks
    }

    /// Orders by model name, then max_tokens, temperature and rag_chunks.
    public static func < (lhs: Setting, rhs: Setting) -> Bool {
        (lhs.model, lhs.maxTokens, lhs.temperature, lhs.ragChunks)
            < (rhs.model, rhs.maxTokens, rhs.temperature, rhs.ragChunks)
    }

    /// `sonnet/500/t0.3/rag5`: short enough for tables and messages.
    public var description: String {
        "\(model)/\(maxTokens)/t\(formatNumber(temperature))/rag\(ragChunks)"
    }
}

/// Formats a number the shortest way that reads back to the same value (`0.3`, `5`, `1e-05`).
package func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
