import Foundation

/// Reads promptfoo results (`promptfoo eval -o results.json` or `-o results.jsonl`) into samples.
///
/// The two forms hold the same run differently (promptfoo's `src/models/evalResult.ts`
/// and `src/util/output.ts`): the JSON file's `results.results` rows come from
/// `EvalResult.toEvaluateResult()` — `vars` at the top, `provider` with only `id` and
/// `label`, the settings only in the top-level `config.providers`; a JSONL line is a raw
/// `EvalResult` — vars in `testCase.vars`, settings in `provider.config`. Both give the
/// same samples. Rows with an error are skipped and counted; rows served from promptfoo's
/// cache (`response.cached`) carry no real latency and are skipped unless `keepCached`.
///
/// Tokens come from the row's `TokenUsage` (`response.tokenUsage`, else `tokenUsage`):
/// `prompt` and `completion`. promptfoo's `cached` in that object counts tokens of responses
/// replayed from promptfoo's own cache (and, in some newer code paths, provider cache reads),
/// so it is never read as a price: rows served from promptfoo's cache are skipped by
/// `response.cached` instead. Provider prompt caching is read where promptfoo records it
/// unambiguously, in `completionDetails.cacheReadInputTokens` and
/// `completionDetails.cacheCreationInputTokens`: promptfoo/promptfoo at commit 00e4b0f8
/// (`src/providers/openai/util.ts`, `getOpenAICompletionTokenDetails` and `getTokenUsage`)
/// fills them from OpenAI's `prompt_tokens_details.cached_tokens` (and `cache_write_tokens`)
/// while `prompt` stays OpenAI's `prompt_tokens`, which includes them. So they are taken out
/// of `prompt`: `input_tokens = prompt − cache reads − cache writes`. Older promptfoo versions
/// (the types of commit 013bf39, which the fixtures follow) have no such fields, and their
/// rows import as before, OpenAI's cached prompt tokens at the full input price. Its Anthropic
/// provider (`src/providers/anthropic/util.ts` of the versions read) writes Anthropic's
/// `input_tokens`, which excludes cached tokens, as `prompt` and reports no cache counts: those
/// rows carry no cached tokens to import.
public enum PromptfooResultsReader {
    /// The roots an intent or RAG chunk path may start with in promptfoo results.
    public static let pathRoots = ["vars."]

    /// Reads the results file at `path` (`.jsonl` as JSON Lines, anything else as one JSON document).
    public static func read(path: String, options: ImportOptions) throws -> ImportedRun {
        if path.hasSuffix(".jsonl") {
            let rows = try JSONParser.parseSequence(try bytes(of: path), file: path)
            guard !rows.isEmpty else { throw DataError(file: path, line: 1, "the file holds no result; expected one EvalResult per line") }
            let located = rows.enumerated().map { index, row in
                (row.value, SampleLocation(file: path, path: "", label: nil, line: row.line), index)
            }
            return try samples(from: located, providers: nil, date: nil, options: options)
        }
        let document = try JSONFile.read(path: path)
        guard let rows = document["results"]?["results"]?.array else {
            throw DataError(file: path, field: "results.results", "is missing; expected promptfoo's output file (promptfoo eval -o results.json)")
        }
        let located = rows.enumerated().map { index, row in
            (row, SampleLocation(file: path, path: "results.results[\(index)]", label: nil, line: nil), index)
        }
        var providers = document["config"]?["providers"] ?? .array([])
        if providers.array == nil { providers = .array([providers]) }
        return try samples(from: located, providers: providers.array ?? [], date: SampleFields.date(document["results"]?["timestamp"]), options: options)
    }

    private static func bytes(of path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.missingInput, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw DataError(file: path, "is a directory; expected a results file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError(.readFailure, file: path, "cannot be read") }
        return [UInt8](data)
    }

    /// The samples of `rows`; `providers` is the JSON form's `config.providers` (nil for JSONL).
    private static func samples(from rows: [(JSONValue, SampleLocation, Int)], providers: [JSONValue]?, date: String?,
                                options: ImportOptions) throws -> ImportedRun {
        let promptCount = Set(rows.compactMap { $0.0["promptIdx"]?.nonNegativeInteger }).count
        let intentSource = options.intent ?? .field(FieldPath("vars.intent", roots: pathRoots)!)
        var out: [ImportedSample] = []
        var skips = ImportSkips()
        for (row, bare, _) in rows {
            guard let test = row["testIdx"]?.nonNegativeInteger else {
                throw bare.error("testIdx", "\(row["testIdx"]?.quotedForMessage ?? "nothing") is not a test index; expected an integer >= 0 (is this a promptfoo result?)")
            }
            let prompt = row["promptIdx"]?.nonNegativeInteger ?? 0
            let id = promptCount > 1 ? "t\(test)-p\(prompt)" : "t\(test)"
            let location = SampleLocation(file: bare.file, path: bare.path, label: promptCount > 1 ? "test \(test) prompt \(prompt)" : "test \(test)", line: bare.line)
            if let error = row["error"], error != .null, error != .string("") {
                skips.errored += 1
                continue
            }
            if row["failureReason"]?.number == 2 {
                skips.errored += 1
                continue
            }
            if row["response"]?["cached"] == .bool(true), !options.keepCached {
                skips.cached += 1
                continue
            }
            guard let provider = row["provider"], let providerID = provider["id"]?.string else {
                throw location.error("provider.id", "is missing; expected the provider that answered")
            }
            let label = provider["label"]?.string
            let model = options.modelMap.map(label ?? providerID)
            let (config, configPath) = settings(of: provider, providers: providers)
            let logged: (String) -> (value: JSONValue, path: String)? = { key in
                guard let value = config?[key], value != .null else { return nil }
                return (value, configPath + "." + key)
            }
            let maxTokens = try SampleFields.maxTokens(logged("max_tokens"), options: options, at: location)
            let temperature = try SampleFields.temperature(logged("temperature"), options: options, at: location)
            let base: (String) -> JSONValue? = { root in
                guard root == "vars" else { return nil }
                return row["vars"] ?? row["testCase"]?["vars"]
            }
            let intent = try SampleFields.intent(intentSource, options: options, base: base, at: location)
            let rag = try SampleFields.ragChunks(options: options, base: base, at: location)
            let quality: Double
            if let name = options.scoreName {
                quality = try SampleFields.quality(row["namedScores"]?[name], field: "namedScores.\(name)", options: options, at: location)
            } else {
                quality = try SampleFields.quality(row["score"], field: "score", options: options, at: location)
            }
            guard let figures = try figures(of: row, at: location, options: options) else {
                skips.incomplete += 1
                continue
            }
            out.append(ImportedSample(intent: intent, setting: Setting(model: model, maxTokens: maxTokens, temperature: temperature, ragChunks: rag),
                                      sampleID: id, quality: quality, inputTokens: figures.input,
                                      cacheReadTokens: figures.cacheRead, cacheWriteTokens: figures.cacheWrite,
                                      outputTokens: figures.output, latencyMs: figures.latencyMs))
        }
        return ImportedRun(tool: .promptfoo, samples: out, skips: skips, date: date, options: options)
    }

    /// The provider's config: its own (JSONL) or the matching entry of `config.providers` (JSON).
    private static func settings(of provider: JSONValue, providers: [JSONValue]?) -> (JSONValue?, String) {
        guard let providers else { return (provider["config"], "provider.config") }
        let label = provider["label"]?.string, id = provider["id"]?.string
        for (index, entry) in providers.enumerated() {
            let matches = label != nil ? entry["label"]?.string == label : (entry["id"]?.string == id && entry["label"]?.string == nil)
            if matches { return (entry["config"], "config.providers[\(index)].config") }
        }
        return (nil, "config.providers")
    }

    /// Input tokens (the prompt less the provider's cached tokens), cache reads and writes,
    /// completion tokens and the latency; nil when skipped as incomplete.
    private static func figures(of row: JSONValue, at location: SampleLocation, options: ImportOptions) throws -> SampleFigures? {
        let skipIncomplete = options.skipIncomplete
        let orSkip = "(or \(options.name(.skipIncomplete)))"
        let usage: JSONValue?
        let usagePath: String
        if let response = row["response"]?["tokenUsage"], response != .null {
            usage = response
            usagePath = "response.tokenUsage"
        } else {
            usage = row["tokenUsage"]
            usagePath = "tokenUsage"
        }
        var counts: [Int] = []
        for key in ["prompt", "completion"] {
            guard let value = usage?[key], value != .null else {
                if skipIncomplete { return nil }
                throw location.error(usagePath + "." + key, "is missing; expected a token count \(orSkip)")
            }
            guard let count = value.nonNegativeInteger else {
                throw location.error(usagePath + "." + key, "\(value.quotedForMessage) is not a token count; expected an integer >= 0")
            }
            counts.append(count)
        }
        guard let latency = row["latencyMs"], latency != .null else {
            if skipIncomplete { return nil }
            throw location.error("latencyMs", "is missing; expected the call's latency in ms \(orSkip)")
        }
        guard case .number(let ms) = latency, ms >= 0 else {
            throw location.error("latencyMs", "\(latency.quotedForMessage) is not a latency; expected milliseconds >= 0")
        }
        let (read, write) = try providerCacheTokens(in: usage, usagePath: usagePath, prompt: counts[0], at: location)
        return SampleFigures(input: counts[0] - read - write, cacheRead: read, cacheWrite: write, output: counts[1],
                             latencyMs: ImportedSample.roundedLatency(milliseconds: ms))
    }

    /// The provider's prompt-cache reads and writes counted inside `prompt` (0 and 0 when the
    /// row reports none); an error when they add up to more than the prompt, which would mean
    /// the prompt count excluded them and subtracting would bill negative input.
    private static func providerCacheTokens(in usage: JSONValue?, usagePath: String, prompt: Int,
                                            at location: SampleLocation) throws -> (read: Int, write: Int) {
        let detailsPath = usagePath + ".completionDetails"
        var counts: [Int] = []
        for key in ["cacheReadInputTokens", "cacheCreationInputTokens"] {
            guard let value = usage?["completionDetails"]?[key], value != .null else {
                counts.append(0)
                continue
            }
            guard let count = value.nonNegativeInteger else {
                throw location.error(detailsPath + "." + key, "\(value.quotedForMessage) is not a token count; expected an integer >= 0")
            }
            counts.append(count)
        }
        let (cached, overflow) = counts[0].addingReportingOverflow(counts[1])
        guard !overflow, cached <= prompt else {
            throw location.error(detailsPath, "the cache reads and writes (\(counts[0]) + \(counts[1])) exceed the \(prompt) prompt tokens; expected them counted inside \(usagePath).prompt, as promptfoo counts OpenAI's cached tokens")
        }
        return (counts[0], counts[1])
    }
}
