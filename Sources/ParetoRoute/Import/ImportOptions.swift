/// How an import reads a tool's results: where each figure comes from when the log does not say.
///
/// Paths are typed (``FieldPath``) so the CLI names the option a bad path came from;
/// the readers check each sample against these and say which JSON path failed.
public struct ImportOptions: Sendable {
    /// A figure read from each sample at a path, or one value for the whole import.
    public enum Source<Value: Sendable>: Sendable {
        /// Read at this path of every sample.
        case field(FieldPath)
        /// The same value for every sample.
        case fixed(Value)
    }

    /// The intent; nil means the tool's default path (`metadata.intent`, `vars.intent`).
    public var intent: Source<String>?
    /// The RAG chunk count; nil means none was given (an error when a sample needs it).
    public var ragChunks: Source<Int>?
    /// Tool model names to models.csv names.
    public var modelMap = ModelNameMap()
    /// `max_tokens` where the log has none.
    public var maxTokens: Int?
    /// Temperature where the log has none.
    public var temperature: Double?
    /// The scorer (Inspect) or named score (promptfoo) to read; nil: the only one, or promptfoo's `score`.
    public var scoreName: String?
    /// Maps a rubric's range onto [0, 1].
    public var scoreScale: ScoreScale?
    /// Keep Inspect's epochs as distinct samples or average them.
    public var epochs = EpochMode.distinct
    /// Skip (and count) samples missing tokens or latency instead of failing.
    public var skipIncomplete = false
    /// Keep promptfoo rows served from its cache (their latency is not a real call's).
    public var keepCached = false

    /// How error messages and the report name each option; the CLI names its flags
    /// (`--max-tokens N`), a library caller gets the property (`ImportOptions.maxTokens`).
    public var optionNames: [ImportOption: String] = [:]

    /// Default options: intents from the tool's default path, epochs distinct.
    public init() {}

    /// The name messages use for `option`.
    public func name(_ option: ImportOption) -> String {
        optionNames[option] ?? "ImportOptions.\(option.rawValue)"
    }
}

/// The options of an import that messages may point to as the fix.
public enum ImportOption: String, Sendable, Hashable, CaseIterable {
    /// The intent's path (``ImportOptions/intent`` as a field).
    case intent
    /// The model name map.
    case modelMap
    /// `max_tokens` where the log has none.
    case maxTokens
    /// Temperature where the log has none.
    case temperature
    /// The RAG chunk count (a path or a fixed count).
    case ragChunks
    /// The scorer or named score.
    case scoreName
    /// The score scale.
    case scoreScale
    /// Skipping incomplete samples.
    case skipIncomplete
    /// Keeping promptfoo's cached rows.
    case keepCached
}

/// Samples an import left out, by reason; none is ever turned into a zero.
public struct ImportSkips: Sendable, Equatable {
    /// Samples the tool recorded with an error.
    public var errored = 0
    /// promptfoo rows served from its cache (no real latency).
    public var cached = 0
    /// Samples without tokens or latency, skipped when ``ImportOptions/skipIncomplete`` is set.
    public var incomplete = 0

    /// Creates empty counts.
    public init() {}

    /// All skipped samples.
    public var total: Int { errored + cached + incomplete }

    /// Adds another file's counts.
    public mutating func add(_ other: ImportSkips) {
        errored += other.errored
        cached += other.cached
        incomplete += other.incomplete
    }
}

/// What a tool's files held: the samples to write, what was skipped, and the run's date.
public struct ImportedRun: Sendable {
    /// The tool the files came from.
    public var tool: EvalTool
    /// The samples, in file order (the writer sorts them).
    public var samples: [ImportedSample]
    /// What was left out.
    public var skips: ImportSkips
    /// The run's date (`YYYY-MM-DD`) from the files, when they carry one (the latest of several).
    public var date: String?
    /// The options it was read with (their names word the plan's hints).
    public var options: ImportOptions

    /// Creates a run.
    public init(tool: EvalTool, samples: [ImportedSample], skips: ImportSkips, date: String?, options: ImportOptions) {
        self.tool = tool
        self.samples = samples
        self.skips = skips
        self.date = date
        self.options = options
    }
}
