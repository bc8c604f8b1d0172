/// One point of a front: a configuration with its objectives and per-intent figures.
///
/// A value independent of any loaded data, so a front read back from JSON can be
/// picked from and compared without the CSVs.
public struct FrontPoint: Sendable, Hashable {
    /// One intent's part of the point.
    public struct IntentFigures: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The chosen setting.
        public var setting: Setting
        /// The cell's monthly cost (without model fees).
        public var monthlyCostUSD: Double
        /// The cell's mean quality.
        public var quality: Double
        /// The cell's P99 latency.
        public var p99LatencyMs: Double
        /// Standard error of the cell's mean quality.
        public var qualityStandardError: Double = 0
        /// The intent's share of the total quality weight.
        public var weightShare: Double = 0
    }

    /// Total monthly cost including model fees.
    public var monthlyCostUSD: Double
    /// Weighted average quality.
    public var quality: Double
    /// Standard error of the weighted quality.
    public var qualityStandardError: Double = 0
    /// Model fees included in the cost.
    public var fixedFeesUSD: Double
    /// Whether the configuration met every constraint when the front was made.
    public var isFeasible: Bool
    /// Per intent, in the data's intent order.
    public var intents: [IntentFigures]

    /// Creates a point from its parts.
    public init(monthlyCostUSD: Double, quality: Double, fixedFeesUSD: Double, isFeasible: Bool, intents: [IntentFigures]) {
        self.monthlyCostUSD = monthlyCostUSD
        self.quality = quality
        self.fixedFeesUSD = fixedFeesUSD
        self.isFeasible = isFeasible
        self.intents = intents
    }

    /// The point of an evaluated configuration.
    public init(_ evaluation: ConfigurationEvaluation) {
        self.init(
            monthlyCostUSD: evaluation.monthlyCostUSD, quality: evaluation.quality,
            fixedFeesUSD: evaluation.fixedFeesUSD, isFeasible: evaluation.isFeasible,
            intents: evaluation.perIntent.map {
                IntentFigures(intent: $0.intent, setting: $0.setting, monthlyCostUSD: $0.monthlyCostUSD,
                              quality: $0.quality, p99LatencyMs: $0.p99LatencyMs, qualityStandardError: $0.qualityStandardError,
                              weightShare: $0.weightShare)
            })
        qualityStandardError = evaluation.qualityStandardError
    }

    /// The points of `evaluations`, in order, emptying `evaluations` as it goes.
    ///
    /// A front of 10⁵ points holds millions of per-intent figures; releasing each
    /// evaluation as its point is built lets the allocator reuse the memory instead of
    /// holding both copies at once.
    public static func points(consuming evaluations: inout [ConfigurationEvaluation]) -> [FrontPoint] {
        var points: [FrontPoint] = []
        points.reserveCapacity(evaluations.count)
        while let evaluation = evaluations.popLast() { points.append(FrontPoint(evaluation)) }
        points.reverse()
        return points
    }

    /// The point's configuration (the unit a point is identified by).
    public var configuration: Configuration {
        Configuration(entries: intents.map { ($0.intent, $0.setting) })
    }

    /// Standard error of this point's quality minus `other`'s: only intents whose
    /// settings differ contribute (shared cells cancel), each with both cells' variances.
    public func qualityDifferenceStandardError(to other: FrontPoint) -> Double {
        var variance = 0.0
        for mine in intents {
            let theirs = other.intents.first { $0.intent == mine.intent }
            guard theirs?.setting != mine.setting else { continue }
            let share = mine.weightShare
            let se2 = mine.qualityStandardError * mine.qualityStandardError
                + (theirs?.qualityStandardError ?? 0) * (theirs?.qualityStandardError ?? 0)
            variance += share * share * se2
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
