/// One point of a front: a configuration's objectives and, per intent, which of the
/// front's cells it uses.
///
/// A value independent of any loaded data, so a front read back from a file can be
/// picked from and compared without the CSVs. The per-intent breakdown (``intents``)
/// is built on demand from the shared ``FrontCatalog``.
public struct FrontPoint: Sendable, Hashable {
    /// One intent's part of the point, for printing and comparing.
    public struct IntentFigures: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The chosen setting or route.
        public var option: IntentOption
        /// The cell's monthly cost (without model fees).
        public var monthlyCostUSD: Double
        /// The cell's mean quality.
        public var quality: Double
        /// The cell's P99 latency.
        public var p99LatencyMs: Double
        /// Standard error of the cell's mean quality (nil under 2 samples).
        public var qualityStandardError: Double? = 0
        /// The intent's share of the total quality weight.
        public var weightShare: Double = 0
        /// The intent's constraints the cell breaks.
        public var violations: CellViolation = []
    }

    /// Total monthly cost including model fees.
    public var monthlyCostUSD: Double
    /// Weighted average quality.
    public var quality: Double
    /// Standard error of the weighted quality; nil when a cell it uses has fewer than 2 samples.
    public var qualityStandardError: Double?
    /// Model fees included in the cost.
    public var fixedFeesUSD: Double
    /// Whether the configuration met every constraint when the front was made.
    public var isFeasible: Bool
    /// Per intent, the index of its cell in ``catalog``'s cells of that intent.
    public var cells: [Int32]
    /// The intents and cells the indices refer to (shared by a front's points).
    public let catalog: FrontCatalog

    /// Creates a point from its objectives and cell indices into `catalog`.
    public init(monthlyCostUSD: Double, quality: Double, qualityStandardError: Double?, fixedFeesUSD: Double,
                isFeasible: Bool, cells: [Int32], catalog: FrontCatalog) {
        self.monthlyCostUSD = monthlyCostUSD
        self.quality = quality
        self.qualityStandardError = qualityStandardError
        self.fixedFeesUSD = fixedFeesUSD
        self.isFeasible = isFeasible
        self.cells = cells
        self.catalog = catalog
    }

    /// A point made by hand from its per-intent figures, with a catalog of its own cells
    /// (the intents' floors, caps and weights unknown: NaN). ``Front/init(method:dataFingerprint:settings:statistics:points:)``
    /// gathers such points into one catalog.
    public init(monthlyCostUSD: Double, quality: Double, fixedFeesUSD: Double, isFeasible: Bool, intents: [IntentFigures],
                qualityStandardError: Double? = 0) {
        let catalog = FrontCatalog(
            intents: intents.map { FrontIntent(name: $0.intent, minQuality: .nan, maxP99LatencyMs: .nan, weight: .nan) },
            cells: intents.map {
                [FrontCell(option: $0.option, monthlyCostUSD: $0.monthlyCostUSD, quality: $0.quality,
                           qualityStandardError: $0.qualityStandardError, p99LatencyMs: $0.p99LatencyMs,
                           weightShare: $0.weightShare, violations: $0.violations)]
            })
        self.init(monthlyCostUSD: monthlyCostUSD, quality: quality, qualityStandardError: qualityStandardError,
                  fixedFeesUSD: fixedFeesUSD, isFeasible: isFeasible, cells: [Int32](repeating: 0, count: intents.count),
                  catalog: catalog)
    }

    /// The point of one evaluated configuration, with a catalog of its own cells.
    public init(_ evaluation: ConfigurationEvaluation) {
        let catalog = FrontCatalog(
            intents: evaluation.perIntent.map {
                FrontIntent(name: $0.intent, minQuality: $0.minQuality, maxP99LatencyMs: $0.maxP99LatencyMs, weight: $0.weightShare)
            },
            cells: evaluation.perIntent.map {
                [FrontCell(option: $0.option, monthlyCostUSD: $0.monthlyCostUSD, quality: $0.quality,
                           qualityStandardError: $0.qualityStandardError, p99LatencyMs: $0.p99LatencyMs,
                           weightShare: $0.weightShare, violations: $0.violation)]
            })
        self.init(monthlyCostUSD: evaluation.monthlyCostUSD, quality: evaluation.quality,
                  qualityStandardError: evaluation.qualityStandardError, fixedFeesUSD: evaluation.fixedFeesUSD,
                  isFeasible: evaluation.isFeasible, cells: [Int32](repeating: 0, count: evaluation.perIntent.count),
                  catalog: catalog)
    }

    /// The cell chosen for intent `i`.
    public func cell(_ i: Int) -> FrontCell {
        catalog.cells[i][Int(cells[i])]
    }

    /// The per-intent breakdown, in the front's intent order (built on each call).
    ///
    /// - Complexity: O(intents).
    public var intents: [IntentFigures] {
        catalog.intents.indices.map { i in
            let cell = cell(i)
            return IntentFigures(intent: catalog.intents[i].name, option: cell.option, monthlyCostUSD: cell.monthlyCostUSD,
                                 quality: cell.quality, p99LatencyMs: cell.p99LatencyMs,
                                 qualityStandardError: cell.qualityStandardError, weightShare: cell.weightShare,
                                 violations: cell.violations)
        }
    }

    /// The point's configuration (the unit a point is identified by).
    public var configuration: Configuration {
        Configuration(entries: catalog.intents.indices.map { (catalog.intents[$0].name, cell($0).option) })
    }

    /// The point's objectives.
    public var objectives: (cost: Double, quality: Double) {
        (monthlyCostUSD, quality)
    }

    /// Equal objectives and the same figures intent by intent (catalogs may differ).
    public static func == (lhs: FrontPoint, rhs: FrontPoint) -> Bool {
        lhs.monthlyCostUSD == rhs.monthlyCostUSD && lhs.quality == rhs.quality
            && lhs.qualityStandardError == rhs.qualityStandardError && lhs.fixedFeesUSD == rhs.fixedFeesUSD
            && lhs.isFeasible == rhs.isFeasible && lhs.intents == rhs.intents
    }

    /// Hashes the objectives and the configuration.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(monthlyCostUSD)
        hasher.combine(quality)
        hasher.combine(configuration)
    }

    /// Standard error of this point's quality minus `other`'s: only intents whose
    /// settings differ contribute (shared cells cancel), each with both cells' variances.
    /// Infinite when a differing cell has no standard error (fewer than 2 samples): no
    /// difference can then be told from noise.
    public func qualityDifferenceStandardError(to other: FrontPoint) -> Double {
        var variance = 0.0
        let theirIntents = other.catalog.intents
        for (i, intent) in catalog.intents.enumerated() {
            let mine = cell(i)
            // Fronts of one data set list their intents in the same order: look there first.
            let j = i < theirIntents.count && theirIntents[i].name == intent.name
                ? i : theirIntents.indices.first { theirIntents[$0].name == intent.name }
            let theirs = j.map { other.cell($0) }
            guard theirs?.option != mine.option else { continue }
            guard let se = mine.qualityStandardError else { return .infinity }
            let theirSE: Double
            if let theirs {
                guard let known = theirs.qualityStandardError else { return .infinity }
                theirSE = known
            } else {
                theirSE = 0
            }
            let se2 = se * se + theirSE * theirSE
            variance += mine.weightShare * mine.weightShare * se2
        }
        return variance.squareRoot()
    }

    /// True when this point is at least as good in both objectives and better in one.
    public func dominates(_ other: FrontPoint) -> Bool {
        dominates(cost: other.monthlyCostUSD, quality: other.quality)
    }

    /// True when this point dominates the objectives (`cost`, `quality`).
    public func dominates(cost: Double, quality: Double) -> Bool {
        monthlyCostUSD <= cost && self.quality >= quality && (monthlyCostUSD < cost || self.quality > quality)
    }
}
