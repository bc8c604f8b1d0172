/// What each month of a projection runs: per intent its cell, prices and cache rate,
/// the month's model fees, and what the scenario changed — everything the Monte Carlo
/// draws from, resolved once against the data.
public struct ProjectionPlan: Sendable {
    /// One intent in one month.
    public struct IntentMonth: Sendable, Hashable {
        /// The cell's index among the intent's cells.
        public var cellIndex: Int
        /// The cost of one answered conversation, per golden sample.
        public var costs: ConversationCosts
        /// Expected answered conversations a day at the data's volume: daily volume × (1 − cache rate).
        public var answeredPerDay: Double
    }

    /// One month.
    public struct Month: Sendable, Hashable {
        /// 1-based.
        public var index: Int
        /// `YYYY-MM` when the scenario has a start month.
        public var calendarMonth: CalendarMonth?
        /// Per intent, in the table's order.
        public var intents: [IntentMonth]
        /// Fees of the distinct fee-paying models the month's cells use.
        public var feesUSD: Double
        /// What the scenario changes from this month on, one phrase each (empty when nothing).
        public var changes: [String]
    }

    /// The months, in order.
    public var months: [Month]
    /// Per intent, the monthly growth rate (the scenario's, or the intent's own).
    public var growthRates: [Double]
    /// Linear or compound (linear when there is no growth).
    public var growthType: Scenario.GrowthType
    /// The standard deviation of a month's growth rate.
    public var growthRateSD: Double
    /// The coefficient of variation of a day's volume.
    public var dailyVolumeCV: Double

    /// Resolves `scenario` for the configuration `choice` of `table` over `months` months.
    ///
    /// `table` must carry samples (``GoldenDataLoader/load(directory:keepingSamples:)``).
    /// A model, intent or setting the data lacks is an error naming the scenario's field (exit 65).
    /// - Throws: ``RequestError`` on ``RequestError/Option/months`` below 1; ``DataError`` when the scenario names a model, intent or cell the data lacks, or the table has no samples.
    public init(table: CellTable, choice: [Int], scenario: Scenario = Scenario(), months: Int) throws {
        guard months >= 1 else { throw RequestError([.months], "\(months) months; expected at least 1") }
        guard choice.count == table.intents.count,
              choice.indices.allSatisfy({ table.cells[$0].indices.contains(choice[$0]) }) else {
            // A route's month needs its taken rows re-drawn per sample: not modelled yet.
            throw DataError(.badRequest, file: "projection", "the choice has \(choice.count) options or a route; expected one existing cell per intent (\(table.intents.count)); routed configurations are not projected yet")
        }
        guard let samples = table.samples else {
            throw DataError(.badRequest, file: "projection", "the data was loaded without samples; load with keepingSamples: true")
        }
        let file = scenario.file
        let intentNames = table.intents.map(\.name).joined(separator: ", ")
        let modelNames = table.models.map(\.name).joined(separator: ", ")
        // Per month, in effect from its month on: (month index, change), in file order.
        var prices: [(Int, Int, Scenario.PriceChange)] = []
        for (k, change) in scenario.priceChanges.enumerated() {
            let path = "price_changes[\(k)]"
            guard let m = table.modelIndex(named: change.model) else {
                throw DataError(file: file, field: path + ".model", "'\(change.model)' is not in the data; expected one of \(modelNames)")
            }
            prices.append((try scenario.monthIndex(of: change.effectiveMonth, field: path + ".effective_month"), m, change))
        }
        var cells: [(Int, Int, Int)] = []
        for (k, change) in scenario.reassignments.enumerated() {
            let path = "reassignments[\(k)]"
            guard let i = table.intentIndex(named: change.intent) else {
                throw DataError(file: file, field: path + ".intent", "'\(change.intent)' is not in the data; expected one of \(intentNames)")
            }
            guard let c = table.cellIndex(intent: i, setting: change.setting) else {
                let near = table.nearestSettings(intent: i, to: change.setting).map(\.description).joined(separator: ", ")
                throw DataError(file: file, field: path, "no evaluated cell for \(change.intent) \(change.setting); nearest evaluated settings: \(near)")
            }
            cells.append((try scenario.monthIndex(of: change.effectiveMonth, field: path + ".effective_month"), i, c))
        }
        var caches: [(Int, Int, Double)] = []
        for (k, change) in scenario.cacheChanges.enumerated() {
            let path = "cache_changes[\(k)]"
            guard let i = table.intentIndex(named: change.intent) else {
                throw DataError(file: file, field: path + ".intent", "'\(change.intent)' is not in the data; expected one of \(intentNames)")
            }
            caches.append((try scenario.monthIndex(of: change.effectiveMonth, field: path + ".effective_month"), i, change.responseCacheHitRate))
        }
        var rates = [Double](repeating: scenario.growth?.monthlyRate ?? 0, count: table.intents.count)
        for intent in (scenario.growth?.intentRates.keys).map({ $0.sorted() }) ?? [] {
            guard let i = table.intentIndex(named: intent) else {
                throw DataError(file: file, field: "traffic_growth.intent_rates." + intent, "'\(intent)' is not in the data; expected one of \(intentNames)")
            }
            rates[i] = scenario.growth?.intentRates[intent] ?? 0
        }
        growthRates = rates
        growthType = scenario.growth?.type ?? .linear
        growthRateSD = scenario.growth?.monthlyRateSD ?? 0
        dailyVolumeCV = scenario.dailyVolumeCV

        var models = table.models
        var current = choice
        var responseCacheRates = table.intents.map(\.responseCacheHitRate)
        var plan: [Month] = []
        for month in 1...max(1, months) {
            var changes: [String] = []
            for (at, m, change) in prices where at == month {
                models[m].prices = models[m].prices.applying(change.prices)
                changes.append("price \(change.model) \(change.prices.description)")
            }
            for (at, i, c) in cells where at == month {
                current[i] = c
                changes.append("\(table.intents[i].name) → \(table.cells[i][c].setting)")
            }
            for (at, i, rate) in caches where at == month {
                responseCacheRates[i] = rate
                changes.append("\(table.intents[i].name) cache \(formatNumber(rate))")
            }
            var used = [Bool](repeating: false, count: models.count)
            var intents: [IntentMonth] = []
            for (i, c) in current.enumerated() {
                let cell = table.cells[i][c]
                used[cell.modelIndex] = true
                let sample = samples[i][c]
                guard !sample.inputTokens.isEmpty, sample.inputTokens.count == sample.outputTokens.count else {
                    throw DataError(.badRequest, file: "projection", "cell \(table.intents[i].name) \(cell.setting) has no token samples; load with keepingSamples: true")
                }
                intents.append(IntentMonth(
                    cellIndex: c,
                    costs: ConversationCosts(samples: sample, prices: models[cell.modelIndex].prices,
                                             readShare: table.intents[i].promptCacheReadShare),
                    answeredPerDay: table.intents[i].dailyVolume * (1 - responseCacheRates[i])))
            }
            var fees = 0.0
            for (m, model) in models.enumerated() where used[m] { fees += model.monthlyFixedUSD }
            plan.append(Month(index: month, calendarMonth: scenario.startMonth?.adding(months: month - 1),
                              intents: intents, feesUSD: fees, changes: changes))
        }
        self.months = Array(plan.prefix(months))
    }

    /// The expected growth factor of intent `intent` in month `month` (1 in month 1).
    ///
    /// Rate shocks have mean 0 and are independent, so the expectation of a path is the
    /// path of the expected rates (the clamp at zero volume, reached only by extreme draws, is ignored).
    public func expectedGrowth(intent: Int, month: Int) -> Double {
        growthFactor(month: month) { _ in growthRates[intent] }
    }

    /// The growth factor of month `month` given each earlier month's rate.
    func growthFactor(month: Int, rate: (Int) -> Double) -> Double {
        var factor = 1.0
        for earlier in 1..<max(1, month) {
            switch growthType {
            case .linear: factor += rate(earlier)
            case .compound: factor *= 1 + rate(earlier)
            }
        }
        return max(0, factor)
    }

    /// The expected cost of month `month` (1-based): Σ 30 · answered per day · expected growth ·
    /// mean conversation cost, plus fees — without growth, the front's monthly cost.
    public func expectedCostUSD(month: Int) -> Double {
        let plan = months[month - 1]
        var total = 0.0
        for (i, intent) in plan.intents.enumerated() {
            total += 30 * intent.answeredPerDay * expectedGrowth(intent: i, month: month) * intent.costs.mean
        }
        return total + plan.feesUSD
    }
}
