import ParetoRouteSynth
import Testing

@Suite struct SpecValidationTests {
    private func rejects(_ change: (inout DataSetSpec) -> Void, mentioning text: String) {
        var spec = Preset.small.spec()
        change(&spec)
        #expect {
            try spec.validate()
        } throws: { error in
            guard let error = error as? SynthError, case .invalidSpec(let message) = error else { return false }
            return message.contains(text) && error.exitCode == 65
        }
    }

    @Test func presetsAreValid() throws {
        for preset in Preset.allCases {
            try preset.spec(samplesPerCell: 1).validate()
        }
    }

    @Test func inconsistentSpecsAreRejectedWithTheReason() {
        rejects({ $0.samplesPerCell = 0 }, mentioning: "samples per cell")
        rejects({ $0.intents[0].modelQuality["sonnet"] = nil }, mentioning: "no expected quality for model sonnet")
        rejects({ $0.models[1].name = $0.models[0].name }, mentioning: "model names must be unique")
        rejects({ $0.intents[0].responseCacheHitRate = 1 }, mentioning: "cache_hit_rate")
        rejects({ $0.grid.temperatures = [0.1, 0.1001] }, mentioning: "distinct")
        rejects({ $0.grid.maxTokens = [] }, mentioning: "non-empty")
        rejects({ $0.evalsFileName = "evals.txt" }, mentioning: "*.csv")
        rejects({ $0.models[0].inputUSDPerMTok = -1 }, mentioning: "model sonnet")
        rejects({ $0.models[1].monthlyFixedUSD = 1e30 }, mentioning: "model haiku")
        rejects({ $0.intents[1].maxP99LatencyMS = .infinity }, mentioning: "max_p99_latency_ms")
        rejects({ spec in
            for index in spec.intents.indices { spec.intents[index].qualityWeight = 0 }
        }, mentioning: "must not all be 0")
    }
}
