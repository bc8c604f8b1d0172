/// Turns a tool's model name (`mockllm/sonnet`, `anthropic:messages:claude-…`) into a models.csv name.
///
/// Explicit `FROM=TO` pairs win; otherwise the name after the last `/` or `:` is used,
/// which drops the provider prefix both tools put in front of a model.
public struct ModelNameMap: Sendable, Equatable {
    /// The explicit pairs, in the order given.
    public var pairs: [(from: String, to: String)]

    /// Creates a map from explicit pairs.
    public init(_ pairs: [(from: String, to: String)] = []) {
        self.pairs = pairs
    }

    /// Compares the pairs in order.
    public static func == (lhs: ModelNameMap, rhs: ModelNameMap) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.from == $1.from && $0.to == $1.to }
    }

    /// Parses `FROM=TO`; `nil` when either side is empty.
    public static func pair(_ text: String) -> (from: String, to: String)? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let from = String(text[..<equals]), to = String(text[text.index(after: equals)...])
        guard !from.isEmpty, !to.isEmpty else { return nil }
        return (from, to)
    }

    /// The models.csv name for `name`.
    public func map(_ name: String) -> String {
        if let pair = pairs.first(where: { $0.from == name }) { return pair.to }
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == ":" }), name.index(after: cut) < name.endIndex {
            return String(name[name.index(after: cut)...])
        }
        return name
    }
}
