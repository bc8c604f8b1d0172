import ParetoRouteSynth
import Testing

@Suite struct BenchmarkPresetTests {
    @Test func hasTheAdvertisedSize() throws {
        let spec = Preset.benchmark.spec(samplesPerCell: 2)
        #expect(spec.intents.count == 40)
        #expect(spec.intents.first?.name == "intent_01")
        #expect(spec.intents.last?.name == "intent_40")
        #expect(spec.models.count == 6)
        #expect(spec.models.filter { $0.monthlyFixedUSD > 0 }.count == 2)
        #expect(spec.models.count * spec.grid.count == 360)
        #expect(Preset.benchmark.defaultSamplesPerCell == 50)
        let cells = CellFigures.table(try DataSetGenerator(spec: spec).evalsCSV())
        #expect(cells.count == 40 * 360)
        #expect(cells.values.allSatisfy { $0.samples == 2 })
    }

    @Test func intentsVaryWithTheSeedAndStayWithinTheirRanges() {
        let first = Preset.benchmark.spec(seed: 1)
        let second = Preset.benchmark.spec(seed: 2)
        #expect(first.intents.map(\.dailyVolume) != second.intents.map(\.dailyVolume))
        for intent in first.intents {
            #expect((1000...100_000).contains(intent.dailyVolume))
            #expect((0...0.4).contains(intent.responseCacheHitRate))
            #expect([3000, 4000, 5000, 6000].contains(intent.maxP99LatencyMS))
            // The large model's expected best is at least 0.03 above the floor.
            let best = (intent.modelQuality["large"] ?? 0) + ([0, 2, 5].map(intent.retrievalEffect(chunks:)).max() ?? 0)
            #expect(intent.minQuality <= best - 0.02)
        }
        #expect(first.intents.contains { $0.qualityWeight != nil })
    }
}
