extension NoiseScreen {
    /// How far, in standard deviations of the bootstrap distribution of the mean, a cell's mean
    /// quality must lie from its floor for the quality verdict to count as clear (with at least
    /// ``clearQualityMinimumSamples`` samples).
    ///
    /// The interval's bounds are the 26th smallest and 26th largest of 1,000 resample means,
    /// about 1.96 deviations from the mean. To straddle a floor four deviations away, 26 of the
    /// 1,000 resamples would have to land four deviations out on one side, where a mean of 20 or
    /// more samples lands about 3 times in 100,000 (a hundred times that for a badly skewed
    /// sample still expects 3, not 26). The screen is checked against the full bootstrap on the
    /// default data, the benchmark and the multifee data (identical output).
    public static let clearQualityDeviations = 4.0

    /// Below this many samples only the range test clears a cell's quality verdict: the
    /// resample mean of a few samples is far from normal.
    public static let clearQualityMinimumSamples = 20

    /// Screens `table`, which must hold the samples (load with `keepingSamples: true`), at
    /// `confidence`: the same entries as ``init(_:)`` of `table.applyingConfidence(confidence, seed:)`,
    /// but a cell is bootstrapped only when its verdict may rest on noise.
    ///
    /// A cell's P99 interval cannot reach its cap when the cap lies outside the range of its
    /// latencies (every resample's P99 lies in it), nor its quality interval the floor when the
    /// floor lies outside the range of its qualities; a floor more than
    /// ``clearQualityDeviations`` deviations from the mean counts as clear too. The quality
    /// interval alone (no P99 bookkeeping) decides a cell whose P99 is clear. Intents run in
    /// parallel; every cell has its own seeded generator, so the result does not depend on the schedule.
    /// - Complexity: O(resamples × samples) per cell that is not clear.
    /// - Throws: ``RequestError`` on ``RequestError/Option/confidence``: out of (0, 1), or the table has no samples.
    public init(table: CellTable, confidence: Double, seed: UInt64 = 1) throws {
        try ConfidenceLevel.check(confidence)
        guard let samples = table.samples else {
            throw ConfidenceLevel.samplesMissing
        }
        let perIntent = parallelMap(count: table.intents.count) { i -> [Entry] in
            let intent = table.intents[i]
            var entries: [Entry] = []
            for (c, cell) in table.cells[i].enumerated() {
                let cellSamples = samples[i][c]
                let p99MayStraddle = NoiseScreen.p99MayStraddle(cellSamples, cap: intent.maxP99LatencyMs)
                let quality = NoiseScreen.qualityDistance(cellSamples, floor: intent.minQuality)
                guard p99MayStraddle || quality < NoiseScreen.clearQualityDeviations else { continue }
                let cellSeed = Bootstrap.seed(intent: intent.name, setting: cell.setting, runSeed: seed)
                // A floor within two deviations is likely straddled: then the full interval is
                // needed anyway, and the quality bounds alone would be drawn twice.
                if !p99MayStraddle && quality > 2 {
                    let bounds = Bootstrap.meanInterval(of: cellSamples.qualities, confidence: confidence, seed: cellSeed)
                    guard bounds.lower < intent.minQuality, bounds.upper >= intent.minQuality else { continue }
                }
                let interval = Bootstrap.interval(of: cellSamples, confidence: confidence, seed: cellSeed)
                if let entry = Entry(intent: intent, cell: cell, interval: interval) { entries.append(entry) }
            }
            return entries
        }
        self.init(confidence: confidence, entries: perIntent.flatMap { $0 })
    }

    /// Whether some resample's P99 may lie on either side of `cap`: every resample's P99 lies
    /// between the smallest and the largest latency.
    static func p99MayStraddle(_ samples: CellSamples, cap: Double) -> Bool {
        guard let low = samples.sortedLatencies.first, let high = samples.sortedLatencies.last else { return false }
        return low <= cap && cap < high
    }

    /// How many deviations of the bootstrap distribution of the mean lie between the mean quality
    /// and `floor`: infinite when the floor lies outside the qualities' range (widened by a
    /// rounding margin), since no resample mean leaves it; 0 below
    /// ``clearQualityMinimumSamples`` samples within the range, and for a single sample, whose
    /// interval is unbounded.
    static func qualityDistance(_ samples: CellSamples, floor: Double) -> Double {
        let qualities = samples.qualities
        // Too few samples for a spread: the interval is unbounded (see Bootstrap).
        guard qualities.count >= Cell.minimumSamplesForStandardError else { return qualities.isEmpty ? .infinity : 0 }
        guard let low = qualities.min(), let high = qualities.max() else { return .infinity }
        let margin = 1e-9 * max(1, abs(floor))
        guard floor > low - margin, floor <= high + margin else { return .infinity }
        guard qualities.count >= clearQualityMinimumSamples else { return 0 }
        let n = Double(qualities.count)
        let mean = qualities.reduce(0, +) / n
        let variance = qualities.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let deviation = (variance / n).squareRoot()
        let distance = max(0, abs(mean - floor) - margin)
        guard deviation > 0 else { return distance > 0 ? .infinity : 0 }
        return distance / deviation
    }
}
