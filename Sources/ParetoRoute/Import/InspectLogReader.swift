import Foundation

/// Reads Inspect AI eval logs in JSON form into samples of the golden data format.
///
/// Per sample: the intent from `metadata.intent` (or the chosen path), the model from
/// `eval.model` through the model map, `max_tokens`/`temperature` from
/// `eval.model_generate_config`, else `plan.config`, else the flags; the quality from the
/// chosen scorer; tokens from the evaluated model's entry in `model_usage`, else
/// `output.usage`; latency from `output.time`. Samples with `error` set are skipped and counted.
///
/// Inspect's `ModelUsage` (inspect-ai 0.3.285, `inspect_ai/model/_model_output.py`) counts
/// prompt-cache tokens apart from `input_tokens`, the contract's convention, so they map
/// one to one: `input_tokens` → `input_tokens`, `input_tokens_cache_read` →
/// `cache_read_tokens`, `input_tokens_cache_write` → `cache_write_tokens` (absent or null: 0).
/// They are never added together: cached input is priced at the cache prices.
public enum InspectLogReader {
    /// The roots an intent or RAG chunk path may start with in Inspect logs.
    public static let pathRoots = ["metadata.", "eval.task_args.", "eval.task"]

    /// Reads every log in `paths` (in the order given).
    public static func read(paths: [String], options: ImportOptions) throws -> ImportedRun {
        var samples: [ImportedSample] = []
        var skips = ImportSkips()
        var date: String?
        for path in paths {
            let (fileSamples, fileSkips, fileDate) = try readLog(path: path, options: options)
            samples += fileSamples
            skips.add(fileSkips)
            if let fileDate, date.map({ fileDate > $0 }) ?? true { date = fileDate }
        }
        if options.epochs == .mean { samples = EpochAveraging.average(samples) }
        return ImportedRun(tool: .inspect, samples: samples, skips: skips, date: date, options: options)
    }

    /// The one-line error for a `.eval` (zip) log: which command converts it.
    static func convertError(path: String) -> DataError {
        // The directory as the user wrote it, so the command can be pasted as it is.
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        return DataError(file: path, "is an Inspect .eval log (a zip archive whose entries the current Inspect compresses with Zstandard), which import does not read; convert it to JSON first: inspect log convert --to json --output-dir \(directory) \(path)")
    }

    private static func readLog(path: String, options: ImportOptions) throws -> ([ImportedSample], ImportSkips, String?) {
        if path.hasSuffix(".eval") { throw convertError(path: path) }
        if let handle = FileHandle(forReadingAtPath: path) {
            let magic = (try? handle.read(upToCount: 4)) ?? Data()
            try? handle.close()
            if magic == Data([0x50, 0x4B, 0x03, 0x04]) { throw convertError(path: path) }
        }
        let log = try JSONFile.read(path: path)
        guard let eval = log["eval"], eval.members != nil, let modelName = eval["model"]?.string else {
            throw DataError(file: path, field: "eval.model", "is missing; expected an Inspect eval log in JSON form (inspect eval --log-format json)")
        }
        guard let samples = log["samples"]?.array else {
            throw DataError(file: path, field: "samples", "is missing; expected the log's samples (was the eval run with --no-log-samples?)")
        }
        let model = options.modelMap.map(modelName)
        let scorer = try chooseScorer(eval: eval, samples: samples, file: path, options: options)
        let maxEpoch = samples.compactMap { $0["epoch"]?.nonNegativeInteger }.max() ?? 1
        let logged: (String) -> (value: JSONValue, path: String)? = { key in
            if let value = eval["model_generate_config"]?[key], value != .null { return (value, "eval.model_generate_config." + key) }
            if let value = log["plan"]?["config"]?[key], value != .null { return (value, "plan.config." + key) }
            return nil
        }
        let whole = SampleLocation(file: path, path: "", label: nil, line: nil)
        let maxTokens = try SampleFields.maxTokens(logged("max_tokens"), options: options, at: whole)
        let temperature = try SampleFields.temperature(logged("temperature"), options: options, at: whole)
        let intentSource = options.intent ?? .field(FieldPath("metadata.intent", roots: pathRoots)!)

        var out: [ImportedSample] = []
        var skips = ImportSkips()
        for (index, sample) in samples.enumerated() {
            let id = sample["id"]?.identifierText
            let epoch = sample["epoch"]?.nonNegativeInteger ?? 1
            let label = id.map { maxEpoch > 1 ? "\($0) epoch \(epoch)" : $0 }
            let location = SampleLocation(file: path, path: "samples[\(index)]", label: label, line: nil)
            guard let id else {
                throw location.error("id", "\(sample["id"]?.quotedForMessage ?? "nothing") is not a sample id; expected text or an integer")
            }
            if let error = sample["error"], error != .null {
                skips.errored += 1
                continue
            }
            let base: (String) -> JSONValue? = { $0 == "eval" ? eval : sample[$0] }
            let intent = try SampleFields.intent(intentSource, options: options, base: base, at: location)
            let rag = try SampleFields.ragChunks(options: options, base: base, at: location)
            let quality = try SampleFields.quality(sample["scores"]?[scorer]?["value"], field: "scores.\(scorer).value",
                                                   options: options, at: location)
            guard let figures = try figures(of: sample, model: modelName, at: location, options: options) else {
                skips.incomplete += 1
                continue
            }
            let sampleID = options.epochs == .distinct && maxEpoch > 1 ? "\(id)#\(epoch)" : id
            out.append(ImportedSample(intent: intent, setting: Setting(model: model, maxTokens: maxTokens, temperature: temperature, ragChunks: rag),
                                      sampleID: sampleID, quality: quality, inputTokens: figures.input,
                                      cacheReadTokens: figures.cacheRead, cacheWriteTokens: figures.cacheWrite,
                                      outputTokens: figures.output, latencyMs: figures.latencyMs))
        }
        return (out, skips, SampleFields.date(eval["created"]))
    }

    /// The scorer to read: the requested one, else the only one.
    private static func chooseScorer(eval: JSONValue, samples: [JSONValue], file: String, options: ImportOptions) throws -> String {
        let requested = options.scoreName
        var names = (eval["scorers"]?.array ?? []).compactMap { $0["name"]?.string }
        if names.isEmpty, let first = samples.first(where: { $0["scores"]?.members != nil }) {
            names = first["scores"]?.members?.map(\.0) ?? []
        }
        if let requested {
            guard names.contains(requested) else {
                throw DataError(file: file, field: "eval.scorers", "no scorer '\(requested)' (\(options.name(.scoreName))); expected one of \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            }
            return requested
        }
        guard names.count == 1 else {
            throw DataError(file: file, field: "eval.scorers", names.isEmpty
                ? "the log has no scorer; expected scored samples"
                : "the log has several scorers (\(names.joined(separator: ", "))); expected \(options.name(.scoreName)) to choose one")
        }
        return names[0]
    }

    /// Input, cache-read, cache-write and output tokens and the latency in ms; nil when skipped.
    private static func figures(of sample: JSONValue, model: String, at location: SampleLocation,
                                options: ImportOptions) throws -> SampleFigures? {
        let skipIncomplete = options.skipIncomplete
        let orSkip = "(or \(options.name(.skipIncomplete)))"
        let usagePath: String
        let usage: JSONValue?
        if let entry = sample["model_usage"]?[model] {
            usage = entry
            usagePath = "model_usage.\(model)"
        } else {
            usage = sample["output"]?["usage"]
            usagePath = "output.usage"
        }
        guard let usage, usage != .null else {
            if skipIncomplete { return nil }
            throw location.error(usagePath, "is missing; expected the evaluated model's token usage \(orSkip)")
        }
        guard let inputValue = usage["input_tokens"], inputValue != .null else {
            if skipIncomplete { return nil }
            throw location.error(usagePath + ".input_tokens", "is missing; expected a token count \(orSkip)")
        }
        guard let input = inputValue.nonNegativeInteger else {
            throw location.error(usagePath + ".input_tokens", "\(inputValue.quotedForMessage) is not a token count; expected an integer >= 0")
        }
        // Optional in Inspect (None when the provider reports no caching): absent means 0.
        var cached: [Int] = []
        for key in ["input_tokens_cache_read", "input_tokens_cache_write"] {
            guard let value = usage[key], value != .null else {
                cached.append(0)
                continue
            }
            guard let count = value.nonNegativeInteger else {
                throw location.error(usagePath + "." + key, "\(value.quotedForMessage) is not a token count; expected an integer >= 0")
            }
            cached.append(count)
        }
        guard let outputValue = usage["output_tokens"], outputValue != .null else {
            if skipIncomplete { return nil }
            throw location.error(usagePath + ".output_tokens", "is missing; expected a token count \(orSkip)")
        }
        guard let output = outputValue.nonNegativeInteger else {
            throw location.error(usagePath + ".output_tokens", "\(outputValue.quotedForMessage) is not a token count; expected an integer >= 0")
        }
        guard let time = sample["output"]?["time"], time != .null else {
            if skipIncomplete { return nil }
            throw location.error("output.time", "is missing; expected the generation's time in seconds \(orSkip)")
        }
        guard case .number(let seconds) = time, seconds >= 0 else {
            throw location.error("output.time", "\(time.quotedForMessage) is not a time; expected seconds >= 0")
        }
        return SampleFigures(input: input, cacheRead: cached[0], cacheWrite: cached[1], output: output,
                             latencyMs: ImportedSample.roundedLatency(milliseconds: seconds * 1000))
    }
}
