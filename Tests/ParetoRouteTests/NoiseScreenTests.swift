import NSGA2
@testable import ParetoRoute
import Testing

/// The screened noise list (``NoiseScreen/init(table:confidence:seed:)``) against the full
/// bootstrap of every cell (``CellTable/applyingConfidence(_:seed:)``).
@Suite struct NoiseScreenTests {
    /// Random cells near their floor and cap, with 1 to 80 samples, some of them skewed.
    static func table(seed: UInt64) -> CellTable {
        var rng = Xoshiro256StarStar(seed: seed)
        let model = Model(name: "m", inputUSDPerMTok: 1, outputUSDPerMTok: 1)
        let intent = Intent(name: "i\(seed)", dailyVolume: 100, responseCacheHitRate: 0, minQuality: 0.8, maxP99LatencyMs: 1000)
        var cells: [Cell] = []
        var samples: [CellSamples] = []
        for c in 0..<40 {
            let n = 1 + rng.nextInt(below: 80)
            let center = 0.7 + 0.2 * rng.nextDouble()
            let spread = 0.2 * rng.nextDouble()
            let qualities = (0..<n).map { _ in
                // Every fourth cell has a long lower tail.
                let q = c % 4 == 0 && rng.nextDouble() < 0.1 ? center - 0.5 * rng.nextDouble() : center + spread * (rng.nextDouble() - 0.5)
                return min(1, max(0, q))
            }
            let latencies = (0..<n).map { _ in 700 + 500 * rng.nextDouble() }.sorted()
            let mean = qualities.reduce(0, +) / Double(n)
            cells.append(Cell(setting: Setting(model: "m", maxTokens: 100 + c, temperature: 0, ragChunks: 0), modelIndex: 0,
                              sampleCount: n, quality: mean, qualityStandardError: 0.01, meanInputTokens: 10, meanOutputTokens: 10,
                              p99LatencyMs: percentile99(sorted: latencies), monthlyCostUSD: 1, sourceFile: "evals.csv"))
            samples.append(CellSamples(qualities: qualities, sortedLatencies: latencies))
        }
        var table = CellTable(models: [model], intents: [intent], cells: [cells])
        // CellTable sorts cells by setting; these settings are already in order.
        table.samples = [samples]
        return table
    }

    @Test(arguments: 0..<8 as Range<UInt64>)
    func theScreenListsExactlyTheCellsTheFullBootstrapLists(seed: UInt64) throws {
        let table = Self.table(seed: seed)
        for confidence in [0.9, 0.95] {
            let full = NoiseScreen(try table.applyingConfidence(confidence))
            let screened = try NoiseScreen(table: table, confidence: confidence)
            #expect(screened.entries == full.entries)
            #expect(screened.json.serialized() == full.json.serialized())
        }
    }

    @Test func meanIntervalIsTheFullIntervalsQualityPart() {
        var rng = Xoshiro256StarStar(seed: 3)
        let qualities = (0..<57).map { _ in rng.nextDouble() }
        let samples = CellSamples(qualities: qualities, sortedLatencies: qualities.map { $0 * 1000 }.sorted())
        let full = Bootstrap.interval(of: samples, confidence: 0.95, seed: 11)
        let bounds = Bootstrap.meanInterval(of: qualities, confidence: 0.95, seed: 11)
        #expect(bounds.lower == full.qualityLower)
        #expect(bounds.upper == full.qualityUpper)
    }

    @Test(arguments: 0..<30 as Range<UInt64>)
    func orderStatisticsAreTheSortedValues(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let count = 1 + rng.nextInt(below: 200)
        // Few distinct values, so ties are common.
        var values = (0..<count).map { _ in Double(rng.nextInt(below: 1 + Int(seed % 7) * 10)) }
        let sorted = values.sorted()
        let low = rng.nextInt(below: count), high = low + rng.nextInt(below: count - low)
        let found = Bootstrap.orderStatistics(&values, (low, high))
        #expect(found.lower == sorted[low])
        #expect(found.upper == sorted[high])
    }

    @Test func theScreenNeedsSamplesAndAConfidenceInRange() {
        var table = Self.table(seed: 1)
        #expect(throws: DataError.self) { try NoiseScreen(table: table, confidence: 1) }
        table.samples = nil
        #expect(throws: DataError.self) { try NoiseScreen(table: table, confidence: 0.95) }
    }
}
