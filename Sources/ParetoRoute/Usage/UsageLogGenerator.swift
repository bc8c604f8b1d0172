import Foundation
import NSGA2

/// Writes synthetic A9 request logs consistent with a data directory, for tests and benchmarks.
///
/// Each day and hour, each intent of `configuration` gets a Poisson number of requests with
/// mean `daily_volume × scale × cycle(hour)`, where the daily cycle `1 + 0.6 sin(2π(hour − 8)/24)`
/// (normalised to mean 1) peaks at 14:00 UTC. A request is a response-cache hit with the
/// intent's `cache_hit_rate` (no tokens, no cost); otherwise its tokens are one golden sample
/// of the configured cell, its cached prefix split by the intent's `prompt_cache_read_share`,
/// its latency another sample's, its cost the model's price card. Timestamps are uniform within
/// the hour and sorted. One seed fixes every byte.
///
/// Planted anomalies (``plantAnomalies``), each found by ``UsageSummary``:
/// - day 3 (index 2) 10:17:00: request `planted-cost-spike`, the first intent, 12,000 output tokens;
/// - day 5 (index 4) 09:05:00: request `planted-token-explosion`, the third intent, 12,000
///   cache-read tokens (a prompt over 10,000 tokens that is not a cost spike);
/// - day 7 (index 6) 14:00–14:15: requests `planted-burst-N` of the first intent, 4× the
///   window's expected calls (at least 60), a velocity spike.
public struct UsageLogGenerator: Sendable {
    /// The data (loaded with its samples).
    public var table: CellTable
    /// The production configuration whose cells serve the requests.
    public var configuration: Configuration
    /// Days of logs.
    public var days: Int
    /// Multiplies every intent's daily volume (0.01 writes 1 % of the traffic).
    public var scale: Double
    /// Seed of every draw.
    public var seed: UInt64
    /// The first day, as days since 1970-01-01 (default 2025-03-01).
    public var firstDay: Int
    /// Whether to plant the documented anomalies.
    public var plantAnomalies: Bool

    /// Creates a generator.
    public init(table: CellTable, configuration: Configuration, days: Int = 30, scale: Double = 1, seed: UInt64 = 1,
                firstDay: Int = UsageTimestamp.daysFromCivil(year: 2025, month: 3, day: 1), plantAnomalies: Bool = false) {
        self.table = table
        self.configuration = configuration
        self.days = days
        self.scale = scale
        self.seed = seed
        self.firstDay = firstDay
        self.plantAnomalies = plantAnomalies
    }

    /// The daily cycle's weight of `hour` (mean 1 over the day).
    public static func cycle(hour: Int) -> Double {
        1 + 0.6 * sin(2 * Double.pi * Double(hour - 8) / 24)
    }

    /// A served intent: its figures and the cell's samples.
    struct Route {
        var intent: Intent
        var modelID: String
        var prices: PriceCard
        var samples: CellSamples
    }

    /// The routes of the configuration's intents.
    /// - Throws: ``DataError`` when the table has no samples or the configuration names an unknown cell.
    func routes() throws -> [Route] {
        guard let samples = table.samples else {
            throw DataError(.badRequest, file: "data", "loaded without samples; expected GoldenDataLoader.load(keepingSamples: true)")
        }
        return try configuration.entries.map { entry in
            // Production logs name one model per request: a routed intent is not modelled here yet.
            guard let setting = entry.option.singleSetting else {
                throw DataError(.badData, file: "configuration", field: entry.intent, "is a route (\(entry.option)); expected one setting per intent here")
            }
            guard let i = table.intentIndex(named: entry.intent), let c = table.cellIndex(intent: i, setting: setting),
                  let m = table.modelIndex(named: setting.model) else {
                throw DataError(.badData, file: "configuration", field: entry.intent, "no cell \(setting) in the data")
            }
            let cellSamples = samples[i][c]
            guard !cellSamples.inputTokens.isEmpty, !cellSamples.sortedLatencies.isEmpty else {
                throw DataError(.badData, file: "configuration", field: entry.intent, "the cell has no samples")
            }
            let model = table.models[m]
            return Route(intent: table.intents[i], modelID: model.providerIDs.first ?? model.name, prices: model.prices, samples: cellSamples)
        }
    }

    /// Calls `body` with every request in time order.
    public func forEachRecord(_ body: (UsageRecord) throws -> Void) throws {
        let routes = try routes()
        var random = Xoshiro256StarStar(seed: seed)
        var counter = 0
        let cycleSum = (0..<24).reduce(0.0) { $0 + Self.cycle(hour: $1) }
        for dayOffset in 0..<max(0, days) {
            let day = firstDay + dayOffset
            for hour in 0..<24 {
                var requests: [(second: Int, record: UsageRecord)] = []
                for (index, route) in routes.enumerated() {
                    let mean = route.intent.dailyVolume * scale * Self.cycle(hour: hour) / cycleSum
                    let count = random.nextPoisson(mean: mean)
                    var planted: [(second: Int, id: String, tokens: TokenCounts?)] = []
                    if plantAnomalies {
                        if index == 0 && dayOffset == 2 && hour == 10 {
                            planted.append((17 * 60, "planted-cost-spike", nil))
                        }
                        if index == min(2, routes.count - 1) && dayOffset == 4 && hour == 9 {
                            planted.append((5 * 60, "planted-token-explosion", TokenCounts(input: 400, cacheRead: 12_000, cacheWrite: 0, output: 100)))
                        }
                        if index == 0 && dayOffset == 6 && hour == 14 {
                            let extra = max(60, Int(mean.rounded()))
                            for k in 0..<extra { planted.append((random.nextInt(below: 900), "planted-burst-\(k + 1)", nil)) }
                        }
                    }
                    for k in 0..<(count + planted.count) {
                        let plant = k >= count ? planted[k - count] : nil
                        let second = plant?.second ?? random.nextInt(below: 3600)
                        let hit = plant == nil && random.nextBool(probability: route.intent.responseCacheHitRate)
                        var tokens = TokenCounts(input: 0, output: 0)
                        var latency = 20 + random.nextInt(below: 30)
                        if !hit {
                            let samples = route.samples
                            let s = random.nextInt(below: samples.inputTokens.count)
                            let measuredRead = Double(samples.cacheReadTokens.isEmpty ? 0 : samples.cacheReadTokens[s])
                            let prefix = measuredRead + Double(samples.cacheWriteTokens.isEmpty ? 0 : samples.cacheWriteTokens[s])
                            let read = route.intent.promptCacheReadShare.map { ($0 * prefix).rounded() } ?? measuredRead
                            tokens = TokenCounts(input: Double(samples.inputTokens[s]), cacheRead: read,
                                                 cacheWrite: prefix - read, output: Double(samples.outputTokens[s]))
                            latency = Int(samples.sortedLatencies[random.nextInt(below: samples.sortedLatencies.count)].rounded())
                            if let plant {
                                if let planted = plant.tokens { tokens = planted }
                                if plant.id == "planted-cost-spike" { tokens.output = 12_000 }
                            }
                        }
                        counter += 1
                        let parts = route.prices.costParts(of: tokens)
                        let time = day * 86400 + hour * 3600 + second
                        let record = UsageRecord(time: Double(time),
                                                 requestID: plant?.id ?? "req-\(counter)", intent: route.intent.name,
                                                 modelID: route.modelID, tokens: tokens, cacheHit: hit, latencyMs: Double(latency),
                                                 totalCostUSD: route.prices.cost(of: tokens),
                                                 inputCostUSD: parts.input + parts.cacheRead + parts.cacheWrite, outputCostUSD: parts.output)
                        requests.append((second, record))
                    }
                }
                // A stable sort keeps equal seconds in intent order.
                for request in requests.enumerated().sorted(by: { ($0.element.second, $0.offset) < ($1.element.second, $1.offset) }) {
                    try body(request.element.record)
                }
            }
        }
    }

    /// One record as an A9 log line (with its line break).
    public static func line(_ r: UsageRecord) -> String {
        var line = "{\"timestamp\":\"\(r.timestampText)\",\"request_id\":\"\(r.requestID)\","
        line += "\"session_id\":\"sess-\(r.requestID)\",\"intent\":\"\(r.intent)\",\"model_id\":\"\(r.modelID)\","
        line += "\"input_tokens\":\(Int(r.tokens.input)),\"output_tokens\":\(Int(r.tokens.output)),"
        line += "\"cache_read_tokens\":\(Int(r.tokens.cacheRead)),\"cache_write_tokens\":\(Int(r.tokens.cacheWrite)),"
        line += "\"cache_hit\":\(r.cacheHit),\"latency_ms\":\(Int(r.latencyMs ?? 0)),"
        line += "\"input_cost_usd\":\(r.inputCostUSD ?? 0),\"output_cost_usd\":\(r.outputCostUSD ?? 0),"
        let hour = Int(r.time.rounded(.down)) / 3600 % 24
        line += "\"total_cost_usd\":\(r.totalCostUSD ?? 0),\"region\":\"us-east-1\",\"hour_of_day\":\(hour)}\n"
        return line
    }

    /// Writes the logs: `sink` receives whole lines, a few megabytes at a time.
    public func write(_ sink: (String) throws -> Void) throws {
        var buffer = ""
        buffer.reserveCapacity(1 << 22)
        try forEachRecord { record in
            buffer += Self.line(record)
            if buffer.utf8.count > 1 << 22 {
                try sink(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try sink(buffer) }
    }
}
