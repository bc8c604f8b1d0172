/// Observed cost per 30 days against the tool's analytic cost of a configuration, per intent,
/// with the difference split into volume, response-cache rate, tokens per call and price.
///
/// Planned: `V × 30 × (1 − h) × c` (the cell's monthly cost: intents.csv's volume `V` and
/// hit rate `h`, the cell's mean tokens priced by the card, `c` per call). Observed, on the
/// logs' whole days (``UsageCalibration``'s rule): `V' × 30 × (1 − h') × c'`, with `c'` the
/// logged cost per LLM call. With `t` the observed mean tokens per call priced by the
/// planned model's card, the difference is, term by term (they add up exactly):
/// - volume: `(V' − V) × 30 × (1 − h) × c`
/// - cache rate: `V' × 30 × (h − h') × c`
/// - tokens per call: `V' × 30 × (1 − h') × (t − c)` (also a different model's token habits)
/// - price: `V' × 30 × (1 − h') × (c' − t)` (what production paid per call beyond the card).
public struct UsagePlanComparison: Sendable {
    /// One intent's figures.
    public struct Row: Sendable, Hashable {
        /// The intent.
        public var intent: String
        /// The configured cell's model.
        public var model: String
        /// The tool's monthly cost of the configured cell.
        public var plannedUSD: Double
        /// The observed cost per 30 days.
        public var observedUSD: Double
        /// The part of the difference due to volume.
        public var volumeUSD: Double
        /// The part due to the response-cache hit rate.
        public var cacheRateUSD: Double
        /// The part due to tokens per call.
        public var tokensUSD: Double
        /// The part due to the price per token.
        public var priceUSD: Double
    }

    /// The configuration's intents, in its order.
    public var rows: [Row]
    /// Whole days the observed figures come from.
    public var wholeDays: Int

    /// The comparison of `ledger`'s whole days with `configuration` on `table`.
    /// - Throws: ``DataError`` when the configuration names a cell the data lacks, or the logs cover no whole day.
    public init(ledger: UsageLedger, table: CellTable, configuration: Configuration) throws {
        let summary = UsageSummary(ledger: ledger)
        let firstDay = ledger.firstTime.isFinite ? UsageLedger.floorDiv(Int(ledger.firstTime.rounded(.down)), 86400) : 0
        let whole = Set(summary.days.enumerated().filter { $0.element.whole }.map { firstDay + $0.offset })
        guard !whole.isEmpty else {
            throw DataError(.badData, file: "logs", "cover no whole day (a day from its first to its last hour); expected at least one")
        }
        var byIntent: [String: UsageTally] = [:]
        for (key, tally) in ledger.days.sorted(by: { $0.key < $1.key }) where whole.contains(key >> 16) {
            byIntent[ledger.intentNames[key & 0xFFFF], default: UsageTally()].add(tally)
        }
        let days = Double(whole.count)
        rows = try configuration.entries.map { entry in
            // Production logs name one model per request: a routed intent is not modelled here yet.
            guard let setting = entry.option.singleSetting else {
                throw DataError(.badData, file: "configuration", field: entry.intent, "is a route (\(entry.option)); expected one setting per intent here")
            }
            guard let i = table.intentIndex(named: entry.intent), let c = table.cellIndex(intent: i, setting: setting),
                  let m = table.modelIndex(named: setting.model) else {
                throw DataError(.badData, file: "configuration", field: entry.intent, "no cell \(setting) in the data")
            }
            let intent = table.intents[i], cell = table.cells[i][c], prices = table.models[m].prices
            let planned = cell.monthlyCostUSD
            let perCall = prices.cost(of: cell.meanTokens.applyingReadShare(intent.promptCacheReadShare))
            let tally = byIntent[entry.intent] ?? UsageTally()
            let volume = Double(tally.requests) / days
            let missRate = tally.requests > 0 ? Double(tally.llmCalls) / Double(tally.requests) : 1 - intent.responseCacheHitRate
            let calls = Double(max(1, tally.llmCalls))
            let observedTokens = TokenCounts(input: tally.tokens.input / calls, cacheRead: tally.tokens.cacheRead / calls,
                                             cacheWrite: tally.tokens.cacheWrite / calls, output: tally.tokens.output / calls)
            let tokenCost = tally.llmCalls > 0 ? prices.cost(of: observedTokens) : perCall
            let paid = tally.llmCalls > 0 ? tally.costUSD / calls : perCall
            let plannedMiss = 1 - intent.responseCacheHitRate
            return Row(intent: entry.intent, model: setting.model, plannedUSD: planned,
                       observedUSD: tally.costUSD / days * 30,
                       volumeUSD: (volume - intent.dailyVolume) * 30 * plannedMiss * perCall,
                       cacheRateUSD: volume * 30 * (missRate - plannedMiss) * perCall,
                       tokensUSD: volume * 30 * missRate * (tokenCost - perCall),
                       priceUSD: volume * 30 * missRate * (paid - tokenCost))
        }
        wholeDays = whole.count
    }

    /// The comparison as JSON (a list of objects, one per intent).
    public var json: JSONValue {
        .array(rows.map { row in
            .object([("intent", .string(row.intent)), ("model", .string(row.model)), ("planned_usd_per_30_days", .number(row.plannedUSD)),
                     ("observed_usd_per_30_days", .number(row.observedUSD)), ("volume_usd", .number(row.volumeUSD)),
                     ("cache_rate_usd", .number(row.cacheRateUSD)), ("tokens_per_call_usd", .number(row.tokensUSD)),
                     ("price_usd", .number(row.priceUSD))])
        })
    }

    /// The comparison as a table fitted to `width`.
    public func text(width: Int?) -> String {
        var table = TextTable(columns: [.init("intent"), .init("planned", .right), .init("observed", .right),
                                        .init("volume", .right), .init("cache", .right), .init("tokens", .right), .init("price", .right)],
                              indent: "  ")
        func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + formatUSD(x) }
        for row in rows {
            table.rows.append([row.intent, formatUSD(row.plannedUSD), formatUSD(row.observedUSD), signed(row.volumeUSD),
                               signed(row.cacheRateUSD), signed(row.tokensUSD), signed(row.priceUSD)])
        }
        let planned = rows.reduce(0) { $0 + $1.plannedUSD }, observed = rows.reduce(0) { $0 + $1.observedUSD }
        table.rows.append(["total", formatUSD(planned), formatUSD(observed), signed(rows.reduce(0) { $0 + $1.volumeUSD }),
                           signed(rows.reduce(0) { $0 + $1.cacheRateUSD }), signed(rows.reduce(0) { $0 + $1.tokensUSD }),
                           signed(rows.reduce(0) { $0 + $1.priceUSD })])
        return "Observed vs planned, USD per 30 days (\(wholeDays) whole day\(wholeDays == 1 ? "" : "s"); the difference by cause):\n"
            + table.lines(width: width).joined(separator: "\n") + "\n"
    }
}
