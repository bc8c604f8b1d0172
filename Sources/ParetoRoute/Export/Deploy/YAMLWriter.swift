/// Writes a ``YAMLValue`` as block YAML that PyYAML (YAML 1.1) and YAML 1.2 readers read back
/// to the same value, and ``YAMLReader`` too.
///
/// Rules, chosen so that no reader can take a string for something else:
/// - a string is written plain only when it starts with a letter or `_`, holds only letters,
///   digits, `_ . / -`, and is not a word YAML 1.1 reads as a boolean or null (`yes`, `off`,
///   `null`, `y`, …); anything else (`:`, `#`, spaces, a leading digit, `bedrock/…-v2:0`) is
///   double-quoted, control and line-separator characters escaped as `\uXXXX`;
/// - a number is written as an integer when it is one (below 1e15), otherwise with a `.` in
///   its mantissa and a signed exponent (`1.0e-05`), the only float form YAML 1.1 reads;
///   a non-finite number, which no configuration holds, is written `null`;
/// - two spaces per level; a sequence's items under their key at two more spaces; a mapping
///   inside a sequence starts on the `- ` line; empty collections are `{}` and `[]`.
///
/// The same value gives the same bytes on every platform.
public enum YAMLWriter {
    /// The document: `comments` as `# ` lines (line breaks in them become spaces), then `value`.
    public static func render(_ value: YAMLValue, comments: [String] = []) -> String {
        var lines = comments.map { "# " + $0.map { $0.isNewline ? " " : String($0) }.joined() }
        switch value {
        case .mapping(let entries) where !entries.isEmpty:
            lines += mappingLines(entries, indent: 0)
        case .sequence(let elements) where !elements.isEmpty:
            lines += sequenceLines(elements, indent: 0)
        default:
            lines.append(inline(value))
        }
        return lines.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }.joined(separator: "\n") + "\n"
    }

    /// A scalar or empty collection as it appears after `key: ` or `- `.
    static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return YAMLWriter.number(number)
        case .string(let text): return scalar(text)
        case .sequence: return "[]"
        case .mapping: return "{}"
        }
    }

    private static func isBlock(_ value: YAMLValue) -> Bool {
        switch value {
        case .mapping(let entries): return !entries.isEmpty
        case .sequence(let elements): return !elements.isEmpty
        default: return false
        }
    }

    private static func mappingLines(_ entries: [(String, YAMLValue)], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for (key, value) in entries {
            if isBlock(value) {
                lines.append(pad + scalar(key) + ":")
                lines += block(value, indent: indent + 2)
            } else {
                lines.append(pad + scalar(key) + ": " + inline(value))
            }
        }
        return lines
    }

    private static func sequenceLines(_ elements: [YAMLValue], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for element in elements {
            guard isBlock(element) else {
                lines.append(pad + "- " + inline(element))
                continue
            }
            // The element's block, two spaces deeper, with its first line's indent ending in "- ".
            var inner = block(element, indent: indent + 2)
            if case .sequence = element {
                lines.append(pad + "-")
            } else if !inner.isEmpty {
                inner[0] = pad + "- " + inner[0].dropFirst(indent + 2)
            }
            lines += inner
        }
        return lines
    }

    private static func block(_ value: YAMLValue, indent: Int) -> [String] {
        switch value {
        case .mapping(let entries): return mappingLines(entries, indent: indent)
        case .sequence(let elements): return sequenceLines(elements, indent: indent)
        default: return [String(repeating: " ", count: indent) + inline(value)]
        }
    }

    /// Words YAML 1.1 reads as booleans or null when plain.
    static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// Whether `text` can be written without quotes and read back as the same string.
    public static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        guard !reservedWords.contains(text.lowercased()) else { return false }
        return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || "_./-".unicodeScalars.contains($0) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// A string as a YAML scalar: plain when safe, else double-quoted with escapes.
    public static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                // Control characters, C1, line/paragraph separators, BOM and non-characters:
                // PyYAML refuses some of them raw.
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number in a form YAML 1.1 and 1.2 both read as that number.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.contains(".") ? text : text + ".0"
        }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if !mantissa.contains(".") { mantissa += ".0" }
        if !exponent.hasPrefix("-"), !exponent.hasPrefix("+") { exponent = "+" + exponent }
        return mantissa + "e" + exponent
    }
}
