/// What a cost projection assumes about the coming months: growth, price changes,
/// model reassignments and cache changes (the design doc's A12 input, as a JSON file).
///
/// A scenario is read without the data; ``ProjectionPlan`` resolves it against a table
/// and a configuration, and names the scenario's field when a name does not fit the data.
public struct Scenario: Sendable, Hashable {
    /// How volume grows from month to month.
    public enum GrowthType: String, Sendable, Hashable {
        /// Month t runs at 1 + r₁ + … + r_{t−1} times the data's volume.
        case linear
        /// Month t runs at (1 + r₁)…(1 + r_{t−1}) times the data's volume.
        case compound
    }

    /// Traffic growth: a monthly rate, its uncertainty, and per-intent rates.
    public struct TrafficGrowth: Sendable, Hashable {
        /// Linear or compound.
        public var type: GrowthType
        /// The monthly rate r (0.10 is 10 % a month).
        public var monthlyRate: Double
        /// The standard deviation of each month's rate, drawn once per run and month and
        /// shared by all intents (one growth path per run); 0 for a certain rate.
        public var monthlyRateSD: Double
        /// Rates that replace ``monthlyRate`` for named intents.
        public var intentRates: [String: Double]
        /// Whether an expected path that reaches zero volume stops there (`stop_at_zero`);
        /// without it such a path is an error naming the month, not a silent $0.
        public var stopsAtZero: Bool

        /// Creates a growth assumption.
        public init(type: GrowthType, monthlyRate: Double, monthlyRateSD: Double = 0, intentRates: [String: Double] = [:],
                    stopsAtZero: Bool = false) {
            self.type = type
            self.monthlyRate = monthlyRate
            self.monthlyRateSD = monthlyRateSD
            self.intentRates = intentRates
            self.stopsAtZero = stopsAtZero
        }
    }

    /// When a change takes effect: the projection's 1-based month, or a calendar month
    /// (which needs ``Scenario/startMonth``).
    public enum EffectiveMonth: Sendable, Hashable {
        /// The 1-based month of the projection.
        case index(Int)
        /// A calendar month.
        case calendar(CalendarMonth)
        /// A calendar day (the A12 spelling's `effective_date`): mid-month, the change
        /// applies to the month's remaining days.
        case day(CalendarDay)
    }

    /// A model's new price card from a month on.
    public struct PriceChange: Sendable, Hashable {
        /// The model's name.
        public var model: String
        /// From when.
        public var effectiveMonth: EffectiveMonth
        /// The new prices; cache prices left out keep their ratio to the input price
        /// (``PriceCard/applying(_:)``).
        public var prices: PriceCard

        /// Creates a price change.
        public init(model: String, effectiveMonth: EffectiveMonth, prices: PriceCard) {
            self.model = model
            self.effectiveMonth = effectiveMonth
            self.prices = prices
        }

        /// Creates a price change of the input and output prices only.
        public init(model: String, effectiveMonth: EffectiveMonth, inputUSDPerMTok: Double, outputUSDPerMTok: Double) {
            self.init(model: model, effectiveMonth: effectiveMonth, prices: PriceCard(input: inputUSDPerMTok, output: outputUSDPerMTok))
        }
    }

    /// A new setting (an evaluated cell) for an intent from a month on.
    public struct Reassignment: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// From when.
        public var effectiveMonth: EffectiveMonth
        /// The full setting; it must be an evaluated cell of the intent.
        public var setting: Setting

        /// Creates a reassignment.
        public init(intent: String, effectiveMonth: EffectiveMonth, setting: Setting) {
            self.intent = intent
            self.effectiveMonth = effectiveMonth
            self.setting = setting
        }
    }

    /// A new cache hit rate for an intent from a month on.
    public struct CacheChange: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// From when.
        public var effectiveMonth: EffectiveMonth
        /// The new rate, in [0, 1).
        public var responseCacheHitRate: Double

        /// Creates a cache change.
        public init(intent: String, effectiveMonth: EffectiveMonth, responseCacheHitRate: Double) {
            self.intent = intent
            self.effectiveMonth = effectiveMonth
            self.responseCacheHitRate = responseCacheHitRate
        }
    }

    /// An intent moved from one model to another, keeping its max_tokens, temperature and
    /// rag_chunks (A12's `model_reassignments`).
    public struct ModelReassignment: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The model the intent runs on when the change comes (checked).
        public var fromModel: String
        /// The model it moves to: a model of the data or a new model of the scenario.
        public var toModel: String
        /// From when.
        public var effectiveMonth: EffectiveMonth

        /// Creates a model reassignment.
        public init(intent: String, fromModel: String, toModel: String, effectiveMonth: EffectiveMonth) {
            self.intent = intent
            self.fromModel = fromModel
            self.toModel = toModel
            self.effectiveMonth = effectiveMonth
        }
    }

    /// A model without evals, estimated from a reference model, available from a date.
    public struct NewModel: Sendable, Hashable {
        /// The model and how its cells are estimated.
        public var model: EstimatedModel
        /// From when a reassignment may move an intent to it.
        public var available: EffectiveMonth

        /// Creates a new model.
        public init(model: EstimatedModel, available: EffectiveMonth) {
            self.model = model
            self.available = available
        }
    }

    /// A provider prompt cache switched on for some intents (A12's `architecture_changes`
    /// of type `prompt_cache`): a share of each call's input tokens is billed as cache reads.
    public struct PromptCache: Sendable, Hashable {
        /// The intents it covers.
        public var intents: [String]
        /// From when.
        public var effectiveMonth: EffectiveMonth
        /// The share of a call's full-price input tokens billed as cache reads instead, in (0, 1].
        public var inputShare: Double

        /// Creates a prompt-cache change.
        public init(intents: [String], effectiveMonth: EffectiveMonth, inputShare: Double) {
            self.intents = intents
            self.effectiveMonth = effectiveMonth
            self.inputShare = inputShare
        }
    }

    /// A fixed monthly cost beside the LLM bill (A12: OpenSearch, ECS, DynamoDB, Redis).
    public struct InfrastructureCost: Sendable, Hashable {
        /// What it is.
        public var name: String
        /// Its expected monthly cost, USD.
        public var monthlyUSD: Double
        /// Each run and month draws the cost uniformly within ± this share of it (A12: 0.10).
        public var uncertainty: Double

        /// Creates an infrastructure cost; A12's ±10 % by default.
        public init(name: String, monthlyUSD: Double, uncertainty: Double = 0.10) {
            self.name = name
            self.monthlyUSD = monthlyUSD
            self.uncertainty = uncertainty
        }
    }

    /// A label for reports.
    public var name: String?
    /// The calendar month of projection month 1, when month labels and calendar
    /// effective months are wanted.
    public var startMonth: CalendarMonth?
    /// Traffic growth; none means the data's volumes every month.
    public var growth: TrafficGrowth?
    /// Coefficient of variation of a day's volume around its expected value (a
    /// log-normal multiplier of mean 1 per day, shared by all intents); 0 for none.
    public var dailyVolumeCV: Double
    /// Price changes, in file order.
    public var priceChanges: [PriceChange]
    /// Reassignments, in file order.
    public var reassignments: [Reassignment]
    /// Cache changes, in file order.
    public var cacheChanges: [CacheChange]
    /// The file the scenario came from, for error messages.
    public var file: String
    /// The day the data's volumes, prices and cells describe (A12's `base_date`). Month 1 is
    /// the calendar month after it and runs one month of growth later; nil when the scenario
    /// gives ``startMonth`` (month 1 at the data's volumes).
    public var baseDate: CalendarDay?
    /// Months to project when the caller does not say (A12's `projection_months`).
    public var projectionMonths: Int?
    /// Models without evals, in file order.
    public var newModels: [NewModel] = []
    /// Moves from one model to another, in file order.
    public var modelReassignments: [ModelReassignment] = []
    /// Prompt caches switched on, in file order.
    public var promptCaches: [PromptCache] = []
    /// Fixed monthly costs beside the LLM bill, in file order.
    public var infrastructure: [InfrastructureCost] = []
    /// Which spelling the file used: true for the design doc's A12 format.
    public var isDesignDocSpelling = false

    /// Months of growth between the data and month 1: 1 with a ``baseDate``, else 0.
    public var growthMonthsBeforeStart: Int { baseDate == nil ? 0 : 1 }

    /// Creates a scenario; everything defaults to "nothing changes".
    public init(name: String? = nil, startMonth: CalendarMonth? = nil, growth: TrafficGrowth? = nil,
                dailyVolumeCV: Double = 0, priceChanges: [PriceChange] = [], reassignments: [Reassignment] = [],
                cacheChanges: [CacheChange] = [], file: String = "scenario") {
        self.name = name
        self.startMonth = startMonth
        self.growth = growth
        self.dailyVolumeCV = dailyVolumeCV
        self.priceChanges = priceChanges
        self.reassignments = reassignments
        self.cacheChanges = cacheChanges
        self.file = file
    }

    /// Reads a scenario file (a regular file of at most 16 MiB).
    ///
    /// - Throws: ``DataError``: `.missingInput`, `.readFailure`, or `.badData` naming the field.
    public static func load(path: String) throws -> Scenario {
        try Scenario(json: JSONFile.read(path: path), file: path)
    }

    /// Reads the scenario JSON; every error names the field (`price_changes[1].effective_month`).
    ///
    /// Unknown fields are errors, so a misspelt or design-doc-style key (`effective_date`)
    /// is not silently ignored.
    /// - Throws: ``DataError`` naming the field of `file`.
    public init(json: JSONValue, file: String) throws {
        if let members = json.members, members.contains(where: { Scenario.designDocKeys.contains($0.0) }) {
            try self.init(designDoc: json, file: file)
            return
        }
        let reader = ScenarioFieldReader(file: file)
        let top = try reader.object(json, path: "", keys: [
            "name", "start_month", "traffic_growth", "daily_volume_cv", "price_changes", "reassignments", "cache_changes",
            "infrastructure_costs",
        ])
        self.init(file: file)
        name = try top["name"].map { try reader.string($0, path: "name") }
        startMonth = try top["start_month"].map { try reader.calendarMonth($0, path: "start_month") }
        dailyVolumeCV = try top["daily_volume_cv"].map {
            try reader.number($0, path: "daily_volume_cv", expected: "a number in [0, 10]") { $0 >= 0 && $0 <= 10 }
        } ?? 0
        growth = try top["traffic_growth"].map { try reader.growth($0, path: "traffic_growth") }
        infrastructure = try reader.infrastructure(top["infrastructure_costs"], path: "infrastructure_costs")
        priceChanges = try reader.list(top["price_changes"], path: "price_changes") { entry, path in
            let fields = try reader.object(entry, path: path, keys: [
                "model", "effective_month", "input_usd_per_mtok", "output_usd_per_mtok",
                "cache_read_usd_per_mtok", "cache_write_usd_per_mtok",
            ])
            let price = { (value: JSONValue, key: String) in
                try reader.number(value, path: path + "." + key,
                                  expected: "a number >= 0 (USD per million tokens)") { $0 >= 0 && $0 < 1e12 }
            }
            let prices = PriceCard(
                input: try price(try reader.required(fields, "input_usd_per_mtok", path: path), "input_usd_per_mtok"),
                output: try price(try reader.required(fields, "output_usd_per_mtok", path: path), "output_usd_per_mtok"),
                cacheRead: try fields["cache_read_usd_per_mtok"].map { try price($0, "cache_read_usd_per_mtok") },
                cacheWrite: try fields["cache_write_usd_per_mtok"].map { try price($0, "cache_write_usd_per_mtok") })
            return PriceChange(model: try reader.name(fields, "model", path: path),
                               effectiveMonth: try reader.effectiveMonth(fields, path: path), prices: prices)
        }
        reassignments = try reader.list(top["reassignments"], path: "reassignments") { entry, path in
            let fields = try reader.object(entry, path: path, keys: ["intent", "effective_month", "model", "max_tokens", "temperature", "rag_chunks"])
            for key in ["model", "max_tokens", "temperature", "rag_chunks"] where fields[key] == nil {
                throw DataError(file: file, field: path + "." + key, "missing; a reassignment names the full setting (model, max_tokens, temperature, rag_chunks)")
            }
            return Reassignment(intent: try reader.name(fields, "intent", path: path),
                                effectiveMonth: try reader.effectiveMonth(fields, path: path),
                                setting: try Configuration.setting(from: entry, file: file, path: path))
        }
        cacheChanges = try reader.list(top["cache_changes"], path: "cache_changes") { entry, path in
            let fields = try reader.object(entry, path: path, keys: ["intent", "effective_month", "cache_hit_rate"])
            return CacheChange(intent: try reader.name(fields, "intent", path: path),
                               effectiveMonth: try reader.effectiveMonth(fields, path: path),
                               responseCacheHitRate: try reader.number(try reader.required(fields, "cache_hit_rate", path: path),
                                                               path: path + ".cache_hit_rate", expected: "a number in [0, 1)") { $0 >= 0 && $0 < 1 })
        }
    }

    /// The 1-based projection month of `month`; `field` names it in errors.
    ///
    /// A calendar month needs ``startMonth`` and must not precede it.
    /// - Throws: ``DataError`` naming `field` when the month lies before the start.
    public func monthIndex(of month: EffectiveMonth, field: String) throws -> Int {
        switch month {
        case .index(let index):
            return index
        case .day(let day):
            return try monthIndex(of: .calendar(day.month), field: field)
        case .calendar(let calendar):
            guard let start = startMonth else {
                throw DataError(file: file, field: field, "'\(calendar)' is a calendar month but the scenario has no 'start_month'; expected a 1-based month number or a 'start_month'")
            }
            let index = start.months(to: calendar) + 1
            guard index >= 1 else {
                throw DataError(file: file, field: field, "'\(calendar)' is before start_month '\(start)'; expected \(start) or later")
            }
            return index
        }
    }
}

/// Field-by-field reading of a scenario's JSON, each failure naming its field.
struct ScenarioFieldReader {
    let file: String

    func object(_ value: JSONValue, path: String, keys: [String]) throws -> [String: JSONValue] {
        guard let members = value.members else {
            throw DataError(file: file, field: path.isEmpty ? "(top level)" : path, "not an object; expected {…}")
        }
        var fields: [String: JSONValue] = [:]
        for (key, member) in members {
            let field = path.isEmpty ? key : path + "." + key
            guard keys.contains(key) else {
                throw DataError(file: file, field: field, "unknown field; expected one of \(keys.joined(separator: ", "))")
            }
            guard fields[key] == nil else { throw DataError(file: file, field: field, "appears twice; expected each field once") }
            fields[key] = member
        }
        return fields
    }

    func required(_ fields: [String: JSONValue], _ key: String, path: String) throws -> JSONValue {
        guard let value = fields[key] else {
            throw DataError(file: file, field: path.isEmpty ? key : path + "." + key, "missing")
        }
        return value
    }

    func string(_ value: JSONValue, path: String) throws -> String {
        guard let text = value.string else { throw DataError(file: file, field: path, "not a string") }
        return text
    }

    func name(_ fields: [String: JSONValue], _ key: String, path: String) throws -> String {
        let text = try string(try required(fields, key, path: path), path: path + "." + key)
        guard !text.isEmpty else { throw DataError(file: file, field: path + "." + key, "empty; expected a name") }
        return text
    }

    func number(_ value: JSONValue, path: String, expected: String, _ valid: (Double) -> Bool) throws -> Double {
        guard let number = value.number, number.isFinite, valid(number) else {
            throw DataError(file: file, field: path, "\(value.compact()) is out of range or not a number; expected \(expected)")
        }
        return number
    }

    func calendarMonth(_ value: JSONValue, path: String) throws -> CalendarMonth {
        guard let text = value.string, let month = CalendarMonth(text) else {
            throw DataError(file: file, field: path, "\(value.compact()) is not a month; expected \"YYYY-MM\"")
        }
        return month
    }

    func effectiveMonth(_ fields: [String: JSONValue], path: String) throws -> Scenario.EffectiveMonth {
        let field = path + ".effective_month"
        let value = try required(fields, "effective_month", path: path)
        if let number = value.number {
            guard number == number.rounded(), number >= 1, number <= 1200 else {
                throw DataError(file: file, field: field, "\(value.compact()) is not a month; expected \"YYYY-MM\" or a 1-based month of the projection (1–1200)")
            }
            return .index(Int(number))
        }
        guard let text = value.string, let month = CalendarMonth(text) else {
            throw DataError(file: file, field: field, "\(value.compact()) is not a month; expected \"YYYY-MM\" or a 1-based month of the projection")
        }
        return .calendar(month)
    }

    func bool(_ value: JSONValue, path: String) throws -> Bool {
        guard case .bool(let flag) = value else { throw DataError(file: file, field: path, "\(value.compact()) is not true or false") }
        return flag
    }

    func day(_ value: JSONValue, path: String) throws -> CalendarDay {
        guard let text = value.string, let day = CalendarDay(text) else {
            throw DataError(file: file, field: path, "\(value.compact()) is not a date; expected \"YYYY-MM-DD\"")
        }
        return day
    }

    /// `traffic_growth` in either spelling.
    func growth(_ value: JSONValue, path: String) throws -> Scenario.TrafficGrowth {
        let growth = try object(value, path: path, keys: ["type", "monthly_rate", "monthly_rate_sd", "intent_rates", "stop_at_zero"])
        let typeText = try string(try required(growth, "type", path: path), path: path + ".type")
        guard let type = Scenario.GrowthType(rawValue: typeText) else {
            throw DataError(file: file, field: path + ".type", "'\(typeText)' is not a growth type; expected \"linear\" or \"compound\"")
        }
        let rateExpectation = "a number in [-1, 10] (0.10 is 10 % a month)"
        let rate = try number(try required(growth, "monthly_rate", path: path),
                              path: path + ".monthly_rate", expected: rateExpectation) { $0 >= -1 && $0 <= 10 }
        let sd = try growth["monthly_rate_sd"].map {
            try number($0, path: path + ".monthly_rate_sd", expected: "a number in [0, 10]") { $0 >= 0 && $0 <= 10 }
        } ?? 0
        var intentRates: [String: Double] = [:]
        if let rates = growth["intent_rates"] {
            guard let members = rates.members else {
                throw DataError(file: file, field: path + ".intent_rates", "not an object; expected {\"<intent>\": rate, …}")
            }
            for (intent, value) in members {
                intentRates[intent] = try number(value, path: path + ".intent_rates." + intent,
                                                 expected: rateExpectation) { $0 >= -1 && $0 <= 10 }
            }
        }
        let stops = try growth["stop_at_zero"].map { try bool($0, path: path + ".stop_at_zero") } ?? false
        return Scenario.TrafficGrowth(type: type, monthlyRate: rate, monthlyRateSD: sd, intentRates: intentRates, stopsAtZero: stops)
    }

    /// `infrastructure_costs` in either spelling: `[{name, monthly_usd, uncertainty}]`.
    func infrastructure(_ value: JSONValue?, path: String) throws -> [Scenario.InfrastructureCost] {
        try list(value, path: path) { entry, path in
            let fields = try object(entry, path: path, keys: ["name", "monthly_usd", "uncertainty"])
            return Scenario.InfrastructureCost(
                name: try name(fields, "name", path: path),
                monthlyUSD: try number(try required(fields, "monthly_usd", path: path), path: path + ".monthly_usd",
                                       expected: "a number of USD >= 0") { $0 >= 0 && $0 < 1e12 },
                uncertainty: try fields["uncertainty"].map {
                    try number($0, path: path + ".uncertainty", expected: "a share in [0, 1] (0.10 is ±10 %)") { $0 >= 0 && $0 <= 1 }
                } ?? 0.10)
        }
    }

    func list<T>(_ value: JSONValue?, path: String, _ body: (JSONValue, String) throws -> T) throws -> [T] {
        guard let value else { return [] }
        guard let elements = value.array else { throw DataError(file: file, field: path, "not an array; expected [{…}, …]") }
        return try elements.enumerated().map { try body($0.element, "\(path)[\($0.offset)]") }
    }
}
