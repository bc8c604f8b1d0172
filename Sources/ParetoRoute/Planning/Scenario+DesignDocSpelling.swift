/// The design doc's A12 "Input parameters format", read as written beside the native spelling.
///
/// `{"scenario_name", "base_date", "projection_months", "assumptions": {traffic_growth,
/// price_changes, new_models, architecture_changes, model_reassignments}}`, with
/// day-precise `effective_date`s. Extensions in the same style: `assumptions.daily_volume_cv`,
/// `assumptions.infrastructure_costs`, `assumptions.cache_changes`, `traffic_growth.monthly_rate_sd`.
extension Scenario {
    /// The top-level keys that mark the A12 spelling.
    static let designDocKeys: Set<String> = ["scenario_name", "base_date", "projection_months", "assumptions"]

    /// Reads the A12 spelling; every error names the field.
    /// - Throws: ``DataError`` naming the field of `file`.
    init(designDoc json: JSONValue, file: String) throws {
        let reader = ScenarioFieldReader(file: file)
        let top = try reader.object(json, path: "", keys: ["scenario_name", "base_date", "projection_months", "assumptions"])
        self.init(file: file)
        isDesignDocSpelling = true
        name = try top["scenario_name"].map { try reader.string($0, path: "scenario_name") }
        let base = try reader.day(try reader.required(top, "base_date", path: ""), path: "base_date")
        baseDate = base
        startMonth = base.month.adding(months: 1)
        projectionMonths = try top["projection_months"].map { value in
            Int(try reader.number(value, path: "projection_months", expected: "a whole number of months in 1...120") {
                $0 == $0.rounded() && $0 >= 1 && $0 <= 120
            })
        }
        guard let assumptionsValue = top["assumptions"] else { return }
        let a = try reader.object(assumptionsValue, path: "assumptions", keys: [
            "traffic_growth", "daily_volume_cv", "price_changes", "new_models", "architecture_changes",
            "model_reassignments", "cache_changes", "infrastructure_costs",
        ])
        growth = try a["traffic_growth"].map { try reader.growth($0, path: "assumptions.traffic_growth") }
        dailyVolumeCV = try a["daily_volume_cv"].map {
            try reader.number($0, path: "assumptions.daily_volume_cv", expected: "a number in [0, 10]") { $0 >= 0 && $0 <= 10 }
        } ?? 0
        infrastructure = try reader.infrastructure(a["infrastructure_costs"], path: "assumptions.infrastructure_costs")
        let price = { (fields: [String: JSONValue], key: String, path: String) throws -> Double in
            try reader.number(try reader.required(fields, key, path: path), path: path + "." + key,
                              expected: "a number >= 0 (USD per million tokens)") { $0 >= 0 && $0 < 1e12 }
        }
        let optionalPrice = { (fields: [String: JSONValue], key: String, path: String) throws -> Double? in
            fields[key] == nil ? nil : try price(fields, key, path)
        }
        let date = { (fields: [String: JSONValue], key: String, path: String) throws -> EffectiveMonth in
            .day(try reader.day(try reader.required(fields, key, path: path), path: path + "." + key))
        }
        priceChanges = try reader.list(a["price_changes"], path: "assumptions.price_changes") { entry, path in
            let fields = try reader.object(entry, path: path, keys: [
                "model", "effective_date", "new_input_price_per_m", "new_output_price_per_m",
                "new_cache_read_price_per_m", "new_cache_write_price_per_m",
            ])
            return PriceChange(model: try reader.name(fields, "model", path: path), effectiveMonth: try date(fields, "effective_date", path),
                               prices: PriceCard(input: try price(fields, "new_input_price_per_m", path),
                                                 output: try price(fields, "new_output_price_per_m", path),
                                                 cacheRead: try optionalPrice(fields, "new_cache_read_price_per_m", path),
                                                 cacheWrite: try optionalPrice(fields, "new_cache_write_price_per_m", path)))
        }
        newModels = try reader.list(a["new_models"], path: "assumptions.new_models") { entry, path in
            guard let members = entry.members else { throw DataError(file: file, field: path, "not an object; expected {…}") }
            // The reference model is named by the key: estimated_quality_vs_<model>.
            let prefix = "estimated_quality_vs_"
            let ratioKeys = members.map(\.0).filter { $0.hasPrefix(prefix) && $0.count > prefix.count }
            guard ratioKeys.count == 1, let ratioKey = ratioKeys.first else {
                throw DataError(file: file, field: path + "." + prefix + "<model>",
                                ratioKeys.isEmpty ? "missing; expected the quality ratio against an evaluated model, e.g. \"estimated_quality_vs_sonnet\": 0.92"
                                                  : "given \(ratioKeys.count) times; expected one reference model")
            }
            let fields = try reader.object(entry, path: path, keys: [
                "model", "available_date", "input_price_per_m", "output_price_per_m", "cache_read_price_per_m",
                "cache_write_price_per_m", ratioKey,
            ])
            let ratio = try reader.number(try reader.required(fields, ratioKey, path: path), path: path + "." + ratioKey,
                                          expected: "a quality ratio in (0, 10] (0.92: 8 % below the reference)") { $0 > 0 && $0 <= 10 }
            let model = EstimatedModel(
                name: try reader.name(fields, "model", path: path), reference: String(ratioKey.dropFirst(prefix.count)),
                qualityRatio: ratio,
                prices: PriceCard(input: try price(fields, "input_price_per_m", path), output: try price(fields, "output_price_per_m", path),
                                  cacheRead: try optionalPrice(fields, "cache_read_price_per_m", path),
                                  cacheWrite: try optionalPrice(fields, "cache_write_price_per_m", path)))
            return NewModel(model: model, available: try date(fields, "available_date", path))
        }
        promptCaches = try reader.list(a["architecture_changes"], path: "assumptions.architecture_changes") { entry, path in
            let fields = try reader.object(entry, path: path, keys: ["type", "effective_date", "cache_eligible_intents", "expected_token_reduction"])
            let type = try reader.name(fields, "type", path: path)
            guard type == "prompt_cache" else {
                throw DataError(file: file, field: path + ".type", "'\(type)' is not an architecture change this tool models; expected \"prompt_cache\"")
            }
            let intentsValue = try reader.required(fields, "cache_eligible_intents", path: path)
            guard let list = intentsValue.array, !list.isEmpty else {
                throw DataError(file: file, field: path + ".cache_eligible_intents", "not a list of intents; expected [\"faq\", …]")
            }
            let intents = try list.enumerated().map { try reader.string($0.element, path: path + ".cache_eligible_intents[\($0.offset)]") }
            let share = try reader.number(try reader.required(fields, "expected_token_reduction", path: path),
                                          path: path + ".expected_token_reduction",
                                          expected: "a share in (0, 1] of input tokens billed as cache reads") { $0 > 0 && $0 <= 1 }
            return PromptCache(intents: intents, effectiveMonth: try date(fields, "effective_date", path), inputShare: share)
        }
        modelReassignments = try reader.list(a["model_reassignments"], path: "assumptions.model_reassignments") { entry, path in
            let fields = try reader.object(entry, path: path, keys: ["intent", "from_model", "to_model", "effective_date"])
            return ModelReassignment(intent: try reader.name(fields, "intent", path: path),
                                     fromModel: try reader.name(fields, "from_model", path: path),
                                     toModel: try reader.name(fields, "to_model", path: path),
                                     effectiveMonth: try date(fields, "effective_date", path))
        }
        cacheChanges = try reader.list(a["cache_changes"], path: "assumptions.cache_changes") { entry, path in
            let fields = try reader.object(entry, path: path, keys: ["intent", "effective_date", "cache_hit_rate"])
            return CacheChange(intent: try reader.name(fields, "intent", path: path),
                               effectiveMonth: try date(fields, "effective_date", path),
                               responseCacheHitRate: try reader.number(try reader.required(fields, "cache_hit_rate", path: path),
                                                                       path: path + ".cache_hit_rate", expected: "a number in [0, 1)") { $0 >= 0 && $0 < 1 })
        }
    }
}
