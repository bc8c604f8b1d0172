/// A 40-intent data set on which the front's cheap end avoids a big monthly fee: 6 models, two of
/// them fee-paying — `dedicated`, a dedicated deployment with a $7,000/month fee and no token price,
/// and `tuned`, a fine-tune with a $1,800/month fee and a low token price — and the benchmark
/// preset's 60 settings per model (360 per intent).
///
/// It exists to test the search, not the loader: every intent's cheapest cell by token cost is on
/// the zero-price dedicated model, so a search seeded from per-intent cheapest cells starts with
/// the $7,000 fee paid, while the cheapest configurations leave that model in every intent at once.
/// Volumes are lower than the benchmark preset's so that the fee-free models together cost less
/// than the dedicated fee at the cheap end.
public enum MultifeePreset {
    /// Golden samples per cell, as in the benchmark preset (720,000 rows).
    public static let defaultSamplesPerCell = BenchmarkPreset.defaultSamplesPerCell

    /// Number of intents.
    public static let intentCount = 40

    /// The dedicated deployment's monthly fee.
    public static let dedicatedFeeUSD = 7000.0

    /// The fine-tune's monthly fee.
    public static let tunedFeeUSD = 1800.0

    /// Four fee-free price tiers, a zero-price dedicated deployment and a low-price fine-tune.
    public static let models: [ModelProfile] = {
        let free = BenchmarkPreset.models.filter { $0.monthlyFixedUSD == 0 }
        return free + [
            ModelProfile(
                name: "dedicated", inputUSDPerMTok: 0, outputUSDPerMTok: 0, monthlyFixedUSD: dedicatedFeeUSD,
                latency: LatencyProfile(firstTokenMS: 140, msPerInputToken: 0.10, msPerOutputToken: 3.0,
                                        spread: 0.03, tailProbability: 0.04, tailMaxExcess: 0.25),
                verbosity: 1.0, difficultySensitivity: 0.95),
            ModelProfile(
                name: "tuned", inputUSDPerMTok: 0.15, outputUSDPerMTok: 0.60, monthlyFixedUSD: tunedFeeUSD,
                latency: LatencyProfile(firstTokenMS: 170, msPerInputToken: 0.07, msPerOutputToken: 2.4,
                                        spread: 0.03, tailProbability: 0.03, tailMaxExcess: 0.2),
                verbosity: 0.95, difficultySensitivity: 1.0),
        ]
    }()

    /// The multifee spec; intent profiles depend on `seed`.
    public static func spec(seed: UInt64 = ChatbotPreset.defaultSeed,
                            samplesPerCell: Int = defaultSamplesPerCell) -> DataSetSpec {
        var hasher = FNV1a64()
        hasher.combine(seed)
        hasher.combine("multifee-intents")
        var noise = NoiseSource(seed: hasher.value)
        let intents = (1...intentCount).map { index in
            drawIntent(index: index, noise: &noise)
        }
        return DataSetSpec(models: models, intents: intents, grid: BenchmarkPreset.grid,
                           samplesPerCell: samplesPerCell, seed: seed, evalsFileName: "0001-multifee.csv")
    }

    /// The benchmark preset's intent draw with lower volumes (700 to 20,000 a day) and the
    /// dedicated deployment between the medium and the large model.
    private static func drawIntent(index: Int, noise: inout NoiseSource) -> IntentProfile {
        BenchmarkPreset.drawIntent(index: index, noise: &noise, volumes: 700...20_000) { large, medium, small, uniform in
            ["dedicated": medium + uniform(0.1, 0.7) * (large - medium), "tuned": small + uniform(0, 0.6) * (large - small)]
        }
    }
}
