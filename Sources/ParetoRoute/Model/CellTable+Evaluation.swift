extension CellTable {
    /// The objectives of a choice of one cell per intent, summed in a fixed order.
    ///
    /// Costs add in intent order, then fees in model order; quality adds `w·q` in intent
    /// order and divides once. The exact solver and the search use the same order, so
    /// the same configuration gets bit-identical figures everywhere.
    public func objectives(of choice: [Int]) -> (monthlyCostUSD: Double, quality: Double, fixedFeesUSD: Double) {
        var cost = 0.0
        var weighted = 0.0
        var used = [Bool](repeating: false, count: models.count)
        for (i, c) in choice.enumerated() {
            let cell = cells[i][c]
            cost += cell.monthlyCostUSD
            weighted += intents[i].qualityWeight * cell.quality
            used[cell.modelIndex] = true
        }
        var fees = 0.0
        for (m, model) in models.enumerated() where used[m] {
            fees += model.monthlyFixedUSD
        }
        return (cost + fees, weighted / totalWeight, fees)
    }

    /// Evaluates a choice of one cell per intent, with its per-intent breakdown.
    public func evaluate(_ choice: [Int], constraints: GlobalConstraints = GlobalConstraints()) -> ConfigurationEvaluation {
        let score = score(choice, constraints: constraints)
        let perIntent = choice.enumerated().map { i, c in
            let cell = cells[i][c]
            let prices = models[cell.modelIndex].prices
            let uncached = PriceCard(input: prices.input, output: prices.output)
            return IntentEvaluation(
                intent: intents[i].name, cellIndex: c, setting: cell.setting, monthlyCostUSD: cell.monthlyCostUSD,
                quality: cell.quality, p99LatencyMs: cell.p99LatencyMs, qualityStandardError: cell.knownQualityStandardError,
                weightShare: intents[i].qualityWeight / totalWeight, minQuality: intents[i].minQuality,
                maxP99LatencyMs: intents[i].maxP99LatencyMs, violation: violation(intent: i, cell: c),
                monthlyCostParts: cell.monthlyCostParts(intent: intents[i], prices: prices),
                monthlyCostWithoutPromptCacheUSD: Cell.monthlyCost(intent: intents[i], prices: uncached, meanTokens: cell.meanTokens),
                isEstimated: isEstimated(intent: i, cell: c))
        }
        return ConfigurationEvaluation(
            choice: choice, monthlyCostUSD: score.monthlyCostUSD, fixedFeesUSD: score.fixedFeesUSD, quality: score.quality,
            qualityStandardError: score.qualityStandardError, perIntent: perIntent,
            globalFailures: constraints.failures(monthlyCostUSD: score.monthlyCostUSD, quality: score.quality))
    }

    /// The configuration of a choice, in intent order.
    public func configuration(of choice: [Int]) -> Configuration {
        Configuration(entries: choice.enumerated().map { (intents[$0.offset].name, cells[$0.offset][$0.element].setting) })
    }

    /// The cell index per intent of `configuration`.
    ///
    /// Every intent must appear exactly once; an unknown intent, a missing one, or a
    /// setting with no evaluated cell is an error naming the nearest evaluated settings.
    /// - Throws: ``DataError`` naming `file` and the intent: an unknown or missing intent, a setting without a cell.
    public func choice(of configuration: Configuration, file: String) throws -> [Int] {
        var choice = [Int](repeating: -1, count: intents.count)
        for entry in configuration.entries {
            guard let i = intentIndex(named: entry.intent) else {
                throw DataError(file: file, field: "intents.\(entry.intent)",
                                "intent '\(entry.intent)' is not in the data; expected one of \(intents.map(\.name).joined(separator: ", "))")
            }
            guard let c = cellIndex(intent: i, setting: entry.setting) else {
                let near = nearestSettings(intent: i, to: entry.setting).map(\.description).joined(separator: ", ")
                throw DataError(file: file, field: "intents.\(entry.intent)",
                                "no evaluated cell for \(entry.setting); nearest evaluated settings: \(near)")
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
