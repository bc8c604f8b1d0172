extension CellTable {
    /// The objectives of a choice of one option (cell or route) per intent, summed in a fixed order.
    ///
    /// Costs add in intent order, then fees in part order (models, then routers); quality adds
    /// `w·q` in intent order and divides once. The exact solver and the search use the same
    /// order, so the same configuration gets bit-identical figures everywhere.
    public func objectives(of choice: [Int]) -> (monthlyCostUSD: Double, quality: Double, fixedFeesUSD: Double) {
        var cost = 0.0
        var weighted = 0.0
        let parts = feeParts
        var used = [Bool](repeating: false, count: parts.count)
        for (i, c) in choice.enumerated() {
            cost += optionCost(i, c)
            weighted += intents[i].qualityWeight * optionQuality(i, c)
            forEachFeePart(i, c) { used[$0] = true }
        }
        var fees = 0.0
        for (p, fee) in parts.enumerated() where used[p] {
            fees += fee
        }
        return (cost + fees, weighted / totalWeight, fees)
    }

    /// Evaluates a choice of one option (cell or route) per intent, with its per-intent breakdown.
    public func evaluate(_ choice: [Int], constraints: GlobalConstraints = GlobalConstraints()) -> ConfigurationEvaluation {
        let score = score(choice, constraints: constraints)
        let perIntent = choice.enumerated().map { i, c in
            let option = option(intent: i, index: c)
            // Each side of a route is billed at its own model's prices, on its share of the tokens.
            let sides: [(prices: PriceCard, tokens: TokenCounts)]
            if let route = routeCell(intent: i, index: c) {
                sides = [(models[cells[i][route.low].modelIndex].prices, route.lowTokens),
                         (models[cells[i][route.high].modelIndex].prices, route.highTokens)]
            } else {
                sides = [(models[cells[i][c].modelIndex].prices, cells[i][c].meanTokens)]
            }
            var parts = CostParts(input: 0, cacheRead: 0, cacheWrite: 0, output: 0)
            var uncachedCost = 0.0
            for side in sides {
                parts = parts + side.prices.costParts(of: side.tokens.applyingReadShare(intents[i].promptCacheReadShare))
                    .scaled(by: intents[i].monthlyCalls)
                uncachedCost += Cell.monthlyCost(intent: intents[i], prices: PriceCard(input: side.prices.input, output: side.prices.output),
                                                 meanTokens: side.tokens)
            }
            return IntentEvaluation(
                intent: intents[i].name, cellIndex: c, option: option.option, monthlyCostUSD: option.monthlyCostUSD,
                quality: option.quality, p99LatencyMs: option.p99LatencyMs, qualityStandardError: option.qualityStandardError,
                weightShare: intents[i].qualityWeight / totalWeight, minQuality: intents[i].minQuality,
                maxP99LatencyMs: intents[i].maxP99LatencyMs, violation: violation(intent: i, option: c),
                monthlyCostParts: parts, monthlyCostWithoutPromptCacheUSD: uncachedCost)
        }
        return ConfigurationEvaluation(
            choice: choice, monthlyCostUSD: score.monthlyCostUSD, fixedFeesUSD: score.fixedFeesUSD, quality: score.quality,
            qualityStandardError: score.qualityStandardError, perIntent: perIntent,
            globalFailures: constraints.failures(monthlyCostUSD: score.monthlyCostUSD, quality: score.quality))
    }

    /// The configuration of a choice, in intent order.
    public func configuration(of choice: [Int]) -> Configuration {
        Configuration(entries: choice.enumerated().map { (intents[$0.offset].name, option(intent: $0.offset, index: $0.element).option) })
    }

    /// The option index per intent of `configuration`.
    ///
    /// Every intent must appear exactly once; an unknown intent, a missing one, or a
    /// setting with no evaluated cell is an error naming the nearest evaluated settings.
    /// A route must be one the table lists (see ``addingRoutes(_:)``).
    /// - Throws: ``DataError`` naming `file` and the intent: an unknown or missing intent, a setting without a cell.
    public func choice(of configuration: Configuration, file: String) throws -> [Int] {
        var choice = [Int](repeating: -1, count: intents.count)
        for entry in configuration.entries {
            guard let i = intentIndex(named: entry.intent) else {
                throw DataError(file: file, field: "intents.\(entry.intent)",
                                "intent '\(entry.intent)' is not in the data; expected one of \(intents.map(\.name).joined(separator: ", "))")
            }
            for setting in entry.option.settings where cellIndex(intent: i, setting: setting) == nil {
                let near = nearestSettings(intent: i, to: setting).map(\.description).joined(separator: ", ")
                throw DataError(file: file, field: "intents.\(entry.intent)",
                                "no evaluated cell for \(setting); nearest evaluated settings: \(near)")
            }
            guard let c = optionIndex(intent: i, option: entry.option) else {
                throw DataError(file: file, field: "intents.\(entry.intent)",
                                "the route \(entry.option) is not among the data's routes; expected a route over two evaluated cells with a router that scores the intent")
            }
            choice[i] = c
        }
        if let missing = choice.firstIndex(of: -1) {
            throw DataError(file: file, field: "intents.\(intents[missing].name)",
                            "intent '\(intents[missing].name)' is missing; expected a setting for every intent of the data")
        }
        return choice
    }
}
