/// Reads back exactly the YAML subset ``YAMLWriter`` writes — block mappings and sequences,
/// plain, single- and double-quoted scalars, `{}` and `[]`, `#` comments — and refuses the
/// rest of YAML (flow collections, anchors, tags, block scalars, several documents) with an
/// error naming the file and line, rather than guessing.
///
/// Plain scalars are typed as YAML 1.2's core schema types them (`null`, `~`, `true`,
/// `false`, integers and decimals); everything else is a string.
public struct YAMLReader: Sendable {
    /// The document read, and the line each value started on.
    public struct Document: Sendable {
        /// The whole document.
        public var value: YAMLValue
        /// 1-based line of each value by its path: `model_list[0].litellm_params.model`
        /// (the root is `""`).
        public var lines: [String: Int]

        /// The line of the value at `path`, if it was read from one.
        public func line(of path: String) -> Int? { lines[path] }
    }

    private struct Line {
        var number: Int
        var indent: Int
        var text: Substring
    }

    private var lines: [Line] = []
    private var position = 0
    private var recorded: [String: Int] = [:]
    private let file: String

    /// Reads a YAML file (at most 16 MiB).
    /// - Throws: ``DataError``: `.missingInput`, `.readFailure`, or `.badData` naming the line.
    public static func read(path: String) throws -> Document {
        let bytes = try InputFile.bytes(path: path, displayName: path, expected: "a YAML file", limit: 16 << 20)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DataError(file: path, "not UTF-8 text; expected a YAML file")
        }
        return try parse(text, file: path)
    }

    /// Parses `text`; `file` names it in errors.
    /// - Throws: ``DataError`` naming `file` and the 1-based line.
    public static func parse(_ text: String, file: String) throws -> Document {
        var reader = YAMLReader(file: file)
        try reader.split(text)
        guard !reader.lines.isEmpty else { return Document(value: .null, lines: [:]) }
        let first = reader.lines[0]
        guard first.indent == 0 else {
            throw DataError(file: file, line: first.number, "the document starts indented; expected its first key at column 1")
        }
        let value = try reader.block(indent: 0, path: "")
        if reader.position < reader.lines.count {
            let line = reader.lines[reader.position]
            throw DataError(file: file, line: line.number, "unexpected indentation; expected a key or item aligned with the ones before it")
        }
        return Document(value: value, lines: reader.recorded)
    }

    private init(file: String) {
        self.file = file
    }

    private func error(_ line: Int, _ message: String) -> DataError {
        DataError(file: file, line: line, message)
    }

    /// Splits into non-blank, non-comment lines with their indentation.
    private mutating func split(_ text: String) throws {
        var number = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            if line.hasSuffix("\r") { line = line.dropLast() }
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if rest.isEmpty || rest.hasPrefix("#") { continue }
            if rest.hasPrefix("\t") {
                throw error(number, "a tab in the indentation; expected spaces")
            }
            if indent == 0, rest.hasPrefix("---") || rest.hasPrefix("...") || rest.hasPrefix("%") {
                throw error(number, "document markers and directives are not supported; expected one plain document")
            }
            lines.append(Line(number: number, indent: indent, text: rest))
        }
    }

    private static func isItem(_ text: Substring) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    /// The block starting at the current line, whose lines are indented by `indent`.
    private mutating func block(indent: Int, path: String) throws -> YAMLValue {
        let line = lines[position]
        if recorded[path] == nil { recorded[path] = line.number }
        return YAMLReader.isItem(line.text) ? try sequence(indent: indent, path: path) : try mapping(indent: indent, path: path)
    }

    private mutating func sequence(indent: Int, path: String) throws -> YAMLValue {
        var elements: [YAMLValue] = []
        while position < lines.count, lines[position].indent == indent, YAMLReader.isItem(lines[position].text) {
            let line = lines[position]
            let itemPath = path + "[\(elements.count)]"
            recorded[itemPath] = line.number
            let rest = line.text.dropFirst(1).drop { $0 == " " }
            let restIndent = indent + (line.text.count - rest.count)
            if rest.isEmpty || rest.hasPrefix("#") {
                position += 1
                elements.append(try nested(after: line, parentIndent: indent, path: itemPath))
            } else if try YAMLReader.isItem(rest) || splitKey(rest, line: line.number) != nil {
                // "- key: value": the item is a block starting on this line, further in.
                lines[position] = Line(number: line.number, indent: restIndent, text: rest)
                elements.append(try block(indent: restIndent, path: itemPath))
            } else {
                position += 1
                elements.append(try scalar(rest, line: line.number))
            }
        }
        return .sequence(elements)
    }

    private mutating func mapping(indent: Int, path: String) throws -> YAMLValue {
        var entries: [(String, YAMLValue)] = []
        while position < lines.count, lines[position].indent == indent, !YAMLReader.isItem(lines[position].text) {
            let line = lines[position]
            guard let (key, rest) = try splitKey(line.text, line: line.number) else {
                throw error(line.number, "'\(line.text.prefix(60))' is neither 'key: value' nor a '- ' item")
            }
            if entries.contains(where: { $0.0 == key }) {
                throw error(line.number, "the key '\(key)' appears twice in one mapping")
            }
            let keyPath = path.isEmpty ? key : path + "." + key
            recorded[keyPath] = line.number
            position += 1
            if rest.isEmpty || rest.hasPrefix("#") {
                // A key's block may be a sequence at the key's own indentation.
                if position < lines.count, lines[position].indent == indent, YAMLReader.isItem(lines[position].text) {
                    entries.append((key, try sequence(indent: indent, path: keyPath)))
                } else {
                    entries.append((key, try nested(after: line, parentIndent: indent, path: keyPath)))
                }
            } else {
                entries.append((key, try scalar(rest, line: line.number)))
            }
        }
        return .mapping(entries)
    }

    /// The block under a line with nothing after its `key:` or `-`, or null when none is indented under it.
    private mutating func nested(after line: Line, parentIndent: Int, path: String) throws -> YAMLValue {
        guard position < lines.count, lines[position].indent > parentIndent else { return .null }
        return try block(indent: lines[position].indent, path: path)
    }

    /// `key: rest` → (key, rest); nil when the line is not a mapping entry.
    private func splitKey(_ text: Substring, line: Int) throws -> (String, Substring)? {
        if let quote = text.first, quote == "\"" || quote == "'" {
            let (key, end) = try quoted(text, line: line)
            let after = text[end...]
            guard after.hasPrefix(":") else { return nil }
            let rest = after.dropFirst()
            guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
            return (key, rest.drop { $0 == " " })
        }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " {
                    let key = String(text[..<index])
                    guard !key.isEmpty else { return nil }
                    try checkPlain(Substring(key), line: line)
                    return (key, text[next...].drop { $0 == " " })
                }
            }
            if text[index] == "#", index > text.startIndex, text[text.index(before: index)] == " " { return nil }
            index = text.index(after: index)
        }
        return nil
    }

    /// A quoted scalar at the start of `text`: its value and the index after its closing quote.
    private func quoted(_ text: Substring, line: Int) throws -> (String, Substring.Index) {
        guard let quote = text.first else { throw error(line, "expected a quoted string") }
        var out = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let c = text[index]
            if c == quote {
                let next = text.index(after: index)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    out.append("'")
                    index = text.index(after: next)
                    continue
                }
                return (out, next)
            }
            if quote == "\"", c == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { break }
                switch text[index] {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "0": out.append("\0")
                case "x", "u", "U":
                    let digits = text[index] == "x" ? 2 : (text[index] == "u" ? 4 : 8)
                    let start = text.index(after: index)
                    guard let end = text.index(start, offsetBy: digits, limitedBy: text.endIndex),
                          let value = UInt32(text[start..<end], radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw error(line, "a bad \\\(text[index]) escape; expected \(digits) hexadecimal digits of a character")
                    }
                    out.unicodeScalars.append(scalar)
                    index = text.index(before: end)
                default:
                    throw error(line, "the escape \\\(text[index]) is not supported; expected one of \\\" \\\\ \\n \\t \\r \\uXXXX")
                }
                index = text.index(after: index)
                continue
            }
            out.append(c)
            index = text.index(after: index)
        }
        throw error(line, "the quoted string is not closed on its line; expected a closing \(quote)")
    }

    private func checkPlain(_ text: Substring, line: Int) throws {
        guard let first = text.first else { return }
        if "[{&*!|>%@`".contains(first) {
            throw error(line, "'\(text.prefix(40))': flow collections, anchors, aliases, tags and block scalars are not supported; expected a plain or quoted scalar")
        }
    }

    /// A scalar value after `key: ` or `- `, with an optional trailing comment.
    private func scalar(_ text: Substring, line: Int) throws -> YAMLValue {
        if let quote = text.first, quote == "\"" || quote == "'" {
            let (value, end) = try quoted(text, line: line)
            let after = text[end...].drop { $0 == " " }
            guard after.isEmpty || after.hasPrefix("#") else {
                throw error(line, "text after the closing quote: '\(after.prefix(40))'; expected the end of the line or a comment")
            }
            return .string(value)
        }
        var plain = text
        if let comment = plain.range(of: " #") { plain = plain[..<comment.lowerBound] }
        while plain.hasSuffix(" ") { plain = plain.dropLast() }
        if plain == "[]" { return .sequence([]) }
        if plain == "{}" { return .mapping([]) }
        try checkPlain(plain, line: line)
        if plain.contains(": ") {
            throw error(line, "'\(plain.prefix(40))' holds ': '; expected one scalar (quote it, or put a nested mapping on the next lines)")
        }
        return YAMLReader.typed(String(plain))
    }

    /// A plain scalar typed by YAML 1.2's core schema.
    static func typed(_ text: String) -> YAMLValue {
        switch text {
        case "null", "Null", "NULL", "~": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isNumber(text), let value = Double(text), value.isFinite { return .number(value) }
        return .string(text)
    }

    /// `[-+]?` digits, an optional fraction, an optional exponent (no `nan`, `inf`, hex).
    private static func isNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let whole = chars.prefix { $0.isASCII && $0.isNumber }
        chars = chars.dropFirst(whole.count)
        var fraction: Substring = ""
        if chars.first == "." {
            chars = chars.dropFirst()
            fraction = chars.prefix { $0.isASCII && $0.isNumber }
            chars = chars.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
            let exponent = chars.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            chars = chars.dropFirst(exponent.count)
        }
        return chars.isEmpty
    }
}
