/// A tiny slice of the chatbot for fast tests: 3 intents, haiku and sonnet, 8 settings, 20 samples.
///
/// Chosen to keep the default data's contrasts: recommendation (haiku below its floor, sonnet's
/// long answers near the P99 cap), faq (factual, cached) and chitchat (short, warmer temperature).
public enum SmallPreset {
    /// Golden samples per cell.
    public static let defaultSamplesPerCell = 20

    /// max_tokens {150, 500} × temperature {0.1, 0.7} × rag_chunks {0, 5}.
    public static let grid = SettingsGrid(maxTokens: [150, 500], temperatures: [0.1, 0.7], ragChunks: [0, 5])

    /// The small data set's spec.
    public static func spec(seed: UInt64 = ChatbotPreset.defaultSeed,
                            samplesPerCell: Int = defaultSamplesPerCell) -> DataSetSpec {
        let names: Set<String> = ["recommendation", "faq", "chitchat"]
        // Version-1 data (no prompt cache), so the tests that pin its bytes keep them.
        return DataSetSpec(
            models: ChatbotPreset.models.filter { $0.name != "haiku-ft" }.map { model in
                var plain = model
                plain.cacheReadUSDPerMTok = nil
                plain.cacheWriteUSDPerMTok = nil
                return plain
            },
            intents: ChatbotPreset.intents.filter { names.contains($0.name) }.map { intent in
                var plain = intent
                plain.systemPromptTokens = 0
                plain.cachesChunks = false
                plain.promptCacheReadShare = nil
                return plain
            },
            grid: grid, samplesPerCell: samplesPerCell, seed: seed)
    }
}
