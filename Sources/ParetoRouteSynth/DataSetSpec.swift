/// Everything that determines a generated data directory: same spec, same bytes.
public struct DataSetSpec: Sendable, Hashable {
    /// Models, in the order of models.csv and of the eval rows.
    public var models: [ModelProfile]
    /// Intents, in the order of intents.csv and of the eval rows.
    public var intents: [IntentProfile]
    /// Settings evaluated for every (intent, model).
    public var grid: SettingsGrid
    /// Golden samples per cell.
    public var samplesPerCell: Int
    /// Seed of every random draw.
    public var seed: UInt64
    /// Figures shared by all intents and models.
    public var parameters: GenerativeParameters
    /// Name of the eval file inside `evals/`; later runs should sort after it.
    public var evalsFileName: String
    /// Routers whose scores go to routers.csv (none: no routers.csv, version-1 files).
    public var routers: [RouterProfile] = []

    /// Creates a spec; call ``validate()`` (or build a ``DataSetGenerator``) before relying on it.
    public init(
        models: [ModelProfile], intents: [IntentProfile], grid: SettingsGrid, samplesPerCell: Int,
        seed: UInt64, parameters: GenerativeParameters = GenerativeParameters(),
        evalsFileName: String = "0001-baseline.csv"
    ) {
        self.models = models
        self.intents = intents
        self.grid = grid
        self.samplesPerCell = samplesPerCell
        self.seed = seed
        self.parameters = parameters
        self.evalsFileName = evalsFileName
    }

    /// Largest number of samples per cell accepted; keeps sample ids and memory sane.
    public static let maxSamplesPerCell = 100_000

    /// Checks that the spec describes data the golden data contract accepts.
    public func validate() throws(SynthError) {
        guard (1...Self.maxSamplesPerCell).contains(samplesPerCell) else {
            throw .invalidSpec("samples per cell must be in 1...\(Self.maxSamplesPerCell), got \(samplesPerCell)")
        }
        guard !models.isEmpty, !intents.isEmpty, grid.count > 0 else {
            throw .invalidSpec("models, intents and every settings list must be non-empty")
        }
        try Self.checkNames(models.map(\.name), kind: "model")
        try Self.checkNames(intents.map(\.name), kind: "intent")
        guard evalsFileName.hasSuffix(".csv"), !evalsFileName.contains("/"), evalsFileName.count > 4 else {
            throw .invalidSpec("evals file name must be a plain *.csv name, got \"\(evalsFileName)\"")
        }
        for model in models {
            let figures = [model.inputUSDPerMTok, model.outputUSDPerMTok, model.monthlyFixedUSD,
                           model.latency.firstTokenMS, model.latency.msPerInputToken,
                           model.latency.msPerOutputToken, model.latency.spread,
                           model.latency.tailMaxExcess, model.verbosity, model.difficultySensitivity]
            guard figures.allSatisfy({ $0.isFinite && $0 >= 0 }), Self.isWritable(model.inputUSDPerMTok),
                  Self.isWritable(model.outputUSDPerMTok), Self.isWritable(model.monthlyFixedUSD),
                  (0...1).contains(model.latency.tailProbability) else {
                throw .invalidSpec("model \(model.name): prices and fee must be in [0, 1e9], behaviour figures finite "
                    + "and >= 0, tail probability in [0, 1]")
            }
            for price in [model.cacheReadUSDPerMTok, model.cacheWriteUSDPerMTok].compactMap({ $0 }) {
                guard price.isFinite, price >= 0, Self.isWritable(price) else {
                    throw .invalidSpec("model \(model.name): cache prices must be in [0, 1e9]")
                }
            }
        }
        for router in routers {
            guard !router.name.isEmpty, router.noise.isFinite, router.noise >= 0, Self.isWritable(router.monthlyFixedUSD),
                  router.monthlyFixedUSD >= 0, router.latencyMS.isFinite, router.latencyMS >= 0,
                  router.intents.allSatisfy({ name in intents.contains { $0.name == name } }) else {
                throw .invalidSpec("router \(router.name): needs a name, noise and costs >= 0 and intents of the spec")
            }
        }
        for intent in intents {
            try Self.check(intent, models: models)
            guard intent.difficultySpread.map({ $0.isFinite && $0 >= 0 && $0 <= 1 }) ?? true else {
                throw .invalidSpec("intent \(intent.name): difficulty spread must be in [0, 1]")
            }
            guard intent.systemPromptTokens.isFinite, intent.systemPromptTokens >= 0, intent.systemPromptTokens <= 1e9,
                  (intent.promptCacheReadShare.map { (0...1).contains($0) } ?? true) else {
                throw .invalidSpec("intent \(intent.name): system prompt tokens must be in [0, 1e9], the prompt-cache read share in [0, 1]")
            }
        }
        guard intents.contains(where: { ($0.qualityWeight ?? Double($0.dailyVolume)) > 0 }) else {
            throw .invalidSpec("the quality weights must not all be 0")
        }
        guard grid.maxTokens.allSatisfy({ $0 > 0 }), grid.ragChunks.allSatisfy({ $0 >= 0 }),
              grid.temperatures.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 100 }) else {
            throw .invalidSpec("max_tokens must be > 0, rag_chunks >= 0, temperatures in 0...100")
        }
        guard Set(grid.maxTokens).count == grid.maxTokens.count,
              Set(grid.ragChunks).count == grid.ragChunks.count,
              Set(grid.temperatures.map(DecimalText.temperature)).count == grid.temperatures.count else {
            throw .invalidSpec("settings values must be distinct (temperatures at two decimals)")
        }
    }

    /// Whether a figure written to models.csv or intents.csv is finite and small enough for
    /// ``DecimalText``'s integer arithmetic.
    private static func isWritable(_ value: Double) -> Bool {
        value.isFinite && value.magnitude <= 1e9
    }

    private static func checkNames(_ names: [String], kind: String) throws(SynthError) {
        guard names.allSatisfy({ !$0.isEmpty }) else {
            throw .invalidSpec("every \(kind) needs a non-empty name")
        }
        guard Set(names).count == names.count else {
            throw .invalidSpec("\(kind) names must be unique")
        }
    }

    private static func check(_ intent: IntentProfile, models: [ModelProfile]) throws(SynthError) {
        let name = intent.name
        guard intent.dailyVolume > 0, (0..<1).contains(intent.responseCacheHitRate),
              (0...1).contains(intent.minQuality), intent.maxP99LatencyMS > 0,
              isWritable(intent.maxP99LatencyMS) else {
            throw .invalidSpec("intent \(name): needs daily_volume > 0, cache_hit_rate in [0, 1), "
                + "min_quality in [0, 1] and max_p99_latency_ms in (0, 1e9]")
        }
        if let weight = intent.qualityWeight, !(weight >= 0 && isWritable(weight)) {
            throw .invalidSpec("intent \(name): quality weight must be in [0, 1e9]")
        }
        let figures = [intent.promptTokens, intent.answerTokens, intent.retrievalGain,
                       intent.retrievalNoisePerChunk, intent.bestTemperature,
                       intent.temperatureSensitivity, intent.truncationSeverity]
        guard figures.allSatisfy({ $0.isFinite && $0 >= 0 }), intent.answerTokens >= 1 else {
            throw .invalidSpec("intent \(name): token and behaviour figures must be finite and >= 0")
        }
        for model in models {
            guard let quality = intent.modelQuality[model.name], quality.isFinite else {
                throw .invalidSpec("intent \(name): no expected quality for model \(model.name)")
            }
        }
    }
}
