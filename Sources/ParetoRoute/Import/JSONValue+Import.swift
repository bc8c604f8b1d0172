/// Typed reads of eval-log values with the contract's rules (whole tokens, finite numbers).
extension JSONValue {
    /// A whole number >= 0 that fits an `Int` (token counts), or nil.
    var nonNegativeInteger: Int? {
        guard case .number(let value) = self, value >= 0, value == value.rounded(), value < 9e15 else { return nil }
        return Int(value)
    }

    /// A whole number >= 0 given as a number or as digits in a string (promptfoo vars are text).
    var nonNegativeIntegerOrDigits: Int? {
        if let value = nonNegativeInteger { return value }
        if case .string(let text) = self, case .success(let value) = DecimalNumber.parseInt(Array(text.utf8)), value >= 0,
           !text.hasPrefix("+"), !text.hasPrefix("-") {
            return value
        }
        return nil
    }

    /// Text for an identifier: a string, or a whole number written without a fraction.
    var identifierText: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : nil
        default: return nil
        }
    }

    /// The value as it appears in a message, shortened.
    var quotedForMessage: String {
        switch self {
        case .string(let text): return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let value): return formatNumber(value)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
