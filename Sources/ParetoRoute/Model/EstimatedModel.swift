/// A model with prices but no evals yet, its cells estimated from a reference model's.
///
/// Teams hear of a model before they can evaluate it: the design doc's A12 gives
/// `"estimated_quality_vs_sonnet": 0.92`. Each of the reference model's cells gets a twin
/// with the same tokens, latencies and sample count, its quality (every sample's score and
/// the mean) times the ratio and clipped to [0, 1], priced at the new model's prices. The
/// twins are marked estimated wherever a cell is shown.
public struct EstimatedModel: Sendable, Hashable {
    /// The new model's name; it must not be in the data.
    public var name: String
    /// The evaluated model whose cells are copied.
    public var reference: String
    /// The new model's quality over the reference model's (0.92: 8 % worse), > 0.
    public var qualityRatio: Double
    /// The new model's prices (cache prices left out bill cached input at the input price).
    public var prices: PriceCard

    /// Creates an estimated model.
    public init(name: String, reference: String, qualityRatio: Double, prices: PriceCard) {
        self.name = name
        self.reference = reference
        self.qualityRatio = qualityRatio
        self.prices = prices
    }

    /// Parses `NAME=REF:RATIO:IN/OUT` (`haiku4=sonnet:0.92:0.40/2.00`; `IN/OUT/READ/WRITE` adds
    /// cache prices), the spelling of `--new-model`.
    /// - Throws: ``RequestError`` on ``RequestError/Option/newModels`` saying what was expected.
    public init(spelling text: String) throws(RequestError) {
        let expected = "'\(text)' must be NAME=REFERENCE:RATIO:IN/OUT (e.g. haiku4=sonnet:0.92:0.40/2.00), a ratio > 0 and prices >= 0 (USD per million tokens)"
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { throw RequestError([.newModels], expected) }
        let parts = text[text.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty,
              let ratio = try? DecimalNumber.parseDouble(Array(parts[1].utf8)).get(),
              let prices = PriceCard(spelling: String(parts[2])) else { throw RequestError([.newModels], expected) }
        self.init(name: String(text[..<equals]), reference: String(parts[0]), qualityRatio: ratio, prices: prices)
        try validate()
    }

    /// `NAME=REF:RATIO:IN/OUT`, as parsed by ``init(spelling:)``.
    public var spelling: String {
        "\(name)=\(reference):\(formatNumber(qualityRatio)):\(prices.description)"
    }

    /// A short phrase for reports: `haiku4 (estimated: sonnet × 0.92, 0.4/2)`.
    public var summary: String {
        "\(name) (estimated: \(reference) × \(formatNumber(qualityRatio)), \(prices.description))"
    }

    /// Checks the ratio (finite, > 0, at most 10) and the prices (finite, >= 0).
    /// - Throws: ``RequestError`` on ``RequestError/Option/newModels``.
    public func validate() throws(RequestError) {
        guard !name.isEmpty, !reference.isEmpty else {
            throw RequestError([.newModels], "a new model needs a name and a reference model")
        }
        guard qualityRatio > 0, qualityRatio <= 10, qualityRatio.isFinite else {
            throw RequestError([.newModels], "\(name): \(formatNumber(qualityRatio)) is not a quality ratio; expected a number in (0, 10]")
        }
        guard [prices.input, prices.output, prices.cacheRead, prices.cacheWrite].allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw RequestError([.newModels], "\(name): \(prices) is not a price; expected USD per million tokens >= 0")
        }
    }

    /// The model's estimated quality for a reference quality `quality`: × ratio, clipped to [0, 1].
    public func estimatedQuality(_ quality: Double) -> Double {
        min(1, max(0, quality * qualityRatio))
    }
}

extension CellTable {
    /// The table with `model` added: a model row marked estimated and, per intent, a twin of
    /// every cell of the reference model, appended after the intent's cells (existing cell
    /// indices keep their meaning).
    ///
    /// Samples are copied too (scores × ratio, clipped), so projections and bootstraps see the
    /// twin; intervals, when the table has them, are recomputed by the caller's confidence step.
    /// - Throws: ``RequestError`` on ``RequestError/Option/newModels`` when the name is already
    ///   a model or the reference is not one (naming the data's models).
    public func adding(_ model: EstimatedModel) throws(RequestError) -> CellTable {
        try model.validate()
        let known = models.map(\.name).joined(separator: ", ")
        guard modelIndex(named: model.name) == nil else {
            throw RequestError([.newModels], "'\(model.name)' is already a model of the data; expected a new name (the data's models: \(known))")
        }
        guard let reference = modelIndex(named: model.reference) else {
            throw RequestError([.newModels], "'\(model.reference)' (the reference of \(model.name)) is not in the data; expected one of \(known)")
        }
        var copy = self
        let index = models.count
        copy.models.append(Model(name: model.name, prices: model.prices, estimate: model))
        for i in cells.indices {
            for (c, cell) in cells[i].enumerated() where cell.modelIndex == reference {
                var twin = cell
                twin.setting.model = model.name
                twin.modelIndex = index
                twin.quality = model.estimatedQuality(cell.quality)
                twin.qualityStandardError = min(1, cell.qualityStandardError * model.qualityRatio)
                twin.monthlyCostUSD = Cell.monthlyCost(intent: intents[i], prices: model.prices, meanTokens: cell.meanTokens)
                copy.cells[i].append(twin)
                if var samples = copy.samples?[i][c] {
                    samples.qualities = samples.qualities.map(model.estimatedQuality)
                    copy.samples?[i].append(samples)
                }
                if copy.intervals != nil, let interval = intervals?[i][c] { copy.intervals?[i].append(interval) }
            }
        }
        return copy
    }

    /// Whether option `cell` of intent `intent` is an estimated cell (its model has no evals
    /// yet); false for a route.
    public func isEstimated(intent: Int, cell: Int) -> Bool {
        cells[intent].indices.contains(cell) && models[cells[intent][cell].modelIndex].estimate != nil
    }
}
