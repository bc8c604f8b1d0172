import ParetoRouteSynth
import Testing

@Suite struct MultifeePresetTests {
    @Test func hasTheAdvertisedShape() throws {
        let spec = Preset.multifee.spec(samplesPerCell: 2)
        #expect(spec.intents.count == 40)
        #expect(spec.models.map(\.name) == ["large", "medium", "small", "tiny", "dedicated", "tuned"])
        #expect(spec.grid == Preset.benchmark.spec(samplesPerCell: 2).grid)
        let fees = spec.models.filter { $0.monthlyFixedUSD > 0 }
        #expect(fees.map(\.monthlyFixedUSD) == [7000, 1800])
        // The dedicated deployment charges no token price: every intent's cheapest cell by token cost.
        #expect(fees[0].inputUSDPerMTok == 0 && fees[0].outputUSDPerMTok == 0)
        // The fine-tune's token price is below every fee-free model's but the tiny one's.
        #expect(fees[1].outputUSDPerMTok > 0 && fees[1].outputUSDPerMTok < 1.25)
        #expect(Preset.multifee.defaultSamplesPerCell == 50)
        let cells = CellFigures.table(try DataSetGenerator(spec: spec).evalsCSV())
        #expect(cells.count == 40 * 360)
    }

    @Test func differsFromTheBenchmarkAndFollowsTheSeed() {
        let first = Preset.multifee.spec(seed: 1)
        #expect(first.intents.map(\.dailyVolume) != Preset.multifee.spec(seed: 2).intents.map(\.dailyVolume))
        #expect(first.intents.map(\.dailyVolume) != Preset.benchmark.spec(seed: 1).intents.map(\.dailyVolume))
        for intent in first.intents {
            #expect((700...20_000).contains(intent.dailyVolume))
            let dedicated = intent.modelQuality["dedicated"] ?? 0
            #expect(dedicated > (intent.modelQuality["medium"] ?? 1) && dedicated < (intent.modelQuality["large"] ?? 0))
        }
    }
}
