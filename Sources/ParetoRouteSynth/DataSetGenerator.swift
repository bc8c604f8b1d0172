import Foundation

/// Writes a data directory in the golden data format from a ``DataSetSpec``.
///
/// Deterministic: every cell draws from its own random stream, seeded from the spec's seed and the
/// cell's intent, model, temperature and rag_chunks (not max_tokens: cells that differ only in the
/// cap hold the same generations, cut differently), and numbers are written with integer
/// arithmetic, so the same spec always gives the same bytes — and a cell's rows do not change when
/// other intents, models or settings are added.
public struct DataSetGenerator: Sendable {
    /// The validated spec.
    public let spec: DataSetSpec

    /// Creates a generator after checking the spec.
    public init(spec: DataSetSpec) throws(SynthError) {
        try spec.validate()
        self.spec = spec
    }

    /// The files: models.csv, intents.csv and `evals/<evalsFileName>`, and with routers
    /// routers.csv and router_costs.csv.
    public func files() -> [GeneratedFile] {
        var files = [
            GeneratedFile(relativePath: "models.csv", bytes: modelsCSV()),
            GeneratedFile(relativePath: "intents.csv", bytes: intentsCSV()),
            GeneratedFile(relativePath: "evals/" + spec.evalsFileName, bytes: evalsCSV()),
        ]
        if !spec.routers.isEmpty {
            files.append(GeneratedFile(relativePath: "router_costs.csv", bytes: routerCostsCSV()))
            files.append(GeneratedFile(relativePath: "routers.csv", bytes: routersCSV()))
        }
        return files
    }

    /// router_costs.csv: each router's monthly fee and latency.
    public func routerCostsCSV() -> [UInt8] {
        var csv = CSVBuffer()
        csv.appendRecord(["router", "monthly_fixed_usd", "latency_ms"])
        for router in spec.routers {
            csv.appendRecord([router.name, DecimalText.usd(router.monthlyFixedUSD),
                              DecimalText.format(router.latencyMS, minDecimals: 0, maxDecimals: 3)])
        }
        return csv.bytes
    }

    /// routers.csv: every router's score of every golden sample of the intents it scores. The
    /// noise has its own stream per (router, intent), so the evals keep their bytes.
    public func routersCSV() -> [UInt8] {
        var csv = CSVBuffer()
        csv.appendRecord(["intent", "router", "sample_id", "score"])
        let width = max(3, String(spec.samplesPerCell).count)
        let maxChunks = spec.grid.ragChunks.max() ?? 0
        for intent in spec.intents {
            let samples = GoldenSample.draw(for: intent, count: spec.samplesPerCell, maxChunks: maxChunks,
                                            parameters: spec.parameters, seed: spec.seed)
            let spread = max(intent.difficultySpread ?? spec.parameters.difficultySpread, 1e-12)
            for router in spec.routers where router.intents.contains(intent.name) {
                var noise = NoiseSource(seed: cellSeed(["router", router.name, intent.name]))
                for (k, sample) in samples.enumerated() {
                    let digits = String(k + 1)
                    let score = -sample.difficulty / spread + router.noise * noise.normal()
                    csv.appendRecord([intent.name, router.name, "s" + String(repeating: "0", count: width - digits.count) + digits,
                                      DecimalText.format(score, minDecimals: 1, maxDecimals: 4)])
                }
            }
        }
        return csv.bytes
    }

    /// models.csv: prices and monthly fees.
    public func modelsCSV() -> [UInt8] {
        var csv = CSVBuffer()
        let cachePrices = spec.models.contains { $0.cacheReadUSDPerMTok != nil || $0.cacheWriteUSDPerMTok != nil }
        csv.appendRecord(["model", "input_usd_per_mtok", "output_usd_per_mtok", "monthly_fixed_usd"]
                         + (cachePrices ? ["cache_read_usd_per_mtok", "cache_write_usd_per_mtok"] : []))
        for model in spec.models {
            var record = [model.name, DecimalText.usd(model.inputUSDPerMTok),
                          DecimalText.usd(model.outputUSDPerMTok), DecimalText.usd(model.monthlyFixedUSD)]
            if cachePrices {
                record += [model.cacheReadUSDPerMTok.map { DecimalText.usd($0) } ?? "",
                           model.cacheWriteUSDPerMTok.map { DecimalText.usd($0) } ?? ""]
            }
            csv.appendRecord(record)
        }
        return csv.bytes
    }

    /// intents.csv: volumes, cache hit rates and constraints; quality_weight only if some intent sets one.
    public func intentsCSV() -> [UInt8] {
        let hasWeights = spec.intents.contains { $0.qualityWeight != nil }
        let hasShares = spec.intents.contains { $0.promptCacheReadShare != nil }
        var csv = CSVBuffer()
        var header = ["intent", "daily_volume", "cache_hit_rate", "min_quality", "max_p99_latency_ms"]
        if hasWeights { header.append("quality_weight") }
        if hasShares { header.append("prompt_cache_read_share") }
        csv.appendRecord(header)
        for intent in spec.intents {
            var record = [intent.name, String(intent.dailyVolume), DecimalText.rate(intent.responseCacheHitRate),
                          DecimalText.rate(intent.minQuality),
                          DecimalText.format(intent.maxP99LatencyMS, minDecimals: 0, maxDecimals: 3)]
            if hasWeights {
                record.append(intent.qualityWeight.map { DecimalText.format($0, minDecimals: 0, maxDecimals: 6) } ?? "")
            }
            if hasShares { record.append(intent.promptCacheReadShare.map { DecimalText.rate($0) } ?? "") }
            csv.appendRecord(record)
        }
        return csv.bytes
    }

    /// The eval rows: intents, then models, then settings in grid order, then samples `s001`….
    public func evalsCSV() -> [UInt8] {
        let settings = spec.grid.settings
        let rowCount = spec.intents.count * spec.models.count * settings.count * spec.samplesPerCell
        var csv = CSVBuffer(capacity: rowCount * 64 + 128)
        // The cache columns only when some intent has a cached prefix: other presets keep their bytes.
        let cached = spec.intents.contains { $0.systemPromptTokens > 0 || $0.cachesChunks }
        csv.appendRecord(["intent", "model", "max_tokens", "temperature", "rag_chunks", "sample_id",
                          "quality", "input_tokens", "output_tokens", "latency_ms"]
                         + (cached ? ["cache_read_tokens", "cache_write_tokens"] : []))
        let width = max(3, String(spec.samplesPerCell).count)
        let sampleIDs = (1...spec.samplesPerCell).map { number -> [UInt8] in
            let digits = String(number)
            return CSVBuffer.encoded("s" + String(repeating: "0", count: width - digits.count) + digits)
        }
        let maxChunks = spec.grid.ragChunks.max() ?? 0
        for intent in spec.intents {
            let samples = GoldenSample.draw(for: intent, count: spec.samplesPerCell, maxChunks: maxChunks,
                                            parameters: spec.parameters, seed: spec.seed)
            for model in spec.models {
                let simulator = CellSimulator(intent: intent, model: model, parameters: spec.parameters,
                                              samples: samples, seed: cellSeed([intent.name, model.name]))
                for setting in settings {
                    let key = [intent.name, model.name, String(setting.maxTokens),
                               DecimalText.temperature(setting.temperature), String(setting.ragChunks)]
                    var prefix = CSVBuffer()
                    for field in key {
                        prefix.appendField(field)
                        prefix.appendComma()
                    }
                    // max_tokens is left out of the stream's key: the same generation, cut at a
                    // different length, as when a real evaluation reruns with a lower cap.
                    let stream = cellSeed([intent.name, model.name, key[3], key[4]])
                    let outcomes = simulator.simulate(setting, seed: stream)
                    for (sampleID, outcome) in zip(sampleIDs, outcomes) {
                        csv.appendRaw(prefix.bytes)
                        csv.appendRaw(sampleID)
                        csv.appendComma()
                        csv.appendFixed(outcome.qualityTenThousandths, decimals: 4)
                        csv.appendComma()
                        csv.appendInteger(outcome.inputTokens)
                        csv.appendComma()
                        csv.appendInteger(outcome.outputTokens)
                        csv.appendComma()
                        csv.appendInteger(outcome.latencyMS)
                        if cached {
                            csv.appendComma()
                            csv.appendInteger(outcome.cacheReadTokens)
                            csv.appendComma()
                            csv.appendInteger(outcome.cacheWriteTokens)
                        }
                        csv.appendNewline()
                    }
                }
            }
        }
        return csv.bytes
    }

    /// Writes ``files()`` under `directory`, creating it and `evals/` as needed.
    ///
    /// Only the generated files are replaced; other files (e.g. later eval runs) are left alone.
    public func write(toDirectory directory: String) throws(SynthError) {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        for file in files() {
            let url = root.appendingPathComponent(file.relativePath)
            let folder = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: folder.path, reason: Self.reason(error))
            }
            do {
                try Data(file.bytes).write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(path: url.path, reason: Self.reason(error))
            }
        }
    }

    private func cellSeed(_ key: [String]) -> UInt64 {
        var hasher = FNV1a64()
        hasher.combine(spec.seed)
        hasher.combine("cell")
        for field in key { hasher.combine(field) }
        return hasher.value
    }

    /// The most specific message of a Foundation error (the POSIX cause, when there is one), on one line.
    private static func reason(_ error: any Error) -> String {
        var nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error {
            nsError = underlying as NSError
        }
        return nsError.localizedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
