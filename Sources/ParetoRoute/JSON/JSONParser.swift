/// A small strict JSON parser that reports the line of every error.
///
/// Foundation's parser gives neither line numbers nor our number rules; a
/// configuration or front file that a person edited deserves both.
package struct JSONParser {
    let bytes: [UInt8]
    let file: String
    /// The next byte to read.
    var index = 0
    /// The line of ``index`` (1-based), for errors.
    private(set) var line = 1
    private var depth = 0

    /// The deepest nesting accepted, so hostile input cannot exhaust the stack.
    package static let maxDepth = 64

    /// Parses `bytes` as one JSON document; errors name `file` and the line.
    package static func parse(_ bytes: [UInt8], file: String) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes, file: file)
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON document") }
        return value
    }

    /// Parses `bytes` as a sequence of JSON documents (JSON Lines), each with its 1-based line.
    ///
    /// Documents may be separated by line breaks or by nothing at all (`}{`): some
    /// writers joined batches without a newline.
    package static func parseSequence(_ bytes: [UInt8], file: String) throws -> [(value: JSONValue, line: Int)] {
        var parser = JSONParser(bytes: bytes, file: file)
        var documents: [(JSONValue, Int)] = []
        while true {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { return documents }
            let line = parser.line
            documents.append((try parser.parseValue(), line))
        }
    }

    /// A parser positioned at the start of `bytes` (after a byte-order mark).
    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The byte at ``index`` after skipping whitespace, or nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Skips whitespace and consumes `byte`, or fails saying `expected`.
    mutating func expect(_ byte: UInt8, _ expected: String) throws {
        guard peek() == byte else { throw error(expected) }
        index += 1
    }

    /// Consumes `byte` when it comes next (after whitespace); tells whether it did.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// A syntax error at the current line.
    func error(_ message: String) -> DataError {
        DataError(file: file, line: line, message + "; expected valid JSON")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: line += 1; index += 1
            default: return
            }
        }
    }

    /// Parses the value at ``index`` (after whitespace).
    mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("the document ends early") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        default: return .number(try parseNumber())
        }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        // Byte by byte: a front has a `true`/`false` per point, so no array per word.
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected character") }
        for k in 0..<count where bytes[index + k] != word.utf8Start[k] { throw error("unexpected character") }
        index += count
    }

    private mutating func parseObject() throws -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth)") }
        index += 1
        var members: [(String, JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let key = try parseString()
            if members.contains(where: { $0.0 == key }) { throw error("key '\(key)' appears twice") }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONParser.maxDepth else { throw error("nesting deeper than \(JSONParser.maxDepth)") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected ',' or ']' in an array")
        }
    }

    /// Parses the string whose opening quote is at ``index``.
    mutating func parseString() throws -> String {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: scalars, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw error("the document ends inside a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = hexQuad() else { throw error("a bad \\u escape; expected four hex digits") }
                    if (0xD800..<0xDC00).contains(code) {
                        // A high surrogate must be followed by an escaped low one (RFC 8259 §7).
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a lone surrogate in a \\u escape")
                        }
                        index += 2
                        guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate in a \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("a bad escape in a string")
                }
            case 0x00..<0x20:
                throw error("a control character inside a string")
            default:
                scalars.append(byte)
            }
        }
        throw error("the document ends inside a string")
    }

    /// Reads exactly four hex digits (no sign, unlike `UInt32(_:radix:)`).
    private mutating func hexQuad() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var code: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            code = code << 4 | UInt32(digit)
        }
        index += 4
        return code
    }

    /// Parses the number at ``index`` by the project's strict decimal rules.
    mutating func parseNumber() throws -> Double {
        let start = index
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                break scan
            }
        }
        guard index > start, case .success(let value) = DecimalNumber.parseDouble(bytes[start..<index]) else {
            throw error("unexpected character")
        }
        return value
    }
}
