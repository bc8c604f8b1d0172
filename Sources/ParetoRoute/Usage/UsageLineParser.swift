import Foundation

/// Reads one request log line (a flat JSON object, design doc A9) into a ``UsageRecord``.
///
/// Log lines are flat and escape-free almost always, so a byte scanner reads them without
/// building a document; a line with escapes or nested values goes through the strict
/// ``JSONParser`` instead, with the same field rules. Unknown fields are ignored.
public enum UsageLineParser {
    /// The fields the reader knows.
    enum Key: Int, CaseIterable {
        case timestamp, requestID, intent, modelID, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens
        case cacheHit, latencyMs, inputCost, outputCost, totalCost

        var name: String {
            switch self {
            case .timestamp: return "timestamp"
            case .requestID: return "request_id"
            case .intent: return "intent"
            case .modelID: return "model_id"
            case .inputTokens: return "input_tokens"
            case .outputTokens: return "output_tokens"
            case .cacheReadTokens: return "cache_read_tokens"
            case .cacheWriteTokens: return "cache_write_tokens"
            case .cacheHit: return "cache_hit"
            case .latencyMs: return "latency_ms"
            case .inputCost: return "input_cost_usd"
            case .outputCost: return "output_cost_usd"
            case .totalCost: return "total_cost_usd"
            }
        }

        static let byteNames: [[UInt8]] = Key.allCases.map { Array($0.name.utf8) }
    }

    /// A value as far as the field rules need it.
    enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
        case other
    }

    /// The fields read so far.
    struct Fields {
        var time: Double?
        var requestID = ""
        var intent: String?
        var modelID: String?
        var input = 0.0, cacheRead = 0.0, cacheWrite = 0.0, output = 0.0
        var cacheHit = false
        var latency: Double?
        var inputCost: Double?, outputCost: Double?, totalCost: Double?

        mutating func assign(_ key: Key, _ value: Value) -> UsageLineProblem? {
            switch key {
            case .timestamp:
                switch value {
                case .string(let text):
                    guard let seconds = UsageTimestamp.seconds(Array(text.utf8)) else {
                        return UsageLineProblem(field: key.name, "expected an ISO 8601 timestamp like 2025-03-15T14:23:01Z")
                    }
                    time = seconds
                case .number(let seconds):
                    time = seconds
                default:
                    return UsageLineProblem(field: key.name, "expected an ISO 8601 timestamp")
                }
            case .requestID, .intent, .modelID:
                let text: String
                switch value {
                case .string(let s): text = s
                case .number(let n): text = formatNumber(n)
                case .null: return nil
                default: return UsageLineProblem(field: key.name, "expected a string")
                }
                if key == .requestID { requestID = text } else if key == .intent { intent = text } else { modelID = text }
            case .inputTokens, .outputTokens, .cacheReadTokens, .cacheWriteTokens, .latencyMs, .inputCost, .outputCost, .totalCost:
                let number: Double
                switch value {
                case .number(let n): number = n
                case .null: return nil
                default: return UsageLineProblem(field: key.name, "expected a number >= 0")
                }
                guard number >= 0 else { return UsageLineProblem(field: key.name, "expected a number >= 0, got \(formatNumber(number))") }
                switch key {
                case .inputTokens: input = number
                case .cacheReadTokens: cacheRead = number
                case .cacheWriteTokens: cacheWrite = number
                case .outputTokens: output = number
                case .latencyMs: latency = number
                case .inputCost: inputCost = number
                case .outputCost: outputCost = number
                default: totalCost = number
                }
            case .cacheHit:
                switch value {
                case .bool(let b): cacheHit = b
                case .null: cacheHit = false
                default: return UsageLineProblem(field: key.name, "expected true or false")
                }
            }
            return nil
        }

        func record() -> Result<UsageRecord, UsageLineProblem> {
            guard let time else { return .failure(UsageLineProblem(field: "timestamp", "missing; expected an ISO 8601 timestamp")) }
            guard let intent, !intent.isEmpty else { return .failure(UsageLineProblem(field: "intent", "missing; expected the intent's name")) }
            let model = modelID ?? ""
            if model.isEmpty && !cacheHit {
                return .failure(UsageLineProblem(field: "model_id", "missing; expected the model of an LLM call (only a cache hit may omit it)"))
            }
            return .success(UsageRecord(
                time: time, requestID: requestID, intent: intent, modelID: model,
                tokens: TokenCounts(input: input, cacheRead: cacheRead, cacheWrite: cacheWrite, output: output),
                cacheHit: cacheHit, latencyMs: latency, totalCostUSD: totalCost, inputCostUSD: inputCost, outputCostUSD: outputCost))
        }
    }

    /// Parses one line (without its line break).
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<UsageRecord, UsageLineProblem> {
        switch scanFlat(line) {
        case .some(let result): return result
        case .none: return parseStrict(Array(line))
        }
    }

    /// Parses one line (without its line break).
    public static func parse(_ line: [UInt8]) -> Result<UsageRecord, UsageLineProblem> {
        line.withUnsafeBufferPointer { parse($0) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }

    /// The fast path; nil when the line needs the strict parser (escapes, nesting, anything odd).
    private static func scanFlat(_ b: UnsafeBufferPointer<UInt8>) -> Result<UsageRecord, UsageLineProblem>? {
        var i = 0
        let n = b.count
        func skip() { while i < n, isSpace(b[i]) { i += 1 } }
        // A string's contents without escapes; nil when it has one or is unterminated.
        func rawString() -> Range<Int>? {
            guard i < n, b[i] == 34 else { return nil }
            i += 1
            let start = i
            while i < n {
                let c = b[i]
                if c == 34 { i += 1; return start..<(i - 1) }
                if c == 92 || c < 32 { return nil }
                i += 1
            }
            return nil
        }
        skip()
        guard i < n, b[i] == 123 else { return nil }
        i += 1
        var fields = Fields()
        skip()
        if i < n, b[i] == 125 {
            i += 1
        } else {
            while true {
                skip()
                guard let keyRange = rawString() else { return nil }
                skip()
                guard i < n, b[i] == 58 else { return nil }
                i += 1
                skip()
                guard i < n else { return nil }
                let key = knownKey(b, keyRange)
                let value: Value
                let c = b[i]
                if c == 34 {
                    guard let range = rawString() else { return nil }
                    if key == .timestamp {
                        // Read in place: no string for the commonest field.
                        guard let seconds = UsageTimestamp.seconds(UnsafeBufferPointer(rebasing: b[range])) else {
                            return .failure(UsageLineProblem(field: "timestamp", "expected an ISO 8601 timestamp like 2025-03-15T14:23:01Z"))
                        }
                        fields.time = seconds
                        value = .other
                    } else {
                        value = key == nil ? .other : .string(String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self))
                    }
                } else if c == 116 || c == 102 || c == 110 {
                    let word: [UInt8] = c == 116 ? [116, 114, 117, 101] : c == 102 ? [102, 97, 108, 115, 101] : [110, 117, 108, 108]
                    guard n - i >= word.count, word.indices.allSatisfy({ b[i + $0] == word[$0] }) else { return nil }
                    i += word.count
                    value = c == 110 ? .null : .bool(c == 116)
                } else if c == 45 || (c >= 48 && c <= 57) {
                    let start = i
                    while i < n, b[i] == 45 || b[i] == 43 || b[i] == 46 || b[i] == 101 || b[i] == 69 || (b[i] >= 48 && b[i] <= 57) { i += 1 }
                    if key == nil {
                        value = .other
                    } else if let whole = simpleNumber(b, start..<i) {
                        value = .number(whole)
                    } else {
                        guard case .success(let number) = DecimalNumber.parseDouble(UnsafeBufferPointer(rebasing: b[start..<i])) else { return nil }
                        value = .number(number)
                    }
                } else {
                    return nil
                }
                if let key, key != .timestamp || c != 34, let problem = fields.assign(key, value) { return .failure(problem) }
                skip()
                guard i < n else { return nil }
                if b[i] == 44 { i += 1; continue }
                if b[i] == 125 { i += 1; break }
                return nil
            }
        }
        skip()
        guard i == n else { return nil }
        return fields.record()
    }

    /// Powers of ten exactly representable as doubles.
    private static let exactPowers: [Double] = (0...22).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    /// `digits` or `digits.digits` with at most 15 significant digits: the value exactly
    /// (Clinger's fast path: an exact integer divided by an exact power of ten is correctly
    /// rounded, so the result is the decimal parser's); nil for anything else.
    @inline(__always)
    private static func simpleNumber(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value = 0
        var digits = 0
        var fraction = -1
        for k in range {
            let byte = b[k]
            if byte == 46 {
                guard fraction < 0, digits > 0 else { return nil }
                fraction = 0
                continue
            }
            let digit = Int(byte) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value &* 10 &+ digit
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        // "007", "1." and ".5" are not JSON: the strict path decides.
        guard digits <= 15, fraction != 0 else { return nil }
        let integerDigits = fraction < 0 ? digits : digits - fraction
        if integerDigits > 1 && b[range.lowerBound] == 48 { return nil }
        return fraction > 0 ? Double(value) / exactPowers[fraction] : Double(value)
    }

    /// The key of these bytes: candidates by length, then one comparison.
    @inline(__always)
    private static func knownKey(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key? {
        let candidates: (Key?, Key?)
        switch range.count {
        case 6: candidates = (.intent, nil)
        case 8: candidates = (.modelID, nil)
        case 9: candidates = (.timestamp, .cacheHit)
        case 10: candidates = (.requestID, .latencyMs)
        case 12: candidates = (.inputTokens, nil)
        case 13: candidates = (.outputTokens, nil)
        case 14: candidates = (.inputCost, .totalCost)
        case 15: candidates = (.outputCost, nil)
        case 17: candidates = (.cacheReadTokens, nil)
        case 18: candidates = (.cacheWriteTokens, nil)
        default: return nil
        }
        guard let base = b.baseAddress else { return nil }
        func matches(_ key: Key) -> Bool {
            Key.byteNames[key.rawValue].withUnsafeBufferPointer { name in
                guard let start = name.baseAddress else { return false }
                return memcmp(base + range.lowerBound, start, range.count) == 0
            }
        }
        if let first = candidates.0, matches(first) { return first }
        if let second = candidates.1, matches(second) { return second }
        return nil
    }

    /// The slow path: the strict JSON parser, then the same field rules.
    private static func parseStrict(_ bytes: [UInt8]) -> Result<UsageRecord, UsageLineProblem> {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, file: "")
        } catch {
            return .failure(UsageLineProblem(field: nil, "not JSON; expected one JSON object per line"))
        }
        guard case .object(let members) = document else {
            return .failure(UsageLineProblem(field: nil, "expected a JSON object"))
        }
        var fields = Fields()
        for (name, value) in members {
            guard let index = Key.byteNames.firstIndex(of: Array(name.utf8)), let key = Key(rawValue: index) else { continue }
            let converted: Value
            switch value {
            case .string(let s): converted = .string(s)
            case .number(let x): converted = .number(x)
            case .bool(let b): converted = .bool(b)
            case .null: converted = .null
            default: converted = .other
            }
            if let problem = fields.assign(key, converted) { return .failure(problem) }
        }
        return fields.record()
    }
}
