import Foundation
import Testing
@testable import ParetoRoute

/// The default data and production's configuration, loaded once for the suite.
enum UsageFixture {
    static let table: CellTable? = try? GoldenDataLoader.load(directory: FixturePaths.goldenData, keepingSamples: true)
    static let production: Configuration? = try? Configuration.load(path: FixturePaths.goldenData + "/production.json")

    /// Seven days at 1 % of the traffic (about 34,000 lines), as text.
    static let plantedLog: [UInt8] = log(plant: true)
    static let cleanLog: [UInt8] = log(plant: false)

    static func log(plant: Bool) -> [UInt8] {
        guard let table, let production else { return [] }
        var text = ""
        let generator = UsageLogGenerator(table: table, configuration: production, days: 7, scale: 0.01, seed: 7, plantAnomalies: plant)
        try? generator.write { text += $0 }
        return Array(text.utf8)
    }

    static func summary(_ bytes: [UInt8], cap: Double? = nil) throws -> UsageSummary {
        let table = try #require(table)
        var ledger = UsageLedger(catalog: UsageCatalog(table: table))
        try UsageReader.read(bytes: bytes, file: "logs.jsonl", into: &ledger)
        return UsageSummary(ledger: ledger, dailyCapUSD: cap)
    }
}

@Suite("Request logs: attribution, anomalies, calibration")
struct UsageTests {
    /// Every figure of the JSON document equals a sum over the lines parsed by Foundation.
    @Test func attributionEqualsIndependentSums() throws {
        let bytes = UsageFixture.plantedLog
        #expect(bytes.count > 1_000_000)
        let summary = try UsageFixture.summary(bytes)
        var requests: [String: Int] = [:], hits: [String: Int] = [:], cost: [String: Double] = [:]
        var input: [String: Double] = [:], output: [String: Double] = [:], modelCost: [String: Double] = [:]
        var dayCost: [String: Double] = [:]
        var lines = 0
        for line in bytes.split(separator: 10) {
            lines += 1
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let intent = try #require(object["intent"] as? String)
            requests[intent, default: 0] += 1
            if object["cache_hit"] as? Bool == true { hits[intent, default: 0] += 1 }
            let total = try #require(object["total_cost_usd"] as? Double)
            cost[intent, default: 0] += total
            input[intent, default: 0] += try #require(object["input_tokens"] as? Double)
            output[intent, default: 0] += try #require(object["output_tokens"] as? Double)
            modelCost[try #require(object["model_id"] as? String), default: 0] += total
            dayCost[String(try #require(object["timestamp"] as? String).prefix(10)), default: 0] += total
        }
        let document = UsageJSON.document(summary)
        #expect(document["lines"]?.number == Double(lines))
        #expect(document["malformed_lines"]?.number == 0)
        #expect(document["requests"]?.number == Double(lines))
        let byIntent = try #require(document["by_intent"]?.array)
        #expect(byIntent.count == 10)
        for row in byIntent {
            let name = try #require(row["intent"]?.string)
            #expect(row["requests"]?.number == Double(requests[name] ?? -1))
            #expect(row["cache_hits"]?.number == Double(hits[name] ?? 0))
            #expect(row["llm_calls"]?.number == Double((requests[name] ?? 0) - (hits[name] ?? 0)))
            #expect(row["input_tokens"]?.number == input[name])
            #expect(row["output_tokens"]?.number == output[name])
            #expect(abs((row["cost_usd"]?.number ?? 0) - (cost[name] ?? 0)) < 1e-9)
        }
        let byModel = try #require(document["by_model"]?.array)
        #expect(byModel.count == 1)
        #expect(byModel.first?["model"]?.string == "sonnet")
        #expect(abs((byModel.first?["cost_usd"]?.number ?? 0) - (modelCost["sonnet"] ?? 0)) < 1e-9)
        let days = try #require(document["days"]?.array)
        #expect(days.count == 7)
        for day in days {
            let date = try #require(day["date"]?.string)
            #expect(abs((day["cost_usd"]?.number ?? 0) - (dayCost[date] ?? -1)) < 1e-9)
            let hours = try #require(day["hour_cost_usd"]?.array)
            #expect(abs(hours.reduce(0) { $0 + ($1.number ?? 0) } - (dayCost[date] ?? -1)) < 1e-9)
        }
    }

    /// The three planted anomalies are found, and nothing else; clean logs have none.
    @Test func plantedAnomaliesAndNothingElse() throws {
        let planted = try UsageFixture.summary(UsageFixture.plantedLog)
        #expect(planted.anomalyCounts[.costSpike] == 1)
        #expect(planted.anomalyCounts[.tokenExplosion] == 1)
        #expect(planted.anomalyCounts[.velocitySpike] == 1)
        #expect(planted.anomalies.map(\.requestID).filter { !$0.isEmpty } == ["planted-cost-spike", "planted-token-explosion"])
        #expect(planted.anomalies.first { $0.kind == .velocitySpike }?.timestamp == "2025-03-07T14:00:00Z")
        #expect(planted.anomalies.first { $0.kind == .costSpike }?.timestamp == "2025-03-03T10:17:00Z")
        let clean = try UsageFixture.summary(UsageFixture.cleanLog)
        #expect(clean.anomalyCount == 0)
        #expect(clean.total.requests > 30_000)
    }

    /// Budget thresholds: each day crosses 70/85/95/100 % of a cap below its cost, at the
    /// minute the cumulative cost (summed here by brute force) first reaches it.
    @Test func dailyCapThresholds() throws {
        let summary = try UsageFixture.summary(UsageFixture.cleanLog)
        let dayCost = try #require(summary.days.first?.tally.costUSD)
        let cap = dayCost * 0.9
        let capped = try UsageFixture.summary(UsageFixture.cleanLog, cap: cap)
        let budget = capped.anomalies.filter { $0.kind == .budget }
        #expect(budget.count >= 7 * 2)
        #expect(budget.count == min(UsageLedger.sampleLimit, capped.anomalyCounts[.budget] ?? 0))
        let firstDay = budget.filter { $0.timestamp.hasPrefix("2025-03-01") }
        #expect(firstDay.map(\.threshold) == [0.70 * cap, 0.85 * cap, 0.95 * cap, 1.00 * cap])
        // Brute force: the minute of the first day where the cumulative cost reaches 70 %.
        var cumulative = 0.0
        var crossing = ""
        for line in UsageFixture.cleanLog.split(separator: 10) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let stamp = try #require(object["timestamp"] as? String)
            guard stamp.hasPrefix("2025-03-01") else { break }
            cumulative += try #require(object["total_cost_usd"] as? Double)
            if crossing.isEmpty && cumulative >= 0.7 * cap { crossing = String(stamp.prefix(16)) + ":00Z" }
        }
        // The listed minute's cumulative cost includes the whole minute.
        #expect(firstDay.first?.timestamp == crossing)
    }

    /// The hourly aggregate of the same logs (summed here, A9's DynamoDB items) gives the same attribution.
    @Test func aggregateCSVGivesTheSameAttribution() throws {
        struct Hour { var n = 0, hits = 0, input = 0.0, output = 0.0, read = 0.0, write = 0.0, cost = 0.0 }
        var hours: [String: Hour] = [:]
        for line in UsageFixture.plantedLog.split(separator: 10) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let key = "INTENT#\(object["intent"] as? String ?? ""),\(String((object["timestamp"] as? String ?? "").prefix(13))):00:00Z,\(object["model_id"] as? String ?? "")"
            var hour = hours[key, default: Hour()]
            hour.n += 1
            if object["cache_hit"] as? Bool == true { hour.hits += 1 }
            hour.input += object["input_tokens"] as? Double ?? 0
            hour.output += object["output_tokens"] as? Double ?? 0
            hour.read += object["cache_read_tokens"] as? Double ?? 0
            hour.write += object["cache_write_tokens"] as? Double ?? 0
            hour.cost += object["total_cost_usd"] as? Double ?? 0
            hours[key] = hour
        }
        var csv = "PK,SK,model,total_conversations,total_input_tokens,total_output_tokens,total_cost_usd,cache_hit_count,cache_miss_count,total_cache_read_tokens,total_cache_write_tokens\n"
        for (key, h) in hours.sorted(by: { $0.key < $1.key }) {
            csv += "\(key),\(h.n),\(Int(h.input)),\(Int(h.output)),\(h.cost),\(h.hits),\(h.n - h.hits),\(Int(h.read)),\(Int(h.write))\n"
        }
        let table = try #require(UsageFixture.table)
        var ledger = UsageLedger(catalog: UsageCatalog(table: table))
        try UsageAggregateReader.read(bytes: Array(csv.utf8), file: "hourly.csv", into: &ledger, strict: true)
        let fromAggregate = UsageSummary(ledger: ledger)
        let fromLogs = try UsageFixture.summary(UsageFixture.plantedLog)
        #expect(fromAggregate.malformedLines == 0)
        #expect(fromAggregate.byIntent.map(\.name) == fromLogs.byIntent.map(\.name))
        for (a, b) in zip(fromAggregate.byIntent, fromLogs.byIntent) {
            #expect(a.tally.requests == b.tally.requests)
            #expect(a.tally.cacheHits == b.tally.cacheHits)
            #expect(a.tally.tokens == b.tally.tokens)
            #expect(abs(a.tally.costUSD - b.tally.costUSD) < 1e-9)
            #expect(abs(a.cacheSavingsUSD - b.cacheSavingsUSD) < 1e-9)
        }
        #expect(zip(fromAggregate.days, fromLogs.days).allSatisfy { abs($0.tally.costUSD - $1.tally.costUSD) < 1e-9 && $0.date == $1.date })
        #expect(abs(fromAggregate.total.cardCost.total - fromLogs.total.cardCost.total) < 1e-9)
    }

    /// Malformed lines are counted with their line numbers and never stop the count; strict stops at the first.
    @Test func malformedLinesAreCountedAndListed() throws {
        let good = #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet","input_tokens":100,"output_tokens":10}"#
        let text = [good, "not json", #"{"timestamp":"2025-03-01T10:00:00Z","model_id":"sonnet"}"#,
                    #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet","input_tokens":-5}"#,
                    #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet","output_tokens":1e999}"#,
                    "", #"{"timestamp":"2025-03-01T10:00:00Z","intent":"f\u0061q","model_id":"anthropic.x","cache_hit":true}"#,
                    #"{"timestamp":"nope","intent":"faq","model_id":"sonnet"}"#].joined(separator: "\n")
        let summary = try UsageFixture.summary(Array(text.utf8))
        #expect(summary.lines == 8)
        #expect(summary.malformedLines == 5)
        #expect(summary.malformedSamples.map(\.line) == [2, 3, 4, 5, 8])
        #expect(summary.malformedSamples.map(\.problem.field) == [nil, "intent", "input_tokens", nil, "timestamp"])
        #expect(summary.total.requests == 2)
        #expect(summary.byIntent.map(\.name) == ["faq"])
        // The escaped line took the strict parser; its unknown model id is reported, not dropped.
        #expect(summary.byModel.map(\.name).sorted() == ["anthropic.x", "sonnet"])
        #expect(summary.byModel.first { $0.name == "anthropic.x" }?.known == false)
        // 100 input and 10 output tokens at sonnet's card (3 and 15 USD per million).
        #expect(abs(summary.total.costUSD - (100 * 3 + 10 * 15) / 1e6) < 1e-15)
        var ledger = UsageLedger(catalog: UsageCatalog(table: try #require(UsageFixture.table)))
        #expect(throws: DataError(.badData, file: "x.jsonl", line: 2, field: "input_tokens", "expected a number >= 0, got -5")) {
            try UsageReader.read(bytes: Array(text.utf8).split(separator: 10).enumerated().filter { $0.offset != 1 && $0.offset != 2 }
                .map { Array($0.element) }.joined(separator: [10]).map { $0 } + [10], file: "x.jsonl", into: &ledger, strict: true)
        }
    }

    /// The parser's numbers are the correctly rounded doubles of their text, fast path or not.
    @Test(arguments: ["0.006303", "0.1", "12.5", "1e-05", "0.30494999999999994", "123456789012345", "1234567890123456", "0", "7.0"])
    func numbersAreCorrectlyRounded(_ text: String) throws {
        let line = #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"m","total_cost_usd":"# + text + "}"
        let record = try UsageLineParser.parse(Array(line.utf8)).get()
        #expect(record.totalCostUSD == Double(text))
    }

    /// Provider ids map to the data's model names (models.csv's provider_ids).
    @Test func providerIDsMapToModels() throws {
        let sonnet = Model(name: "sonnet", prices: PriceCard(input: 3, output: 15),
                           providerIDs: ["bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-sonnet-20241022-v2:0"])
        let catalog = UsageCatalog(models: [sonnet], intents: [Intent(name: "faq", dailyVolume: 1, responseCacheHitRate: 0, minQuality: 0, maxP99LatencyMs: 1)])
        var ledger = UsageLedger(catalog: catalog)
        let text = #"{"timestamp":"2025-03-15T14:23:01Z","request_id":"req-abc123","intent":"faq","model_id":"anthropic.claude-3-5-sonnet-20241022-v2:0","input_tokens":1247,"output_tokens":412,"cache_hit":false}"#
            + "\n" + #"{"timestamp":"2025-03-15T14:23:02+01:00","intent":"recommendation","model_id":"sonnet","input_tokens":1000,"output_tokens":0}"#
        try UsageReader.read(bytes: Array(text.utf8), file: "a.jsonl", into: &ledger)
        let summary = UsageSummary(ledger: ledger)
        #expect(summary.byModel.map(\.name) == ["sonnet"])
        // A1's figure: 1247 × 3 + 412 × 15 per million.
        #expect(abs((summary.byIntent.first { $0.name == "faq" }?.tally.costUSD ?? 0) - 0.009921) < 1e-12)
        #expect(summary.byIntent.first { $0.name == "recommendation" }?.known == false)
        // +01:00 puts the second request at 13:23:02Z, an hour before the first.
        #expect(summary.days.first?.hourCostUSD[13] == 0.003)
    }

    /// Calibration recovers each intent's daily volume within 3 % and hit rate within 0.01.
    ///
    /// Each intent is generated alone at a scale giving it about 40,000 requests over 10 days,
    /// so 3 % is over 6 standard deviations of the Poisson count and 0.01 over 4 of the rate.
    @Test func calibrationRecoversVolumeAndHitRate() throws {
        let table = try #require(UsageFixture.table)
        let production = try #require(UsageFixture.production)
        for entry in production.entries {
            let intent = try #require(table.intents.first { $0.name == entry.intent })
            let scale = 4_000 / intent.dailyVolume
            let generator = UsageLogGenerator(table: table, configuration: Configuration(entries: [entry]), days: 10, scale: scale, seed: 11)
            var ledger = UsageLedger(catalog: UsageCatalog(table: table))
            var line = 0
            try generator.forEachRecord { record in
                line += 1
                ledger.add(record, file: "-", line: line)
            }
            let calibration = try UsageCalibration(ledger: ledger, intents: table.intents)
            #expect(calibration.wholeDays == 10)
            let row = try #require(calibration.rows.first { $0.intent == entry.intent })
            let volume = try #require(row.observedDailyVolume)
            #expect(abs(volume / (intent.dailyVolume * scale) - 1) < 0.03, "\(entry.intent) volume \(volume)")
            #expect(abs((row.observedHitRate ?? -1) - intent.responseCacheHitRate) < 0.01, "\(entry.intent)")
        }
    }

    /// calibrate writes a new directory that loads, and refuses the data directory or any existing path.
    @Test func calibrationWritesANewDirectoryOnly() throws {
        let table = try #require(UsageFixture.table)
        var ledger = UsageLedger(catalog: UsageCatalog(table: table))
        try UsageReader.read(bytes: UsageFixture.cleanLog, file: "logs.jsonl", into: &ledger)
        let calibration = try UsageCalibration(ledger: ledger, intents: table.intents)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("calibrate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try calibration.write(data: FixturePaths.goldenData, to: base)
        let loaded = try GoldenDataLoader.load(directory: base)
        let faq = try #require(loaded.intents.first { $0.name == "faq" })
        let row = try #require(calibration.rows.first { $0.intent == "faq" })
        #expect(abs(faq.dailyVolume - (row.observedDailyVolume ?? 0)) <= 0.05)
        #expect(loaded.cells.map { $0.map(\.meanTokens) } == table.cells.map { $0.map(\.meanTokens) })
        let before = try Data(contentsOf: URL(fileURLWithPath: base + "/intents.csv"))
        #expect(throws: DataError.self) { try calibration.write(data: FixturePaths.goldenData, to: base) }
        #expect(throws: DataError.self) { try calibration.write(data: FixturePaths.goldenData, to: FixturePaths.goldenData) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: base + "/intents.csv")) == before)
    }

    /// Hostile bytes never crash the reader and every line is counted once.
    @Test func arbitraryBytesAreCounted() throws {
        var seed: UInt64 = 12345
        let pieces: [String] = ["{", "}", "\"", ":", ",", "intent", "timestamp", "2025-03-01T00:00:00Z", "1e5", "-1", "nan",
                                "true", "null", "[", "]", "\\u00", "\n", " ", "\u{0}", "é"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<60 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            let bytes = Array(text.utf8)
            let summary = try UsageFixture.summary(bytes)
            let expectedLines = bytes.split(separator: 10, omittingEmptySubsequences: false).count - (bytes.last == 10 ? 1 : 0)
            #expect(summary.lines == max(0, expectedLines))
            #expect(summary.total.requests + summary.malformedLines <= summary.lines)
        }
    }
}
