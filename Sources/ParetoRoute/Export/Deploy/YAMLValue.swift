/// A YAML document of the small subset ParetoRoute writes and reads back: block mappings
/// with ordered keys, block sequences, and scalars (strings, numbers, booleans, null).
///
/// Gateway configurations are YAML; the package takes no dependencies, so the subset a
/// LiteLLM config needs is written and read here, byte-identical for the same value.
public indirect enum YAMLValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; integers print without a fraction.
    case number(Double)
    /// A string, quoted when a YAML reader could take it for anything else.
    case string(String)
    /// A block sequence.
    case sequence([YAMLValue])
    /// A block mapping, keys in the order given.
    case mapping([(String, YAMLValue)])

    /// Compares structurally; mapping key order matters.
    public static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.sequence(a), .sequence(b)): return a == b
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value of `key` in a mapping, or nil.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, if this is one.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The elements, if this is a sequence.
    public var elements: [YAMLValue]? {
        if case .sequence(let value) = self { return value }
        return nil
    }

    /// The entries, if this is a mapping.
    public var entries: [(String, YAMLValue)]? {
        if case .mapping(let value) = self { return value }
        return nil
    }
}
