/// Everything a front was made under: how it was searched, the constraints, the scope,
/// the what-if overrides and the feasibility confidence.
///
/// `diff` must tell a changed assumption from changed data, `check --front` must judge a
/// configuration under the front's own assumptions, and the text and SVG say what
/// produced them; all read these typed fields, never keys of a JSON object.
public struct FrontSettings: Sendable, Equatable {
    /// How the front was searched.
    public enum Search: Sendable, Equatable {
        /// NSGA-II with these options.
        case nsga2(population: Int, generations: Int, stallGenerations: Int?, seed: UInt64)
        /// The exact fold; `maxPoints` when capped by an ε-grid.
        case exact(maxPoints: Int?)
    }

    /// How the front was searched.
    public var search: Search
    /// Constraints on the whole configuration.
    public var constraints: GlobalConstraints
    /// Models no intent could use.
    public var excludedModels: [String]
    /// Per intent name, the only models it could use.
    public var allowedModels: [String: [String]]
    /// What ran when the front was made, for a change budget or pins.
    public var baseline: Configuration?
    /// The change budget counted from ``baseline``.
    public var maxChanges: Int?
    /// Intents that kept their baseline cell.
    public var pinnedIntents: [String]
    /// Whether kept baseline cells had to be feasible too (a front of repairs).
    public var feasibleOnly: Bool
    /// The fewest golden samples a usable cell had, if a minimum was set.
    public var minimumSamples: Int?
    /// The what-if overrides applied to the data.
    public var whatIf: WhatIf
    /// The confidence at which cells had to clear floors and caps, if any.
    public var confidence: Double?
    /// The routes the search considered; nil when none (version-1 fronts).
    public var routes: RouteOptions? = nil

    /// Creates settings; everything but the search defaults to "as measured, unrestricted".
    public init(search: Search, constraints: GlobalConstraints = GlobalConstraints(), excludedModels: [String] = [],
                allowedModels: [String: [String]] = [:], baseline: Configuration? = nil, maxChanges: Int? = nil,
                pinnedIntents: [String] = [], feasibleOnly: Bool = false, minimumSamples: Int? = nil,
                whatIf: WhatIf = WhatIf(), confidence: Double? = nil) {
        self.search = search
        self.constraints = constraints
        self.excludedModels = excludedModels
        self.allowedModels = allowedModels
        self.baseline = baseline
        self.maxChanges = maxChanges
        self.pinnedIntents = pinnedIntents
        self.feasibleOnly = feasibleOnly
        self.minimumSamples = minimumSamples
        self.whatIf = whatIf
        self.confidence = confidence
    }

    /// The settings of a request searched on `table` (the baseline named by its settings).
    public init(search: Search, request: FrontRequest, table: CellTable) {
        self.init(search: search, constraints: request.constraints, excludedModels: request.scope.excludedModels,
                  allowedModels: request.scope.allowedModels,
                  baseline: request.scope.baseline.map { table.configuration(of: $0) },
                  maxChanges: request.scope.maxChanges, pinnedIntents: request.scope.pinnedIntents,
                  feasibleOnly: request.scope.feasibleOnly,
                  // Every cell has a sample: a minimum of 1 rules nothing out and is not recorded.
                  minimumSamples: request.scope.minimumSamples.flatMap { $0 > 1 ? $0 : nil },
                  whatIf: request.whatIf, confidence: request.confidence)
        let routes = request.resolvedRoutes(for: table)
        self.routes = routes.isEnabled ? routes : nil
    }

    /// The settings as written in a front file: search settings, constraints, scope,
    /// what-if and confidence, optional entries only when set.
    public var json: [(String, JSONValue)] {
        var entries: [(String, JSONValue)] = []
        switch search {
        case let .nsga2(population, generations, stall, seed):
            entries = [
                ("population", .number(Double(population))),
                ("generations", .number(Double(generations))),
                ("stall_generations", stall.map { .number(Double($0)) } ?? .null),
                ("seed", .number(Double(seed))),
            ]
        case .exact(let maxPoints):
            if let maxPoints { entries.append(("max_points", .number(Double(maxPoints)))) }
        }
        entries += [
            ("max_monthly_cost_usd", constraints.maxMonthlyCostUSD.map { .number($0) } ?? .null),
            ("min_quality", constraints.minQuality.map { .number($0) } ?? .null),
            ("excluded_models", .array(excludedModels.map { .string($0) })),
        ]
        if !allowedModels.isEmpty {
            entries.append(("allowed_models", .object(allowedModels.keys.sorted().map { key in
                (key, .array((allowedModels[key] ?? []).map { .string($0) }))
            })))
        }
        if let baseline { entries.append(("baseline", baseline.json)) }
        if let maxChanges { entries.append(("max_changes", .number(Double(maxChanges)))) }
        if !pinnedIntents.isEmpty { entries.append(("pinned_intents", .array(pinnedIntents.map { .string($0) }))) }
        if feasibleOnly { entries.append(("feasible_only", .bool(true))) }
        if let minimumSamples { entries.append(("min_samples", .number(Double(minimumSamples)))) }
        entries += [("what_if", whatIf.json), ("confidence", confidence.map { .number($0) } ?? .null)]
        if let routes {
            entries.append(("routes", .object([
                ("threshold", .bool(routes.thresholdRoutes)), ("share", .bool(routes.shareRoutes)),
                ("protected", .bool(routes.protectsFromSelection)),
            ])))
        }
        return entries
    }

    /// Reads the `settings` object of a front made by `method` (formats 1 and 2).
    /// - Throws: ``DataError`` naming the field of `file`.
    public init(json: JSONValue, method: Front.Method, file: String) throws {
        let reader = JSONFieldReader(file: file, prefix: "settings")
        guard json.members != nil else { throw reader.error("", "not an object") }
        switch method {
        case .nsga2:
            let seed = try reader.number(json["seed"] ?? .number(1), "seed")
            guard seed >= 0, seed == seed.rounded(), seed < 18_446_744_073_709_551_616 else {
                throw reader.error("seed", "not a non-negative integer")
            }
            search = .nsga2(population: try reader.integer(json["population"] ?? .number(0), "population"),
                            generations: try reader.integer(json["generations"] ?? .number(0), "generations"),
                            stallGenerations: try reader.optionalInteger(json["stall_generations"], "stall_generations"),
                            seed: UInt64(seed))
        case .exact:
            search = .exact(maxPoints: try reader.optionalInteger(json["max_points"], "max_points"))
        }
        constraints = GlobalConstraints(maxMonthlyCostUSD: try reader.optionalNumber(json["max_monthly_cost_usd"], "max_monthly_cost_usd"),
                                        minQuality: try reader.optionalNumber(json["min_quality"], "min_quality"))
        excludedModels = try reader.strings(json["excluded_models"], "excluded_models")
        allowedModels = [:]
        for (intent, models) in try reader.object(json, "allowed_models") {
            allowedModels[intent] = try reader.strings(models, "allowed_models.\(intent)")
        }
        baseline = try json["baseline"].flatMap { $0 == .null ? nil : try Configuration(json: $0, file: file, fieldPrefix: "settings.baseline.") }
        maxChanges = try reader.optionalInteger(json["max_changes"], "max_changes")
        pinnedIntents = try reader.strings(json["pinned_intents"], "pinned_intents")
        feasibleOnly = try reader.bool(json["feasible_only"] ?? .bool(false), "feasible_only")
        minimumSamples = try reader.optionalInteger(json["min_samples"], "min_samples")
        if let minimumSamples, minimumSamples < 1 { throw reader.error("min_samples", "\(minimumSamples) is not a sample count; expected an integer of at least 1") }
        whatIf = try json["what_if"].map { try WhatIf(json: $0, file: file, field: "settings.what_if") } ?? WhatIf()
        confidence = try reader.optionalNumber(json["confidence"], "confidence")
        if let recorded = json["routes"], recorded != .null {
            routes = RouteOptions(thresholdRoutes: try reader.bool(recorded["threshold"] ?? .bool(false), "routes.threshold"),
                                  shareRoutes: try reader.bool(recorded["share"] ?? .bool(false), "routes.share"),
                                  protectsFromSelection: try reader.bool(recorded["protected"] ?? .bool(true), "routes.protected"))
        }
        if let confidence, !(confidence > 0 && confidence < 1) {
            // The file is at fault, not a flag: name its field (pick --data blamed --confidence).
            throw reader.error("confidence", "\(formatNumber(confidence)) is out of range; expected a number in (0, 1), e.g. 0.95")
        }
    }

    /// The assumptions, one short phrase each: global constraints, scope, what-if
    /// overrides, confidence and a cap. An unscoped run on the data as measured has none.
    ///
    /// The text table and the SVG print them so that a front on paper says what produced
    /// it, as the JSON does.
    public var assumptions: [String] {
        var phrases: [String] = []
        if let cap = constraints.maxMonthlyCostUSD { phrases.append("monthly cost ≤ \(formatUSD(cap))") }
        if let floor = constraints.minQuality { phrases.append("quality ≥ \(formatNumber(floor))") }
        if !excludedModels.isEmpty { phrases.append("excluded models: \(excludedModels.joined(separator: ", "))") }
        for intent in allowedModels.keys.sorted() {
            phrases.append("\(intent) limited to \((allowedModels[intent] ?? []).joined(separator: ", "))")
        }
        if let baseline {
            let limit = maxChanges.map { ", at most \($0) changed" } ?? ""
            let feasible = feasibleOnly ? ", every kept cell feasible" : ""
            phrases.append("baseline of \(baseline.entries.count) intents\(limit)\(feasible)")
        }
        if !pinnedIntents.isEmpty { phrases.append("pinned: \(pinnedIntents.joined(separator: ", "))") }
        if let minimumSamples { phrases.append("cells of at least \(minimumSamples) samples") }
        for model in whatIf.prices.keys.sorted() {
            let price = whatIf.prices[model] ?? PriceCard(input: 0, output: 0)
            phrases.append("what if \(model) cost \(price.perMillionText)")
        }
        for model in whatIf.fixedFees.keys.sorted() {
            phrases.append("what if \(model)'s fee were \(formatUSD(whatIf.fixedFees[model] ?? 0))/month")
        }
        if let scale = whatIf.volumeScale { phrases.append("what if volumes were ×\(formatNumber(scale))") }
        for intent in whatIf.volumes.keys.sorted() {
            phrases.append("what if \(intent) had \(formatNumber(whatIf.volumes[intent] ?? 0)) conversations/day")
        }
        for intent in whatIf.responseCacheRates.keys.sorted() {
            phrases.append("what if \(intent)'s cache hit rate were \(formatNumber(whatIf.responseCacheRates[intent] ?? 0))")
        }
        if let confidence { phrases.append("floors and caps at \(formatNumber(confidence * 100))% confidence") }
        if case .exact(let cap?) = search { phrases.append("capped at \(cap) points") }
        if let routes {
            let kinds = [routes.thresholdRoutes ? "threshold" : nil, routes.shareRoutes ? "share" : nil].compactMap { $0 }
            phrases.append("\(kinds.joined(separator: " and ")) routes\(routes.thresholdRoutes && !routes.protectsFromSelection ? " (in-sample thresholds)" : "")")
        }
        return phrases
    }
}
