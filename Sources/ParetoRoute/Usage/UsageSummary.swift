/// The attribution of design doc A9's dashboard and the anomalies of A10, computed from a
/// ``UsageLedger``: cost by intent, by model and by both, tokens and their cost, response-cache
/// savings, cost by day and by hour of day, and the anomalies found.
public struct UsageSummary: Sendable {
    /// One intent's or model's or cell's figures.
    public struct Row: Sendable, Hashable {
        /// The intent, the model, or `intent` for a cell row.
        public var name: String
        /// The model, for a cell row (intent × model); empty otherwise.
        public var model: String
        /// Whether the data knows the name (intents.csv or models.csv's names and provider ids).
        public var known: Bool
        /// The sums.
        public var tally: UsageTally
        /// Response-cache savings: cache hits × the intent's mean cost per LLM call (intent rows).
        public var cacheSavingsUSD: Double
    }

    /// One day's figures (a calendar day at the ledger's UTC offset).
    public struct Day: Sendable, Hashable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// Requests, hits, tokens and cost of the day.
        public var tally: UsageTally
        /// Cost by hour of day, 24 values.
        public var hourCostUSD: [Double]
        /// Whether the logs cover the whole day (see ``UsageSummary/wholeDays``).
        public var whole: Bool
    }

    /// Lines read (requests, malformed and blank lines; aggregate rows).
    public var lines: Int
    /// Lines not counted.
    public var malformedLines: Int
    /// The first malformed lines.
    public var malformedSamples: [UsageLineIssue]
    /// All requests.
    public var total: UsageTally
    /// By intent, dearest first.
    public var byIntent: [Row]
    /// By model, dearest first.
    public var byModel: [Row]
    /// By intent × model, dearest first.
    public var byIntentModel: [Row]
    /// Response-cache savings over all intents.
    public var cacheSavingsUSD: Double
    /// Every day from the first to the last, in order.
    public var days: [Day]
    /// Anomalies by kind: the first ``UsageLedger/sampleLimit`` of each, in log order.
    public var anomalies: [UsageAnomaly]
    /// How many anomalies of each kind there are.
    public var anomalyCounts: [UsageAnomaly.Kind: Int]
    /// The daily cap the budget thresholds used, if any.
    public var dailyCapUSD: Double?
    /// Seconds added to UTC before cutting days.
    public var utcOffsetSeconds: Int

    /// A10's thresholds.
    public static let costSpikeFactor = 10.0
    /// A window's cost over this multiple of the same hour's usual window is a velocity spike.
    public static let velocityFactor = 3.0
    /// Windows with fewer LLM calls are not judged (a handful of calls is noise, not a spike).
    public static let minimumWindowCalls = 30
    /// The budget thresholds, as fractions of the daily cap.
    public static let budgetFractions = [0.70, 0.85, 0.95, 1.00]

    /// The summary of `ledger`; `dailyCapUSD` turns on the budget thresholds.
    public init(ledger: UsageLedger, dailyCapUSD: Double? = nil) {
        lines = ledger.lines
        malformedLines = ledger.malformedLines
        malformedSamples = ledger.malformedSamples
        self.dailyCapUSD = dailyCapUSD
        utcOffsetSeconds = ledger.utcOffsetSeconds
        var intents = [UsageTally](repeating: UsageTally(), count: ledger.intentNames.count)
        var models = [UsageTally](repeating: UsageTally(), count: ledger.modelNames.count)
        var total = UsageTally()
        var cellRows: [Row] = []
        for (key, tally) in ledger.cells.sorted(by: { $0.key < $1.key }) {
            intents[key >> 16].add(tally)
            models[key & 0xFFFF].add(tally)
            total.add(tally)
            cellRows.append(Row(name: ledger.intentNames[key >> 16], model: ledger.modelNames[key & 0xFFFF],
                                known: ledger.catalog.intent(named: ledger.intentNames[key >> 16]) != nil && ledger.modelKnown[key & 0xFFFF],
                                tally: tally, cacheSavingsUSD: 0))
        }
        self.total = total
        func order(_ a: Row, _ b: Row) -> Bool {
            a.tally.costUSD != b.tally.costUSD ? a.tally.costUSD > b.tally.costUSD : (a.name, a.model) < (b.name, b.model)
        }
        byIntent = intents.indices.map { k in
            let tally = intents[k]
            let mean = tally.llmCalls > 0 ? tally.costUSD / Double(tally.llmCalls) : 0
            return Row(name: ledger.intentNames[k], model: "", known: ledger.catalog.intent(named: ledger.intentNames[k]) != nil,
                       tally: tally, cacheSavingsUSD: Double(tally.cacheHits) * mean)
        }.sorted(by: order)
        byModel = models.indices.map { Row(name: ledger.modelNames[$0], model: "", known: ledger.modelKnown[$0], tally: models[$0], cacheSavingsUSD: 0) }
            .sorted(by: order)
        byIntentModel = cellRows.sorted(by: order)
        cacheSavingsUSD = byIntent.reduce(0) { $0 + $1.cacheSavingsUSD }

        // Days, from the first to the last.
        var days: [Day] = []
        if ledger.firstTime <= ledger.lastTime {
            let firstSecond = Int(ledger.firstTime.rounded(.down)), lastSecond = Int(ledger.lastTime.rounded(.down))
            let firstDay = UsageLedger.floorDiv(firstSecond, 86400), lastDay = UsageLedger.floorDiv(lastSecond, 86400)
            if lastDay - firstDay < 100_000 {
                var byDay: [Int: UsageTally] = [:]
                for (key, tally) in ledger.days.sorted(by: { $0.key < $1.key }) { byDay[key >> 16, default: UsageTally()].add(tally) }
                let hourCost = ledger.hourCost
                for day in firstDay...lastDay {
                    let hours = (0..<24).map { hourCost[day * 24 + $0] ?? 0 }
                    // The first and last day count as whole when the logs reach their first and last hour.
                    let whole = (day != firstDay || firstSecond - firstDay * 86400 < 3600)
                        && (day != lastDay || lastSecond - lastDay * 86400 >= 23 * 3600)
                    days.append(Day(date: UsageTimestamp.dateText(day: day), tally: byDay[day] ?? UsageTally(),
                                    hourCostUSD: hours, whole: whole))
                }
            }
        }
        self.days = days

        // Anomalies.
        var found: [UsageAnomaly] = []
        var counts: [UsageAnomaly.Kind: Int] = [:]
        var meanByIntent: [String: Double] = [:]
        for row in byIntent where row.tally.llmCalls > 0 { meanByIntent[row.name] = row.tally.costUSD / Double(row.tally.llmCalls) }
        for var candidate in ledger.costCandidates {
            guard let mean = meanByIntent[candidate.intent], candidate.value > Self.costSpikeFactor * mean else { continue }
            candidate.threshold = Self.costSpikeFactor * mean
            counts[.costSpike, default: 0] += 1
            if counts[.costSpike, default: 0] <= UsageLedger.sampleLimit { found.append(candidate) }
        }
        counts[.tokenExplosion] = ledger.tokenExplosionCount
        found += ledger.tokenExplosions
        let velocity = Self.velocitySpikes(ledger: ledger, dayCount: days.count)
        counts[.velocitySpike] = velocity.count
        found += velocity.prefix(UsageLedger.sampleLimit)
        if let dailyCapUSD {
            let budget = Self.budgetCrossings(ledger: ledger, cap: dailyCapUSD)
            counts[.budget] = budget.count
            found += budget.prefix(UsageLedger.sampleLimit)
        }
        anomalies = found
        anomalyCounts = counts
    }

    /// Requests over all days the logs cover whole (see ``Day/whole``).
    public var wholeDays: [Day] { days.filter(\.whole) }

    /// All anomalies counted.
    public var anomalyCount: Int { anomalyCounts.values.reduce(0, +) }

    /// Windows of an intent costing over 3× the usual cost of a window of the same hour of day
    /// on the other days (their hour's cost / 4, days without traffic counting as 0).
    static func velocitySpikes(ledger: UsageLedger, dayCount: Int) -> [UsageAnomaly] {
        guard dayCount >= 3 else { return [] }
        // Cost by intent × hour since the epoch, and by intent × hour of day over all days.
        var hourly: [Int: Double] = [:]
        var hourOfDay: [Int: Double] = [:]
        for (key, window) in ledger.windows.sorted(by: { $0.key < $1.key }) {
            let hour = UsageLedger.floorDiv((key >> 16) * 900, 3600)
            let intent = key & 0xFFFF
            hourly[hour << 16 | intent, default: 0] += window.cost
            hourOfDay[(((hour % 24) + 24) % 24) << 16 | intent, default: 0] += window.cost
        }
        var spikes: [(Int, UsageAnomaly)] = []
        for (key, window) in ledger.windows where window.calls >= minimumWindowCalls {
            let start = (key >> 16) * 900
            let intent = key & 0xFFFF
            let hour = UsageLedger.floorDiv(start, 3600)
            let hod = ((hour % 24) + 24) % 24
            let others = (hourOfDay[hod << 16 | intent] ?? 0) - (hourly[hour << 16 | intent] ?? 0)
            let usual = others / Double(4 * (dayCount - 1))
            guard usual > 0, window.cost > velocityFactor * usual else { continue }
            spikes.append((key, UsageAnomaly(kind: .velocitySpike, timestamp: UsageTimestamp.text(seconds: start - ledger.utcOffsetSeconds),
                                             intent: ledger.intentNames[intent], value: window.cost, threshold: velocityFactor * usual)))
        }
        return spikes.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The minute each day's cumulative cost first reaches each threshold of `cap`.
    static func budgetCrossings(ledger: UsageLedger, cap: Double) -> [UsageAnomaly] {
        var crossings: [UsageAnomaly] = []
        var byDay: [Int: [(minute: Int, cost: Double)]] = [:]
        for (minute, cost) in ledger.minuteCost { byDay[UsageLedger.floorDiv(minute, 1440), default: []].append((minute, cost)) }
        for day in byDay.keys.sorted() {
            var cumulative = 0.0
            var next = 0
            for entry in (byDay[day] ?? []).sorted(by: { $0.minute < $1.minute }) {
                cumulative += entry.cost
                while next < budgetFractions.count, cumulative >= budgetFractions[next] * cap {
                    crossings.append(UsageAnomaly(kind: .budget, timestamp: UsageTimestamp.text(seconds: entry.minute * 60 - ledger.utcOffsetSeconds),
                                                  value: cumulative, threshold: budgetFractions[next] * cap))
                    next += 1
                }
            }
        }
        return crossings
    }
}
