/// The design doc's A8 questions about one routed intent: how much goes to `high`, what the
/// route gives against each of its cells alone, what a perfect router would reach, and how
/// often this one sends a request to `low` that `low` answers below the bar.
///
/// The bar is the intent's quality floor, judged per sample: a sample's answer "meets the bar"
/// when its quality is at least the floor.
public struct RouteAnalysis: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The route.
    public var route: Route
    /// The share of traffic sent to `high`.
    public var highShare: Double
    /// The route's monthly cost without fees, quality (as the search uses it) and measured quality.
    public var monthlyCostUSD: Double
    /// The quality the search and reports use.
    public var quality: Double
    /// The quality as measured on the golden samples.
    public var measuredQuality: Double
    /// `low` alone: monthly cost and quality.
    public var low: (monthlyCostUSD: Double, quality: Double)
    /// `high` alone: monthly cost and quality.
    public var high: (monthlyCostUSD: Double, quality: Double)
    /// The per-sample bar (the intent's floor).
    public var bar: Double
    /// The oracle route: every sample to the cheaper cell unless only the dearer one meets the
    /// bar — the headroom a better router could reach.
    public var oracle: (monthlyCostUSD: Double, quality: Double, highShare: Double)
    /// The share of samples sent to `low` whose `low` answer is below the bar while `high`'s
    /// meets it (A8's routing errors: a stronger answer was there).
    public var routingErrorRate: Double

    /// Compares field by field.
    public static func == (lhs: RouteAnalysis, rhs: RouteAnalysis) -> Bool {
        lhs.intent == rhs.intent && lhs.route == rhs.route && lhs.highShare == rhs.highShare
            && lhs.monthlyCostUSD == rhs.monthlyCostUSD && lhs.quality == rhs.quality && lhs.measuredQuality == rhs.measuredQuality
            && lhs.low == rhs.low && lhs.high == rhs.high && lhs.bar == rhs.bar && lhs.oracle == rhs.oracle
            && lhs.routingErrorRate == rhs.routingErrorRate
    }

    /// Hashes the route and its figures.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(intent)
        hasher.combine(route)
        hasher.combine(monthlyCostUSD)
        hasher.combine(quality)
    }

    /// The analysis of option `index` of intent `i`, or nil when it is a cell (or the table has
    /// no sample ids).
    ///
    /// For a share route the samples sent to `low` are a random share: its error rate is the
    /// expected one, (1 − s) × the rate over all samples.
    public static func of(_ table: CellTable, intent i: Int, option index: Int) -> RouteAnalysis? {
        guard let routeCell = table.routeCell(intent: i, index: index), let samples = table.samples else { return nil }
        let lowSamples = samples[i][routeCell.low], highSamples = samples[i][routeCell.high]
        let pairs = RouteBuilder.aligned(lowSamples, highSamples, scores: nil)
        guard !pairs.isEmpty else { return nil }
        let intent = table.intents[i]
        let lowCell = table.cells[i][routeCell.low], highCell = table.cells[i][routeCell.high]
        let lowPrices = table.models[lowCell.modelIndex].prices, highPrices = table.models[highCell.modelIndex].prices
        let bar = intent.minQuality
        let lowIsCheaper = lowCell.monthlyCostUSD <= highCell.monthlyCostUSD
        var oracleQuality = 0.0, oracleCost = 0.0, oracleHigh = 0
        var errors = 0
        let threshold: (router: Int, value: Double)?
        if case .threshold(_, let t) = routeCell.route.rule, let r = routeCell.router { threshold = (r, t) } else { threshold = nil }
        for pair in pairs {
            let ql = lowSamples.qualities[pair.low], qh = highSamples.qualities[pair.high]
            let cheapMeets = lowIsCheaper ? ql >= bar : qh >= bar
            let dearMeets = lowIsCheaper ? qh >= bar : ql >= bar
            let toDear = !cheapMeets && dearMeets
            let takesHigh = lowIsCheaper == toDear
            if takesHigh {
                oracleHigh += 1
                oracleQuality += qh
                oracleCost += highPrices.cost(of: highSamples.tokens(at: pair.high).applyingReadShare(intent.promptCacheReadShare))
            } else {
                oracleQuality += ql
                oracleCost += lowPrices.cost(of: lowSamples.tokens(at: pair.low).applyingReadShare(intent.promptCacheReadShare))
            }
            let isError = ql < bar && qh >= bar
            if let threshold {
                let score = table.routerScores.scores[i][threshold.router]?[lowSamples.sampleIDs[pair.low]]
                if let score, score < threshold.value, isError { errors += 1 }
            } else if isError {
                errors += 1
            }
        }
        let n = Double(pairs.count)
        let errorRate = threshold == nil ? (1 - routeCell.highShare) * Double(errors) / n : Double(errors) / n
        return RouteAnalysis(
            intent: intent.name, route: routeCell.route, highShare: routeCell.highShare, monthlyCostUSD: routeCell.monthlyCostUSD,
            quality: routeCell.quality, measuredQuality: routeCell.measuredQuality,
            low: (lowCell.monthlyCostUSD, lowCell.quality), high: (highCell.monthlyCostUSD, highCell.quality), bar: bar,
            oracle: (intent.monthlyCalls * oracleCost / n, oracleQuality / n, Double(oracleHigh) / n),
            routingErrorRate: errorRate)
    }

    /// Two lines for people: the route against its cells, then the oracle and the errors.
    public var text: String {
        func figures(_ cost: Double, _ quality: Double) -> String { "\(formatUSD(cost))/month, quality \(formatQuality(quality))" }
        return """
        \(intent): \(route) sends \(formatPercent(highShare)) to high: \(figures(monthlyCostUSD, quality))\(quality != measuredQuality ? " (measured \(formatQuality(measuredQuality)))" : ""); low alone \(figures(low.monthlyCostUSD, low.quality)), high alone \(figures(high.monthlyCostUSD, high.quality))
          oracle (each sample to the cheaper cell unless only the dearer meets the floor \(formatQuality(bar))): \(figures(oracle.monthlyCostUSD, oracle.quality)), \(formatPercent(oracle.highShare)) to high; routing errors (sent to low, below the floor where high meets it): \(formatPercent(routingErrorRate)) of requests
        """
    }

    /// The analysis as one JSON object.
    public var json: JSONValue {
        .object([
            ("intent", .string(intent)), ("route", Configuration.json(of: .route(route))["route"] ?? .null),
            ("high_share", .number(highShare)), ("monthly_cost_usd", .number(monthlyCostUSD)), ("quality", .number(quality)),
            ("measured_quality", .number(measuredQuality)),
            ("low_alone", .object([("monthly_cost_usd", .number(low.monthlyCostUSD)), ("quality", .number(low.quality))])),
            ("high_alone", .object([("monthly_cost_usd", .number(high.monthlyCostUSD)), ("quality", .number(high.quality))])),
            ("bar", .number(bar)),
            ("oracle", .object([("monthly_cost_usd", .number(oracle.monthlyCostUSD)), ("quality", .number(oracle.quality)),
                                ("high_share", .number(oracle.highShare))])),
            ("routing_error_rate", .number(routingErrorRate)),
        ])
    }
}
