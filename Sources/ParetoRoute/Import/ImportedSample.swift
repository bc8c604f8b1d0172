/// One row of the evals file an import writes: a golden sample scored in one cell.
///
/// The figures are already in the contract's units (quality in [0, 1], whole tokens,
/// milliseconds), so writing the row is formatting only.
public struct ImportedSample: Sendable, Equatable {
    /// The intent the sample belongs to.
    public var intent: String
    /// The evaluated setting (model after the model map).
    public var setting: Setting
    /// The sample identifier, unique within the cell.
    public var sampleID: String
    /// The quality in [0, 1].
    public var quality: Double
    /// Input tokens billed at the full input price: the contract's `input_tokens`, which
    /// excludes prompt-cache reads and writes (they are priced apart, never lumped in).
    public var inputTokens: Int
    /// Input tokens read from the provider's prompt cache (`cache_read_tokens`).
    public var cacheReadTokens: Int
    /// Input tokens written to the provider's prompt cache (`cache_write_tokens`).
    public var cacheWriteTokens: Int
    /// Output tokens of the evaluated model.
    public var outputTokens: Int
    /// End-to-end latency in milliseconds, rounded to 0.001.
    public var latencyMs: Double

    /// Creates a sample; no cached tokens unless given.
    public init(intent: String, setting: Setting, sampleID: String, quality: Double,
                inputTokens: Int, cacheReadTokens: Int = 0, cacheWriteTokens: Int = 0,
                outputTokens: Int, latencyMs: Double) {
        self.intent = intent
        self.setting = setting
        self.sampleID = sampleID
        self.quality = quality
        self.inputTokens = inputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.outputTokens = outputTokens
        self.latencyMs = latencyMs
    }

    /// Whether the sample read from or wrote to the provider's prompt cache.
    public var hasCachedTokens: Bool { cacheReadTokens > 0 || cacheWriteTokens > 0 }

    /// The cell the sample belongs to.
    public var cell: ImportedCell { ImportedCell(intent: intent, setting: setting) }

    /// Rounds a latency to 0.001 ms, as the evals file writes it (so the same logs give the same bytes).
    public static func roundedLatency(milliseconds: Double) -> Double {
        (milliseconds * 1000).rounded() / 1000
    }
}

/// A cell as an import sees it: an intent and a setting, ordered for the evals file.
public struct ImportedCell: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The intent.
    public var intent: String
    /// The setting.
    public var setting: Setting

    /// Creates a cell key.
    public init(intent: String, setting: Setting) {
        self.intent = intent
        self.setting = setting
    }

    /// Orders by intent, then setting (the row order of the evals file).
    public static func < (lhs: ImportedCell, rhs: ImportedCell) -> Bool {
        lhs.intent != rhs.intent
            ? Array(lhs.intent.utf8).lexicographicallyPrecedes(Array(rhs.intent.utf8))
            : lhs.setting < rhs.setting
    }

    /// `faq sonnet/500/t0.3/rag5`.
    public var description: String { "\(intent) \(setting)" }
}
