import Foundation

/// What each month of a projection runs: per intent its cell, prices and cache rate,
/// the month's model fees, and what the scenario changed — everything the Monte Carlo
/// draws from, resolved once against the data.
public struct ProjectionPlan: Sendable {
    /// One intent in one month (or in one stretch of a month).
    public struct IntentMonth: Sendable, Hashable {
        /// The cell's index among the intent's cells (of ``ProjectionPlan/table``).
        public var cellIndex: Int
        /// The cost of one answered conversation, per golden sample.
        public var costs: ConversationCosts
        /// Expected answered conversations a day at the data's volume: daily volume × (1 − cache rate).
        public var answeredPerDay: Double
    }

    /// A stretch of a month with one state: the whole month, or the days before and after a
    /// change dated inside it.
    public struct Segment: Sendable, Hashable {
        /// The stretch's first day of the month (1 for the whole month).
        public var firstDay: Int
        /// Its share of the month's days (1 for the whole month).
        public var share: Double
        /// Per intent, in the table's order.
        public var intents: [IntentMonth]
        /// Monthly fees of the distinct fee-paying models the stretch's cells use (whole-month figure).
        public var feesUSD: Double
    }

    /// Changes dated inside a month: they apply to its remaining days.
    public struct ProratedChange: Sendable, Hashable {
        /// The day they take effect.
        public var date: CalendarDay
        /// The share of the month's days they cover: remaining days / days of the month.
        public var share: Double
        /// One phrase each.
        public var changes: [String]
    }

    /// One month.
    public struct Month: Sendable, Hashable {
        /// 1-based.
        public var index: Int
        /// `YYYY-MM` when the scenario has a start month.
        public var calendarMonth: CalendarMonth?
        /// Per intent, in the table's order, as the month ends.
        public var intents: [IntentMonth]
        /// Fees of the distinct fee-paying models the month's cells use, prorated by the days they run.
        public var feesUSD: Double
        /// What the scenario changes from this month's first day on, one phrase each (empty when nothing).
        public var changes: [String]
        /// The month's stretches; one unless a change is dated inside the month.
        public var segments: [Segment]
        /// Changes dated inside the month, by day.
        public var proratedChanges: [ProratedChange]
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
    /// Months of growth between the data and month 1 (1 under a `base_date`).
    public var growthMonthsBeforeStart: Int
    /// Fixed monthly costs beside the LLM bill, drawn every run and month.
    public var infrastructure: [Scenario.InfrastructureCost]
    /// The table the plan's cell indices refer to: the given one, plus the scenario's new
    /// models' estimated cells.
    public var table: CellTable
    /// What the reader must know: broken floors or caps, changes outside the projection,
    /// growth held at zero.
    public var warnings: [ProjectionWarning]

    /// One dated change, resolved against the data.
    private enum Action {
        case price(model: Int, PriceCard, String)
        case newModel(String)
        case cell(intent: Int, cell: Int)
        case move(intent: Int, from: String, to: String, field: String)
        case cache(intent: Int, Double)
        case promptCache(intents: [Int], Double)
    }

    private struct Event {
        var month: Int
        var day: Int
        var rank: Int
        var action: Action
    }

    /// Resolves `scenario` for the configuration `choice` of `table` over `months` months.
    ///
    /// `table` must carry samples (``GoldenDataLoader/load(directory:keepingSamples:)``).
    /// A model, intent or setting the data lacks is an error naming the scenario's field (exit 65),
    /// a model's error listing the data's models.
    /// - Throws: ``RequestError`` on ``RequestError/Option/months`` below 1; ``DataError`` when the
    ///   scenario names a model, intent or cell the data lacks, a reassignment's `from_model` is
    ///   not what the intent runs then, or an expected growth path reaches zero volume without
    ///   `stop_at_zero`.
    public init(table given: CellTable, choice: [Int], scenario: Scenario = Scenario(), months: Int) throws {
        guard months >= 1 else { throw RequestError([.months], "\(months) months; expected at least 1") }
        guard choice.count == given.intents.count,
              choice.indices.allSatisfy({ given.cells[$0].indices.contains(choice[$0]) }) else {
            throw DataError(.badRequest, file: "projection", "the choice has \(choice.count) options or a route; expected one existing cell per intent (\(given.intents.count)); routed configurations are not projected yet")
        }
        guard given.samples != nil else {
            throw DataError(.badRequest, file: "projection", "the data was loaded without samples; load with keepingSamples: true")
        }
        let file = scenario.file
        let prefix = scenario.isDesignDocSpelling ? "assumptions." : ""
        let dateKey = scenario.isDesignDocSpelling ? "effective_date" : "effective_month"
        let intentNames = given.intents.map(\.name).joined(separator: ", ")
        let dataModels = given.models.map(\.name).joined(separator: ", ")
        var warnings: [ProjectionWarning] = []

        var table = given
        for (k, newModel) in scenario.newModels.enumerated() {
            do { table = try table.adding(newModel.model) } catch {
                throw DataError(file: file, field: "\(prefix)new_models[\(k)]", error.message)
            }
        }
        guard let samples = table.samples else {
            throw DataError(.badRequest, file: "projection", "the data was loaded without samples; load with keepingSamples: true")
        }
        let lastCalendar = scenario.startMonth?.adding(months: months - 1)

        // When a change takes effect: (month, day); nil when after the projection (warned).
        func timing(_ effective: Scenario.EffectiveMonth, field: String, what: String) throws -> (Int, Int)? {
            var month = 1, day = 1
            switch effective {
            case .index, .calendar:
                month = try scenario.monthIndex(of: effective, field: field)
            case .day(let date):
                guard let start = scenario.startMonth else {
                    throw DataError(file: file, field: field, "'\(date)' is a date but the scenario has no 'base_date' or 'start_month'")
                }
                month = start.months(to: date.month) + 1
                day = date.day
                if month < 1 {
                    warnings.append(ProjectionWarning(.beforeProjection, field: field,
                        "\(what) is dated \(date), before the projection's first month (\(start)); it is in effect from its start"))
                    month = 1
                    day = 1
                }
            }
            guard month <= months else {
                let when: String = switch effective {
                case .index(let index): "month \(index)"
                case .calendar(let calendar): "\(calendar)"
                case .day(let date): "\(date)"
                }
                let last = lastCalendar.map { "\($0)" } ?? "month \(months)"
                warnings.append(ProjectionWarning(.afterProjection, field: field,
                    "\(what) is dated \(when), after the projection's last month (\(last)); it is not applied"))
                return nil
            }
            return (month, day)
        }
        func intentIndex(_ name: String, field: String) throws -> Int {
            guard let i = table.intentIndex(named: name) else {
                throw DataError(file: file, field: field, "'\(name)' is not in the data; expected one of \(intentNames)")
            }
            return i
        }

        var events: [Event] = []
        for (k, change) in scenario.priceChanges.enumerated() {
            let path = "\(prefix)price_changes[\(k)]"
            guard let m = table.modelIndex(named: change.model) else {
                throw DataError(file: file, field: path + ".model", "'\(change.model)' is not in the data; expected one of \(dataModels)")
            }
            if let (month, day) = try timing(change.effectiveMonth, field: path + "." + dateKey, what: "the price change of \(change.model)") {
                events.append(Event(month: month, day: day, rank: 0, action: .price(model: m, change.prices, change.model)))
            }
        }
        var availability: [String: (Int, Int)] = [:]
        for (k, newModel) in scenario.newModels.enumerated() {
            let path = "\(prefix)new_models[\(k)]"
            if let (month, day) = try timing(newModel.available, field: path + ".available_date", what: "new model \(newModel.model.name)") {
                availability[newModel.model.name] = (month, day)
                events.append(Event(month: month, day: day, rank: 1, action: .newModel(newModel.model.summary)))
            } else {
                availability[newModel.model.name] = (Int.max, 1)
            }
        }
        for (k, change) in scenario.reassignments.enumerated() {
            let path = "\(prefix)reassignments[\(k)]"
            let i = try intentIndex(change.intent, field: path + ".intent")
            guard let c = table.cellIndex(intent: i, setting: change.setting) else {
                let near = table.nearestSettings(intent: i, to: change.setting).map(\.description).joined(separator: ", ")
                throw DataError(file: file, field: path, "no evaluated cell for \(change.intent) \(change.setting); nearest evaluated settings: \(near)")
            }
            if let (month, day) = try timing(change.effectiveMonth, field: path + "." + dateKey, what: "the reassignment of \(change.intent)") {
                events.append(Event(month: month, day: day, rank: 2, action: .cell(intent: i, cell: c)))
            }
        }
        let allModels = table.models.map(\.name).joined(separator: ", ")
        for (k, change) in scenario.modelReassignments.enumerated() {
            let path = "\(prefix)model_reassignments[\(k)]"
            let i = try intentIndex(change.intent, field: path + ".intent")
            for (key, name) in [("from_model", change.fromModel), ("to_model", change.toModel)] where table.modelIndex(named: name) == nil {
                throw DataError(file: file, field: path + "." + key, "'\(name)' is not a model of the data or of new_models; expected one of \(allModels)")
            }
            guard let (month, day) = try timing(change.effectiveMonth, field: path + "." + dateKey,
                                                what: "the reassignment of \(change.intent) to \(change.toModel)") else { continue }
            if let (availableMonth, availableDay) = availability[change.toModel], (month, day) < (availableMonth, availableDay) {
                throw DataError(file: file, field: path + "." + dateKey,
                                "\(change.toModel) is not available yet then (see its available_date); expected a date on or after it")
            }
            events.append(Event(month: month, day: day, rank: 3, action: .move(intent: i, from: change.fromModel, to: change.toModel, field: path)))
        }
        for (k, change) in scenario.cacheChanges.enumerated() {
            let path = "\(prefix)cache_changes[\(k)]"
            let i = try intentIndex(change.intent, field: path + ".intent")
            if let (month, day) = try timing(change.effectiveMonth, field: path + "." + dateKey, what: "the cache change of \(change.intent)") {
                events.append(Event(month: month, day: day, rank: 4, action: .cache(intent: i, change.responseCacheHitRate)))
            }
        }
        for (k, change) in scenario.promptCaches.enumerated() {
            let path = "\(prefix)architecture_changes[\(k)]"
            let intents = try change.intents.enumerated().map { try intentIndex($0.element, field: path + ".cache_eligible_intents[\($0.offset)]") }
            if let (month, day) = try timing(change.effectiveMonth, field: path + "." + dateKey, what: "the prompt cache") {
                events.append(Event(month: month, day: day, rank: 5, action: .promptCache(intents: intents, change.inputShare)))
            }
        }
        // Stable: same day and kind keep the file's order.
        events = events.enumerated().sorted { a, b in
            (a.element.month, a.element.day, a.element.rank, a.offset) < (b.element.month, b.element.day, b.element.rank, b.offset)
        }.map(\.element)

        var rates = [Double](repeating: scenario.growth?.monthlyRate ?? 0, count: table.intents.count)
        for intent in (scenario.growth?.intentRates.keys).map({ $0.sorted() }) ?? [] {
            let i = try intentIndex(intent, field: "\(prefix)traffic_growth.intent_rates." + intent)
            rates[i] = scenario.growth?.intentRates[intent] ?? 0
        }
        growthRates = rates
        growthType = scenario.growth?.type ?? .linear
        growthRateSD = scenario.growth?.monthlyRateSD ?? 0
        dailyVolumeCV = scenario.dailyVolumeCV
        growthMonthsBeforeStart = scenario.growthMonthsBeforeStart
        infrastructure = scenario.infrastructure

        var models = table.models
        var current = choice
        var responseCacheRates = table.intents.map(\.responseCacheHitRate)
        var promptShares = [Double](repeating: 0, count: table.intents.count)
        var warned = Set<[Int]>()
        var plan: [Month] = []
        // The state's intents and fees; a cell breaking its floor or cap is warned once.
        func state(label: String) throws -> ([IntentMonth], Double) {
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
                                             readShare: table.intents[i].promptCacheReadShare, promptCacheShare: promptShares[i]),
                    answeredPerDay: table.intents[i].dailyVolume * (1 - responseCacheRates[i])))
                let violation = table.violation(intent: i, option: c)
                if !violation.isEmpty, warned.insert([i, c]).inserted {
                    let intent = table.intents[i]
                    let estimated = table.isEstimated(intent: i, cell: c) ? " (estimated)" : ""
                    if violation.contains(.qualityBelowFloor) {
                        warnings.append(ProjectionWarning(.belowFloor,
                            "\(label): \(intent.name) on \(cell.setting) has quality \(formatFixed(cell.quality, decimals: 3))\(estimated), below its floor \(formatNumber(intent.minQuality))"))
                    }
                    if violation.contains(.latencyAboveCap) {
                        warnings.append(ProjectionWarning(.aboveCap,
                            "\(label): \(intent.name) on \(cell.setting) has P99 \(formatNumber(cell.p99LatencyMs.rounded())) ms, above its cap \(formatNumber(intent.maxP99LatencyMs)) ms"))
                    }
                }
            }
            var fees = 0.0
            for (m, model) in models.enumerated() where used[m] { fees += model.monthlyFixedUSD }
            return (intents, fees)
        }
        func apply(_ action: Action) throws -> String {
            switch action {
            case .price(let m, let prices, let name):
                models[m].prices = models[m].prices.applying(prices)
                return "price \(name) \(prices.description)"
            case .newModel(let summary):
                return "new model \(summary)"
            case .cell(let i, let c):
                current[i] = c
                return "\(table.intents[i].name) → \(table.cells[i][c].setting)"
            case .move(let i, let from, let to, let field):
                let running = table.cells[i][current[i]].setting
                guard running.model == from else {
                    throw DataError(file: file, field: field + ".from_model", "\(table.intents[i].name) runs \(running) then, not \(from); expected from_model \"\(running.model)\"")
                }
                var setting = running
                setting.model = to
                guard let c = table.cellIndex(intent: i, setting: setting) else {
                    let near = table.nearestSettings(intent: i, to: setting).map(\.description).joined(separator: ", ")
                    throw DataError(file: file, field: field + ".to_model", "no cell for \(table.intents[i].name) \(setting) (the running setting on \(to)); nearest: \(near)")
                }
                current[i] = c
                return "\(table.intents[i].name) \(from) → \(setting)"
            case .cache(let i, let rate):
                responseCacheRates[i] = rate
                return "\(table.intents[i].name) cache \(formatNumber(rate))"
            case .promptCache(let intents, let share):
                for i in intents { promptShares[i] = share }
                return "prompt cache on \(intents.map { table.intents[$0].name }.joined(separator: ", ")) (\(formatNumber(share * 100)) % of input as cache reads)"
            }
        }
        var next = 0
        for month in 1...months {
            let calendar = scenario.startMonth?.adding(months: month - 1)
            let label = calendar?.description ?? "month \(month)"
            var changes: [String] = []
            while next < events.count, events[next].month == month, events[next].day == 1 {
                changes.append(try apply(events[next].action))
                next += 1
            }
            let dayCount = calendar?.dayCount ?? 30
            var segments: [Segment] = []
            var prorated: [ProratedChange] = []
            var firstDay = 1
            var (intents, fees) = try state(label: label)
            while true {
                let nextDay = next < events.count && events[next].month == month ? events[next].day : dayCount + 1
                segments.append(Segment(firstDay: firstDay, share: Double(nextDay - firstDay) / Double(dayCount), intents: intents, feesUSD: fees))
                guard nextDay <= dayCount, let calendar else { break }
                var dayChanges: [String] = []
                while next < events.count, events[next].month == month, events[next].day == nextDay {
                    dayChanges.append(try apply(events[next].action))
                    next += 1
                }
                let date = CalendarDay(month: calendar, day: nextDay)
                prorated.append(ProratedChange(date: date, share: Double(date.remainingDaysInMonth) / Double(dayCount), changes: dayChanges))
                firstDay = nextDay
                (intents, fees) = try state(label: date.description)
            }
            if segments.count == 1 { segments[0].share = 1 }
            let monthFees = segments.count == 1 ? fees : segments.reduce(0) { $0 + $1.share * $1.feesUSD }
            plan.append(Month(index: month, calendarMonth: calendar, intents: intents, feesUSD: monthFees,
                              changes: changes, segments: segments, proratedChanges: prorated))
        }
        self.months = plan
        self.table = table
        self.warnings = warnings

        // An expected path through zero volume is an error unless the scenario stops it there;
        // random paths held at zero are a warning (the mean then sits above `expected`).
        if let growth = scenario.growth {
            for i in table.intents.indices {
                for month in 1...months where rawGrowthFactor(intent: i, month: month) <= 0 {
                    guard growth.stopsAtZero else {
                        let field = growth.intentRates[table.intents[i].name] != nil
                            ? "\(prefix)traffic_growth.intent_rates.\(table.intents[i].name)" : "\(prefix)traffic_growth.monthly_rate"
                        throw DataError(file: file, field: field,
                            "the expected volume of \(table.intents[i].name) reaches zero in \(plan[month - 1].calendarMonth?.description ?? "month \(month)") (growth factor \(formatFixed(rawGrowthFactor(intent: i, month: month), decimals: 2))); expected a rate that keeps volumes above zero, or \"stop_at_zero\": true")
                    }
                    break
                }
            }
            if growthRateSD > 0 {
                var worst = (share: 0.0, intent: 0)
                for i in table.intents.indices {
                    let share = heldAtZeroShare(intent: i, month: months)
                    if share > worst.share { worst = (share, i) }
                }
                if worst.share >= 0.001 {
                    self.warnings.append(ProjectionWarning(.growthHeldAtZero, field: "\(prefix)traffic_growth.monthly_rate_sd",
                        "in \(plan[months - 1].calendarMonth?.description ?? "month \(months)") about \(formatFixed(worst.share * 100, decimals: 1)) % of runs' growth paths of \(table.intents[worst.intent].name) reach zero volume and are held there, so the mean sits above 'expected'"))
                }
            }
        }
    }

    /// The expected growth factor of intent `intent` in month `month` (1 in month 1 unless
    /// the scenario has a `base_date`), held at zero.
    ///
    /// Rate shocks have mean 0 and are independent, so the expectation of a path is the
    /// path of the expected rates (the clamp at zero volume, reached only by extreme draws, is ignored).
    public func expectedGrowth(intent: Int, month: Int) -> Double {
        max(0, rawGrowthFactor(intent: intent, month: month))
    }

    /// The expected growth factor before the clamp at zero.
    func rawGrowthFactor(intent: Int, month: Int) -> Double {
        var factor = 1.0
        let first = 1 - growthMonthsBeforeStart
        if month > first {
            for _ in first..<month {
                switch growthType {
                case .linear: factor += growthRates[intent]
                case .compound: factor *= 1 + growthRates[intent]
                }
            }
        }
        return factor
    }

    /// The share of runs whose growth path of `intent` is at zero in month `month`: linear,
    /// P(1 + Σ rates ≤ 0) with Σ normal; compound, P(some 1 + rate ≤ 0) (zero stays zero).
    func heldAtZeroShare(intent: Int, month: Int) -> Double {
        let steps = Double(month - 1 + growthMonthsBeforeStart)
        guard steps > 0, growthRateSD > 0 else { return 0 }
        let rate = growthRates[intent]
        func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
        switch growthType {
        case .linear:
            return normalCDF(-(1 + steps * rate) / (growthRateSD * steps.squareRoot()))
        case .compound:
            return 1 - pow(normalCDF((1 + rate) / growthRateSD), steps)
        }
    }

    /// The expected LLM cost of month `month` (1-based): per stretch, its share × Σ 30 · answered
    /// per day · expected growth · mean conversation cost, plus fees — without growth or
    /// changes, the front's monthly cost. Infrastructure is ``expectedInfrastructureUSD``.
    public func expectedCostUSD(month: Int) -> Double {
        let plan = months[month - 1]
        var total = 0.0
        for segment in plan.segments {
            var part = 0.0
            for (i, intent) in segment.intents.enumerated() {
                part += 30 * intent.answeredPerDay * expectedGrowth(intent: i, month: month) * intent.costs.mean
            }
            total += segment.share * part
        }
        return total + plan.feesUSD
    }

    /// The expected infrastructure cost of a month: the sum of the items.
    public var expectedInfrastructureUSD: Double {
        infrastructure.reduce(0) { $0 + $1.monthlyUSD }
    }
}
