import Foundation

/// Reads one request log line (a flat JSON object, design doc A9) into a ``UsageRecord``.
///
/// Log lines are flat and escape-free almost always, so ``UsageLineScanner`` reads them without
/// building a document; a line it does not read exactly (escapes, nesting, duplicate keys, odd
/// numbers) goes through the strict ``JSONParser`` instead, with the same field rules. Unknown
/// fields are ignored.
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
                        return .badTimestamp
                    }
                    time = seconds
                case .number(let seconds):
                    guard UsageTimestamp.epochSecondsRange.contains(seconds) else { return .timestampRange }
                    time = seconds
                default:
                    return .notTimestamp
                }
            case .requestID, .intent, .modelID:
                let text: String
                switch value {
                case .string(let s): text = s
                case .number(let n): text = formatNumber(n)
                case .null: return nil
                default: return .notString(key.name)
                }
                if key == .requestID { requestID = text } else if key == .intent { intent = text } else { modelID = text }
            case .inputTokens, .outputTokens, .cacheReadTokens, .cacheWriteTokens, .latencyMs, .inputCost, .outputCost, .totalCost:
                let number: Double
                switch value {
                case .number(let n): number = n
                case .null: return nil
                default: return .notNumber(key.name)
                }
                guard number >= 0 else { return .negative(key.name, number) }
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
                default: return .notBool
                }
            }
            return nil
        }

        func record() -> Result<UsageRecord, UsageLineProblem> {
            guard let time else { return .failure(.missingTimestamp) }
            guard let intent, !intent.isEmpty else { return .failure(.missingIntent) }
            let model = modelID ?? ""
            if model.isEmpty && !cacheHit { return .failure(.missingModel) }
            return .success(UsageRecord(
                time: time, requestID: requestID, intent: intent, modelID: model,
                tokens: TokenCounts(input: input, cacheRead: cacheRead, cacheWrite: cacheWrite, output: output),
                cacheHit: cacheHit, latencyMs: latency, totalCostUSD: totalCost, inputCostUSD: inputCost, outputCostUSD: outputCost))
        }
    }

    /// Parses one line (without its line break): the fast scan, else the strict path.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<UsageRecord, UsageLineProblem> {
        var scanner = UsageLineScanner()
        guard let scan = scanner.scan(line) else { return parseStrict(Array(line)) }
        return record(of: scan, in: line)
    }

    /// Parses one line (without its line break).
    public static func parse(_ line: [UInt8]) -> Result<UsageRecord, UsageLineProblem> {
        line.withUnsafeBufferPointer { parse($0) }
    }

    /// The record (or problem) of a fast scan of `line`.
    static func record(of scan: UsageLineScanner.Scan, in line: UnsafeBufferPointer<UInt8>) -> Result<UsageRecord, UsageLineProblem> {
        if let problem = scan.problem { return .failure(problem) }
        func text(_ range: Range<Int>?) -> String {
            guard let range else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        }
        return .success(UsageRecord(
            time: scan.time, requestID: text(scan.requestID), intent: text(scan.intent), modelID: text(scan.model),
            tokens: TokenCounts(input: scan.input, cacheRead: scan.cacheRead, cacheWrite: scan.cacheWrite, output: scan.output),
            cacheHit: scan.cacheHit, latencyMs: scan.latency, totalCostUSD: scan.totalCost,
            inputCostUSD: scan.inputCost, outputCostUSD: scan.outputCost))
    }

    /// The slow path: the strict JSON parser, then the same field rules.
    static func parseStrict(_ bytes: [UInt8]) -> Result<UsageRecord, UsageLineProblem> {
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
