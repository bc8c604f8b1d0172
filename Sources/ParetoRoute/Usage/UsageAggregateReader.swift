/// Reads A9's hourly aggregates (the DynamoDB items, or what a warehouse query returns) as CSV.
///
/// Columns, by header name: `PK` (`INTENT#name`) or `intent`; `SK` (the hour, ISO 8601) or
/// `hour`; `model`; `total_conversations`; `total_input_tokens`; `total_output_tokens`;
/// `total_cost_usd`; `cache_hit_count`; `cache_miss_count`; optionally
/// `total_cache_read_tokens` and `total_cache_write_tokens`. Other columns (such as
/// `avg_cost_per_conversation`) are ignored. A bad row is counted like a malformed log line.
public enum UsageAggregateReader {
    /// Reads the CSV `bytes` of `file` into `ledger`.
    /// - Throws: ``DataError`` when the header lacks a column, or (strict) at the first bad row.
    public static func read(bytes: [UInt8], file: String, into ledger: inout UsageLedger, strict: Bool) throws {
        var header: CSVHeader?
        var columns: [Int?] = []
        try CSVFile.forEachRecord(bytes: bytes, displayName: file) { record in
            guard let found = header else {
                let parsed = try CSVHeader(record, file: file)
                header = parsed
                func either(_ a: String, _ b: String) throws -> Int {
                    if let index = parsed.optional(a) ?? parsed.optional(b) { return index }
                    return try parsed.require(a)
                }
                columns = [try either("PK", "intent"), try either("SK", "hour"), parsed.optional("model"),
                           try parsed.require("total_conversations"), try parsed.require("total_input_tokens"),
                           try parsed.require("total_output_tokens"), try parsed.require("total_cost_usd"),
                           try parsed.require("cache_hit_count"), try parsed.require("cache_miss_count"),
                           parsed.optional("total_cache_read_tokens"), parsed.optional("total_cache_write_tokens")]
                return
            }
            ledger.lines += 1
            func fail(_ field: String?, _ message: String) throws {
                let problem = UsageLineProblem(field: field, message)
                ledger.addMalformedRow(file: file, line: record.line, problem: problem)
                if strict { throw UsageLineIssue(file: file, line: record.line, problem: problem).error }
            }
            guard record.count == found.names.count else {
                return try fail(nil, "expected \(found.names.count) fields as in the header, found \(record.count)")
            }
            func text(_ k: Int) -> String? { columns[k].flatMap { record.string(at: $0) } }
            func number(_ k: Int) -> Double?? {
                guard let index = columns[k] else { return .some(0) }
                guard case .success(let value) = DecimalNumber.parseDouble(record[index]), value >= 0 else { return .none }
                return .some(value)
            }
            guard var intent = text(0), !intent.isEmpty else { return try fail(found.names[columns[0] ?? 0], "expected the intent") }
            if intent.hasPrefix("INTENT#") { intent.removeFirst(7) }
            guard let hourText = text(1), let hour = UsageTimestamp.seconds(Array(hourText.utf8)) else {
                return try fail(found.names[columns[1] ?? 1], "expected the hour as an ISO 8601 timestamp")
            }
            var values: [Double] = []
            for k in 3...10 {
                guard let value = number(k), let present = value else {
                    return try fail(found.names[columns[k] ?? 0], "expected a finite number >= 0")
                }
                values.append(present)
            }
            let conversations = values[0], hits = values[4], misses = values[5]
            guard conversations == hits + misses, conversations == conversations.rounded(), conversations < 1e15 else {
                return try fail("total_conversations", "expected cache_hit_count + cache_miss_count, a whole number")
            }
            var tally = UsageTally()
            tally.requests = Int(conversations)
            tally.cacheHits = Int(hits)
            tally.tokens = TokenCounts(input: values[1], cacheRead: values[6], cacheWrite: values[7], output: values[2])
            tally.costUSD = values[3]
            let model = text(2) ?? ""
            if let card = ledger.catalog.model(id: model) {
                tally.cardCost = card.prices.costParts(of: tally.tokens)
                tally.cardPricedTokens = tally.tokens
            }
            ledger.addAggregate(intent: intent, modelID: model, hourStart: hour, tally: tally)
        }
    }
}
