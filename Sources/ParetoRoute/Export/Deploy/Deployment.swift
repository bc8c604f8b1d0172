/// A configuration made ready to deploy: per intent its setting or route and the figures
/// the front expects of it, from which the gateway config (``LiteLLMConfig``), the
/// orchestrator's intent table (``intentTableJSON``) and the mode table are written.
///
/// Every exported file comes from one evaluation here, so they cannot disagree; the
/// figures of a configuration of cells are bit-identical to `check`'s.
public struct Deployment: Sendable {
    /// The figures one intent is expected to show in production.
    public struct Expected: Sendable, Hashable {
        /// Cost of one conversation the LLM answers (response-cache hits cost nothing).
        public var costPerConversationUSD: Double
        /// The intent's monthly LLM cost, without model fees.
        public var monthlyCostUSD: Double
        /// Mean quality.
        public var quality: Double
        /// P99 latency; nil for a share route of data loaded without samples.
        public var p99LatencyMs: Double?
        /// The share of traffic a route sends to `high` (nil for a setting).
        public var highShare: Double?
    }

    /// One intent.
    public struct Entry: Sendable {
        /// The intent's name.
        public var intent: String
        /// Its setting or route.
        public var option: IntentOption
        /// The figures expected of it.
        public var expected: Expected
        /// The provider's model id per setting of ``option`` (models.csv's first `provider_ids`
        /// entry, or the model's name), aligned with ``IntentOption/settings``.
        public var modelIDs: [String]

        /// The output cap the orchestrator enforces: the largest `max_tokens` of its settings.
        public var maxOutputTokens: Int { option.settings.map(\.maxTokens).max() ?? 0 }
    }

    /// The intents in the data's order.
    public var entries: [Entry]
    /// Total monthly cost: the intents' costs plus each used model's and router's fee.
    public var monthlyCostUSD: Double
    /// The model and router fees included in ``monthlyCostUSD``.
    public var fixedFeesUSD: Double
    /// Weighted quality.
    public var quality: Double
    /// The data's fingerprint, so a deployed table can be traced to its evals.
    public var dataFingerprint: String
    /// Where the configuration came from, as exported files say (`point #12 of front.json`).
    public var source: String

    /// The model ids written without a `provider/` prefix (`sonnet`), in first-use order:
    /// LiteLLM loads those only when it knows the name.
    public var modelIDsWithoutProvider: [String] {
        var seen: [String] = []
        for id in entries.flatMap(\.modelIDs) where !id.contains("/") && !seen.contains(id) { seen.append(id) }
        return seen
    }

    /// Evaluates `configuration` (cells only) on `table`; `file` names it in errors.
    /// - Throws: ``DataError`` when an intent or setting is not in the data.
    public init(configuration: Configuration, table: CellTable, file: String) throws {
        try self.init(options: configuration.entries, table: table, file: file)
    }

    /// Evaluates one option per intent on `table`, in the data's intent order.
    ///
    /// A threshold route needs the table's samples with their ids (``GoldenDataLoader/load(directory:keepingSamples:keepingSampleIDs:laterEvalsFile:)``)
    /// and the router's scores; a share route's
    /// P99 needs the samples (without them it is nil).
    /// - Throws: ``DataError`` naming `file` and the intent: an unknown or missing intent, a
    ///   setting with no evaluated cell, a route whose router is unknown or that no sample
    ///   reaches.
    public init(options: [(intent: String, option: IntentOption)], table: CellTable, file: String) throws {
        var byIntent = [IntentOption?](repeating: nil, count: table.intents.count)
        for (name, option) in options {
            guard let i = table.intentIndex(named: name) else {
                throw DataError(file: file, field: "intents.\(name)",
                                "intent '\(name)' is not in the data; expected one of \(table.intents.map(\.name).joined(separator: ", "))")
            }
            byIntent[i] = option
        }
        var entries: [Entry] = []
        var usedModels = [Bool](repeating: false, count: table.models.count)
        var usedRouters = [Bool](repeating: false, count: table.routerScores.routers.count)
        var cost = 0.0
        var weighted = 0.0
        for (i, option) in byIntent.enumerated() {
            let intent = table.intents[i]
            guard let option else {
                throw DataError(file: file, field: "intents.\(intent.name)",
                                "intent '\(intent.name)' is missing; expected a setting or route for every intent of the data")
            }
            let cells = try option.settings.map { setting in
                try Deployment.cellIndex(table: table, intent: i, setting: setting, file: file)
            }
            for c in cells { usedModels[table.cells[i][c].modelIndex] = true }
            let expected = try Deployment.expected(option: option, cells: cells, intent: i, table: table, file: file,
                                                   usedRouters: &usedRouters)
            cost += expected.monthlyCostUSD
            weighted += intent.qualityWeight * expected.quality
            let ids = cells.map { c -> String in
                let model = table.models[table.cells[i][c].modelIndex]
                return model.providerIDs.first ?? model.name
            }
            entries.append(Entry(intent: intent.name, option: option, expected: expected, modelIDs: ids))
        }
        var fees = 0.0
        for (m, model) in table.models.enumerated() where usedModels[m] { fees += model.monthlyFixedUSD }
        for (r, router) in table.routerScores.routers.enumerated() where usedRouters[r] { fees += router.monthlyFixedUSD }
        self.entries = entries
        monthlyCostUSD = cost + fees
        fixedFeesUSD = fees
        quality = weighted / table.totalWeight
        dataFingerprint = table.fingerprint
        source = file
    }

    /// The point `request` picks of a front, evaluated on the front's data (``FrontWithData``,
    /// under the front's own what-if); `frontPath` names the front in errors and in ``source``.
    /// - Throws: ``RequestError`` on ``RequestError/Option/point`` or ``RequestError/Option/budget``
    ///   when the front has no such point; ``DataError`` when the data lacks one of its cells.
    public init(front loaded: FrontWithData, pick request: FrontPicker.Request, frontPath: String) throws {
        let front = loaded.front
        if case .point(let number) = request { _ = try front.pointIndex(number: number) }
        let index: Int
        switch FrontPicker.pick(request, from: front) {
        case .none:
            throw DataError(file: frontPath, field: "points", "the front has no points")
        case .found(let found)?:
            index = found
        case .unmet(_, let reason)?:
            switch request {
            case .budget: throw RequestError([.budget], reason)
            case .minQuality: throw RequestError([.minQuality], reason)
            default: throw RequestError([.point], reason)
            }
        }
        try self.init(configuration: front.points[index].configuration, table: loaded.table, file: frontPath)
        let knee = request == .knee ? "the knee, " : ""
        source = "\(knee)point #\(index + 1) of \(frontPath)"
    }

    private static func cellIndex(table: CellTable, intent i: Int, setting: Setting, file: String) throws -> Int {
        guard let c = table.cellIndex(intent: i, setting: setting) else {
            let near = table.nearestSettings(intent: i, to: setting).map(\.description).joined(separator: ", ")
            throw DataError(file: file, field: "intents.\(table.intents[i].name)",
                            "no evaluated cell for \(setting); nearest evaluated settings: \(near)")
        }
        return c
    }

    private static func expected(option: IntentOption, cells: [Int], intent i: Int, table: CellTable, file: String,
                                 usedRouters: inout [Bool]) throws -> Expected {
        let intent = table.intents[i]
        func perConversation(_ c: Int) -> Double {
            let cell = table.cells[i][c]
            return table.models[cell.modelIndex].prices.cost(of: cell.meanTokens.applyingReadShare(intent.promptCacheReadShare))
        }
        guard case .route(let route) = option, cells.count == 2 else {
            let cell = table.cells[i][cells[0]]
            return Expected(costPerConversationUSD: perConversation(cells[0]), monthlyCostUSD: cell.monthlyCostUSD,
                            quality: cell.quality, p99LatencyMs: cell.p99LatencyMs, highShare: nil)
        }
        let low = table.cells[i][cells[0]], high = table.cells[i][cells[1]]
        let field = "intents.\(intent.name).route"
        switch route.rule {
        case .share(let s):
            let p99 = table.samples.map { samples in
                RouteFigures.shareP99(low: samples[i][cells[0]].sortedLatencies, high: samples[i][cells[1]].sortedLatencies, share: s)
            }
            return Expected(costPerConversationUSD: (1 - s) * perConversation(cells[0]) + s * perConversation(cells[1]),
                            monthlyCostUSD: (1 - s) * low.monthlyCostUSD + s * high.monthlyCostUSD,
                            quality: (1 - s) * low.quality + s * high.quality, p99LatencyMs: p99, highShare: s)
        case .threshold(let name, let threshold):
            guard let r = table.routerScores.routerIndex(named: name), let scores = table.routerScores.scores[i][r] else {
                throw DataError(file: file, field: field + ".router",
                                "the router '\(name)' scores no sample of \(intent.name); expected a router of routers.csv")
            }
            guard let samples = table.samples, samples[i][cells[0]].sampleIDs.count == samples[i][cells[0]].qualities.count else {
                throw DataError(.badRequest, file: file, field: field,
                                "a threshold route is evaluated sample by sample; expected data loaded with its samples and sample ids")
            }
            let router = table.routerScores.routers[r]
            guard let figures = RouteFigures.threshold(
                low: samples[i][cells[0]], lowPrices: table.models[low.modelIndex].prices,
                high: samples[i][cells[1]], highPrices: table.models[high.modelIndex].prices,
                scores: scores, threshold: threshold, routerLatencyMs: router.latencyMs,
                readShare: intent.promptCacheReadShare) else {
                throw DataError(file: file, field: field, "no golden sample is in both cells and scored by '\(name)'; expected shared, scored samples")
            }
            usedRouters[r] = true
            return Expected(costPerConversationUSD: figures.costPerCallUSD, monthlyCostUSD: intent.monthlyCalls * figures.costPerCallUSD,
                            quality: figures.quality, p99LatencyMs: figures.p99LatencyMs, highShare: figures.highShare)
        }
    }
}
