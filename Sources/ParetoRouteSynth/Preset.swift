/// The named data sets the tool can write.
public enum Preset: String, Sendable, CaseIterable {
    /// The committed GoldenData: the design doc's chatbot, 10 intents × 3 models × 36 settings.
    case golden = "default"
    /// A large synthetic set for timings: 40 intents × 6 models × 60 settings.
    case benchmark
    /// A 40-intent set with two fee-paying models whose cheap end avoids the big fee.
    case multifee
    /// A few hundred rows for fast tests: 3 intents × 2 models × 8 settings.
    case small

    /// The preset's default samples per cell.
    public var defaultSamplesPerCell: Int {
        switch self {
        case .golden: ChatbotPreset.defaultSamplesPerCell
        case .benchmark: BenchmarkPreset.defaultSamplesPerCell
        case .multifee: MultifeePreset.defaultSamplesPerCell
        case .small: SmallPreset.defaultSamplesPerCell
        }
    }

    /// The preset's spec for `seed`, with `samplesPerCell` or the preset's default.
    public func spec(seed: UInt64 = ChatbotPreset.defaultSeed, samplesPerCell: Int? = nil) -> DataSetSpec {
        let samples = samplesPerCell ?? defaultSamplesPerCell
        switch self {
        case .golden: return ChatbotPreset.spec(seed: seed, samplesPerCell: samples)
        case .benchmark: return BenchmarkPreset.spec(seed: seed, samplesPerCell: samples)
        case .multifee: return MultifeePreset.spec(seed: seed, samplesPerCell: samples)
        case .small: return SmallPreset.spec(seed: seed, samplesPerCell: samples)
        }
    }
}
