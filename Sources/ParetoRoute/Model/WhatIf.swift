/// What-if overrides of prices, fees, volumes and cache rates, applied before a search.
///
/// Teams ask "what if" before the data changes: a price cut, a new provisioned-throughput
/// fee, traffic growth. Overrides rewrite the cell table's inputs and recompute costs;
/// fronts record them, so a front says which assumptions produced it.
public struct WhatIf: Sendable, Hashable {
    /// New price cards per model name (cache prices left out keep their ratio to the input
    /// price: ``PriceCard/applying(_:)``).
    public var prices: [String: PriceCard]
    /// New monthly fixed fees per model name.
    public var fixedFees: [String: Double]
    /// Multiplies every intent's daily volume (applied before per-intent volumes).
    public var volumeScale: Double?
    /// New daily volumes per intent name.
    public var volumes: [String: Double]
    /// New cache hit rates per intent name.
    public var responseCacheRates: [String: Double]
    /// Models without evals, added as estimated cells before the other overrides (in order).
    public var newModels: [EstimatedModel] = []

    /// Creates overrides; none by default.
    public init(prices: [String: PriceCard] = [:], fixedFees: [String: Double] = [:],
                volumeScale: Double? = nil, volumes: [String: Double] = [:], responseCacheRates: [String: Double] = [:],
                newModels: [EstimatedModel] = []) {
        self.newModels = newModels
        self.prices = prices
        self.fixedFees = fixedFees
        self.volumeScale = volumeScale
        self.volumes = volumes
        self.responseCacheRates = responseCacheRates
    }

    /// True when nothing is overridden.
    public var isEmpty: Bool {
        prices.isEmpty && fixedFees.isEmpty && volumeScale == nil && volumes.isEmpty && responseCacheRates.isEmpty && newModels.isEmpty
    }

    /// The table with the overrides applied and costs recomputed.
    ///
    /// Quality weights that defaulted to the daily volume follow a volume override.
    /// - Throws: ``RequestError`` on the option out of range (``validate()``), naming an unknown
    ///   model or intent, or whose figures overflow.
    public func apply(to table: CellTable) throws -> CellTable {
        try validate()
        var table = table
        for model in newModels { table = try table.adding(model) }
        var copy = table
        for (name, price) in prices.sorted(by: { $0.key < $1.key }) {
            guard let m = table.modelIndex(named: name) else { throw unknown(.prices, name, table.models.map(\.name)) }
            copy.models[m].prices = table.models[m].prices.applying(price)
        }
        for (name, fee) in fixedFees.sorted(by: { $0.key < $1.key }) {
            guard let m = table.modelIndex(named: name) else { throw unknown(.fixedFees, name, table.models.map(\.name)) }
            copy.models[m].monthlyFixedUSD = fee
        }
        for i in copy.intents.indices {
            let weightFollowsVolume = copy.intents[i].qualityWeight == copy.intents[i].dailyVolume
            if let scale = volumeScale { copy.intents[i].dailyVolume *= scale }
            if let volume = volumes[copy.intents[i].name] { copy.intents[i].dailyVolume = volume }
            if weightFollowsVolume { copy.intents[i].qualityWeight = copy.intents[i].dailyVolume }
            if let rate = responseCacheRates[copy.intents[i].name] { copy.intents[i].responseCacheHitRate = rate }
        }
        for name in volumes.keys.sorted() + responseCacheRates.keys.sorted() where table.intentIndex(named: name) == nil {
            throw unknown(volumes[name] != nil ? .volumes : .responseCacheRates, name, table.intents.map(\.name))
        }
        let result = copy.recomputingCosts()
        for (i, cells) in result.cells.enumerated() where cells.contains(where: { !$0.monthlyCostUSD.isFinite }) {
            throw RequestError([.volumeScale, .volumes, .prices], "the what-if makes a monthly cost of \(result.intents[i].name) overflow a Double; expected smaller figures")
        }
        guard result.totalWeight.isFinite else {
            throw RequestError([.volumeScale, .volumes], "the what-if makes the quality weights sum beyond a Double; expected smaller volumes")
        }
        guard result.dearestMonthlyCostUSD.isFinite else {
            throw RequestError([.fixedFees, .prices], "the what-if makes the dearest configuration's monthly cost overflow a Double; expected smaller figures")
        }
        return result
    }

    private func unknown(_ option: RequestError.Option, _ name: String, _ known: [String]) -> RequestError {
        RequestError([option], "'\(name)' is not in the data; expected one of \(known.joined(separator: ", "))")
    }

    /// The overrides as written in a front's settings (keys sorted).
    public var json: JSONValue {
        .object([
            ("prices", .object(prices.keys.sorted().map { key in
                let price = prices[key] ?? PriceCard(input: 0, output: 0)
                var fields: [(String, JSONValue)] = [("input_usd_per_mtok", .number(price.input)), ("output_usd_per_mtok", .number(price.output))]
                // Only when set, so a front of version-1 what-ifs keeps its bytes.
                if let read = price.cacheReadOverride { fields.append(("cache_read_usd_per_mtok", .number(read))) }
                if let write = price.cacheWriteOverride { fields.append(("cache_write_usd_per_mtok", .number(write))) }
                return (key, .object(fields))
            })),
            ("fixed_fees_usd", .object(fixedFees.keys.sorted().map { ($0, .number(fixedFees[$0] ?? 0)) })),
            ("volume_scale", volumeScale.map { .number($0) } ?? .null),
            ("daily_volumes", .object(volumes.keys.sorted().map { ($0, .number(volumes[$0] ?? 0)) })),
            ("cache_hit_rates", .object(responseCacheRates.keys.sorted().map { ($0, .number(responseCacheRates[$0] ?? 0)) })),
        ] + (newModels.isEmpty ? [] : [("new_models", .array(newModels.map { model in
            // Only when given, so fronts without new models keep their bytes.
            var price: [(String, JSONValue)] = [("input_usd_per_mtok", .number(model.prices.input)), ("output_usd_per_mtok", .number(model.prices.output))]
            if let read = model.prices.cacheReadOverride { price.append(("cache_read_usd_per_mtok", .number(read))) }
            if let write = model.prices.cacheWriteOverride { price.append(("cache_write_usd_per_mtok", .number(write))) }
            return .object([("name", .string(model.name)), ("reference", .string(model.reference)),
                            ("quality_ratio", .number(model.qualityRatio)), ("prices", .object(price))])
        }))]))
    }

    /// Reads the overrides as a front's settings record them; `field` names the object in errors.
    /// - Throws: ``DataError`` naming the field of `file`.
    public init(json: JSONValue, file: String, field: String) throws {
        let reader = JSONFieldReader(file: file, prefix: field)
        self.init()
        for (model, price) in try reader.object(json, "prices") {
            prices[model] = PriceCard(
                input: try reader.number(price, "prices.\(model).input_usd_per_mtok", key: "input_usd_per_mtok"),
                output: try reader.number(price, "prices.\(model).output_usd_per_mtok", key: "output_usd_per_mtok"),
                cacheRead: try reader.optionalNumber(price["cache_read_usd_per_mtok"], "prices.\(model).cache_read_usd_per_mtok"),
                cacheWrite: try reader.optionalNumber(price["cache_write_usd_per_mtok"], "prices.\(model).cache_write_usd_per_mtok"))
        }
        for (model, fee) in try reader.object(json, "fixed_fees_usd") {
            fixedFees[model] = try reader.number(fee, "fixed_fees_usd.\(model)")
        }
        volumeScale = try reader.optionalNumber(json["volume_scale"], "volume_scale")
        for (intent, volume) in try reader.object(json, "daily_volumes") {
            volumes[intent] = try reader.number(volume, "daily_volumes.\(intent)")
        }
        for (intent, rate) in try reader.object(json, "cache_hit_rates") {
            responseCacheRates[intent] = try reader.number(rate, "cache_hit_rates.\(intent)")
        }
        if let list = json["new_models"] {
            guard let entries = list.array else { throw DataError(file: file, field: field + ".new_models", "not an array; expected [{…}, …]") }
            for (k, entry) in entries.enumerated() {
                let path = "new_models[\(k)]"
                guard let name = entry["name"]?.string, let reference = entry["reference"]?.string, let prices = entry["prices"] else {
                    throw DataError(file: file, field: "\(field).\(path)", "expected {\"name\", \"reference\", \"quality_ratio\", \"prices\"}")
                }
                newModels.append(EstimatedModel(
                    name: name, reference: reference, qualityRatio: try reader.number(entry, "\(path).quality_ratio", key: "quality_ratio"),
                    prices: PriceCard(input: try reader.number(prices, "\(path).prices.input_usd_per_mtok", key: "input_usd_per_mtok"),
                                      output: try reader.number(prices, "\(path).prices.output_usd_per_mtok", key: "output_usd_per_mtok"),
                                      cacheRead: try reader.optionalNumber(prices["cache_read_usd_per_mtok"], "\(path).prices.cache_read_usd_per_mtok"),
                                      cacheWrite: try reader.optionalNumber(prices["cache_write_usd_per_mtok"], "\(path).prices.cache_write_usd_per_mtok"))))
            }
        }
        // The file is at fault, not an option: its field is named, not a flag.
        do { try validate() } catch { throw DataError(file: file, field: field, error.message) }
    }
}
