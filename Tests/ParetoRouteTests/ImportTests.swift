import Foundation
import Testing
@testable import ParetoRoute

/// The pieces of `import`: paths, score mapping, model names, file numbering, epoch averaging.
@Suite struct ImportPieceTests {
    @Test func fieldPathsNeedAnAllowedRoot() throws {
        let roots = InspectLogReader.pathRoots
        let meta = try #require(FieldPath("metadata.intent", roots: roots))
        #expect(meta.root == "metadata" && meta.keys == ["intent"])
        let arg = try #require(FieldPath("eval.task_args.rag_chunks", roots: roots))
        #expect(arg.root == "eval" && arg.keys == ["task_args", "rag_chunks"])
        let task = try #require(FieldPath("eval.task", roots: roots))
        #expect(task.keys == ["task"])
        #expect(FieldPath("eval.model", roots: roots) == nil)
        #expect(FieldPath("intent", roots: roots) == nil)
        #expect(FieldPath("metadata.", roots: roots) == nil)
        #expect(FieldPath("metadata.a..b", roots: roots) == nil)
        #expect(FieldPath("vars.intent", roots: roots) == nil)
        #expect(FieldPath("vars.intent", roots: PromptfooResultsReader.pathRoots)?.keys == ["intent"])
        let document = try JSONParser.parse(Array(#"{"a": {"b": 3, "c": null}}"#.utf8), file: "x.json")
        #expect(try #require(FieldPath("metadata.a.b", roots: roots)).value(in: document["a"].map { .object([("a", $0)]) }) == .number(3))
        #expect(try #require(FieldPath("metadata.c", roots: roots)).value(in: document["a"]) == nil)
    }

    @Test func scoresMapToQuality() throws {
        #expect(ScoreScale.quality(of: .string("C"), scale: nil) == 1)
        #expect(ScoreScale.quality(of: .string("I"), scale: nil) == 0)
        #expect(ScoreScale.quality(of: .string("P"), scale: nil) == 0.5)
        #expect(ScoreScale.quality(of: .string("N"), scale: nil) == 0)
        #expect(ScoreScale.quality(of: .bool(true), scale: nil) == 1)
        #expect(ScoreScale.quality(of: .bool(false), scale: nil) == 0)
        #expect(ScoreScale.quality(of: .number(0.37), scale: nil) == 0.37)
        #expect(ScoreScale.quality(of: .number(4), scale: nil) == nil)
        #expect(ScoreScale.quality(of: .string("X"), scale: nil) == nil)
        #expect(ScoreScale.quality(of: .string("0.5"), scale: nil) == nil)
        #expect(ScoreScale.quality(of: .null, scale: nil) == nil)
        let rubric = try #require(ScoreScale(parsing: "1:5"))
        // 1–5 onto 0–1: 4 is three quarters of the way.
        #expect(ScoreScale.quality(of: .number(4), scale: rubric) == 0.75)
        #expect(ScoreScale.quality(of: .number(1), scale: rubric) == 0)
        #expect(ScoreScale.quality(of: .number(0.5), scale: rubric) == nil)
        #expect(ScoreScale(parsing: "5:1") == nil)
        #expect(ScoreScale(parsing: "nan:1") == nil)
        #expect(ScoreScale(parsing: "1:") == nil)
    }

    @Test func modelNamesDropTheProviderUnlessMapped() {
        let map = ModelNameMap([("mockllm/sonnet", "big")])
        #expect(map.map("mockllm/sonnet") == "big")
        #expect(map.map("mockllm/haiku") == "haiku")
        #expect(map.map("anthropic:messages:claude-3-5-haiku") == "claude-3-5-haiku")
        #expect(map.map("openrouter:meta/llama") == "llama")
        #expect(map.map("plain") == "plain")
        #expect(map.map("trailing/") == "trailing/")
        #expect(ModelNameMap.pair("a=b")! == ("a", "b"))
        #expect(ModelNameMap.pair("a=") == nil)
        #expect(ModelNameMap.pair("noequals") == nil)
    }

    @Test func evalsFilesAreNumberedAfterTheLargest() throws {
        #expect(try EvalsFileName.next(stem: "inspect-2026-12-02", existing: []) == "0001-inspect-2026-12-02.csv")
        #expect(try EvalsFileName.next(stem: "x", existing: ["0001-baseline.csv", "0007-b.csv", "notes.txt"]) == "0008-x.csv")
        #expect(try EvalsFileName.next(stem: "x", existing: ["0041-a.csv", "0099-b.csv"]) == "0100-x.csv")
        // Past 9999 the new name (10000-…) sorts before 9999-…: renumber first.
        #expect(throws: DataError.self) { try EvalsFileName.next(stem: "x", existing: ["9999-a.csv"]) }
        // An unnumbered file sorts after any number: its rows would beat the import's.
        #expect(throws: DataError.self) { try EvalsFileName.next(stem: "x", existing: ["0001-a.csv", "run-9.csv"]) }
        // 12-b.csv sorts after 0013-x.csv ('1' > '0').
        #expect(throws: DataError.self) { try EvalsFileName.next(stem: "x", existing: ["12-b.csv"]) }
        #expect(EvalsFileName.stem(tool: .promptfoo, date: nil) == "promptfoo")
        #expect(EvalsFileName.isValidStem("haiku-ft_v2.1"))
        #expect(!EvalsFileName.isValidStem("../x"))
        #expect(!EvalsFileName.isValidStem(".hidden"))
        #expect(!EvalsFileName.isValidStem(""))
    }

    @Test func epochsAverageIntoOneRow() {
        let setting = Setting(model: "m", maxTokens: 100, temperature: 0.2, ragChunks: 0)
        func sample(_ id: String, _ q: Double, _ input: Int, _ output: Int, _ ms: Double, read: Int = 0, write: Int = 0) -> ImportedSample {
            ImportedSample(intent: "faq", setting: setting, sampleID: id, quality: q, inputTokens: input,
                           cacheReadTokens: read, cacheWriteTokens: write, outputTokens: output, latencyMs: ms)
        }
        let averaged = EpochAveraging.average([
            sample("a", 1, 10, 5, 100, write: 120), sample("b", 0.5, 20, 6, 50, read: 7), sample("a", 0, 11, 6, 200.001, read: 64),
            sample("a", 0.5, 11, 6, 300, read: 64),
        ])
        #expect(averaged.count == 2)
        // a: quality (1 + 0 + 0.5) / 3 = 0.5; input 32/3 = 10.67 -> 11; output 17/3 = 5.67 -> 6; latency 600.001/3 = 200.000333 -> 200;
        // cache reads 128/3 = 42.67 -> 43, writes 120/3 = 40: each kind averaged apart, never summed into the input.
        #expect(averaged[0].sampleID == "a" && averaged[0].quality == 0.5)
        #expect(averaged[0].inputTokens == 11 && averaged[0].outputTokens == 6)
        #expect(averaged[0].cacheReadTokens == 43 && averaged[0].cacheWriteTokens == 40)
        #expect(averaged[0].latencyMs == 200)
        #expect(averaged[1] == sample("b", 0.5, 20, 6, 50, read: 7))
    }

    @Test func evalsTextSortsAndQuotes() {
        let s = Setting(model: "m", maxTokens: 100, temperature: 0.25, ragChunks: 2)
        let rows = [
            ImportedSample(intent: "faq", setting: s, sampleID: "b,2", quality: 0.5, inputTokens: 3, outputTokens: 4, latencyMs: 12.5),
            ImportedSample(intent: "chat", setting: s, sampleID: "z", quality: 1, inputTokens: 1, outputTokens: 2, latencyMs: 0.001),
            ImportedSample(intent: "faq", setting: s, sampleID: "a\"q", quality: 0, inputTokens: 3, outputTokens: 4, latencyMs: 7),
        ]
        #expect(EvalsFileText.render(rows) == """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            chat,m,100,0.25,2,z,1,1,2,0.001
            faq,m,100,0.25,2,"a""q",0,3,4,7
            faq,m,100,0.25,2,"b,2",0.5,3,4,12.5

            """)
        // One sample with cached tokens: both columns, on every row (0 where none).
        var cached = rows
        cached[1].cacheReadTokens = 512
        #expect(EvalsFileText.render(cached) == """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens
            chat,m,100,0.25,2,z,1,1,2,0.001,512,0
            faq,m,100,0.25,2,"a""q",0,3,4,7,0,0
            faq,m,100,0.25,2,"b,2",0.5,3,4,12.5,0,0

            """)
        cached[0].cacheReadTokens = 0
        cached[1].cacheReadTokens = 0
        cached[2].cacheWriteTokens = 9
        #expect(EvalsFileText.render(cached).hasPrefix(EvalsFileText.headerWithCache + "\n"))
        #expect(EvalsFileText.render(cached).contains("\nfaq,m,100,0.25,2,\"a\"\"q\",0,3,4,7,0,9\n"))
    }

    @Test func jsonLinesMayLackTheNewlineBetweenDocuments() throws {
        let documents = try JSONParser.parseSequence(Array("{\"a\":1}{\"a\":2}\n\n{\"a\":3}\n".utf8), file: "r.jsonl")
        #expect(documents.map { $0.value["a"] } == [.number(1), .number(2), .number(3)])
        #expect(documents.map(\.line) == [1, 1, 3])
        #expect(throws: DataError.self) { try JSONParser.parseSequence(Array("{\"a\":1}\n{\"a\":".utf8), file: "r.jsonl") }
    }
}

/// Imports of the committed fixtures against the figures their generating scripts computed.
@Suite struct ImportFixtureTests {
    static let inspectLogs: [String] = {
        let directory = FixturePaths.fixture("import/inspect")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }()

    /// Expected figures per cell from a figures.tsv, keyed by the cell's description.
    struct Figures { var samples: Int; var quality, input, output, p99, cacheRead, cacheWrite: Double }

    /// Reads a figures.tsv by its header's column names (an Inspect file leads with `scorer`).
    static func figures(_ name: String, scorer: String?) throws -> [String: Figures] {
        let text = try String(contentsOfFile: FixturePaths.fixture("import/" + name + "/figures.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        var out: [String: Figures] = [:]
        for fields in lines.dropFirst() {
            #expect(fields.count == header.count)
            func text(_ column: String) throws -> String {
                let index = try #require(header.firstIndex(of: column), "figures.tsv has no column \(column)")
                return fields[index]
            }
            func number(_ column: String) throws -> Double {
                let field = try text(column)
                guard case .success(let value) = DecimalNumber.parseDouble(Array(field.utf8)) else { throw DataError(file: "figures.tsv", field) }
                return value
            }
            if let scorer, try text("scorer") != scorer { continue }
            let setting = Setting(model: try text("model"), maxTokens: Int(try text("max_tokens")) ?? 0,
                                  temperature: try number("temperature"), ragChunks: Int(try text("rag_chunks")) ?? -1)
            out[ImportedCell(intent: try text("intent"), setting: setting).description] = Figures(
                samples: Int(try text("samples")) ?? -1, quality: try number("mean_quality"), input: try number("mean_input_tokens"),
                output: try number("mean_output_tokens"), p99: try number("p99_latency_ms"),
                cacheRead: try number("mean_cache_read_tokens"), cacheWrite: try number("mean_cache_write_tokens"))
        }
        return out
    }

    /// models.csv for the stubs' models: input $1, output $2 per million tokens, no cache prices.
    static func plainModels(_ names: [String]) -> String {
        "model,input_usd_per_mtok,output_usd_per_mtok\n" + names.map { "\($0),1,2\n" }.joined()
    }

    /// Imports `run` into a fresh directory, fills the stubs (models.csv from `models`; every
    /// intent 100 a day, no response cache) and loads the table.
    static func load(_ run: ImportedRun, models: ([String]) -> String = plainModels) throws -> CellTable {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plan = try ImportPlan.make(run: run, directory: directory)
        try plan.write()
        let stubs = try #require(plan.stubs)
        try OutputTarget(path: directory + "/models.csv").write(models(stubs.models))
        try OutputTarget(path: directory + "/intents.csv").write("intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms\n" + stubs.intents.map { "\($0),100,0,0,100000\n" }.joined())
        return try GoldenDataLoader.load(directory: directory)
    }

    static func expectFigures(_ table: CellTable, _ expected: [String: Figures]) {
        var seen = 0
        for (i, intent) in table.intents.enumerated() {
            for cell in table.cells[i] {
                let key = ImportedCell(intent: intent.name, setting: cell.setting).description
                guard let figures = expected[key] else {
                    Issue.record("cell \(key) is not in figures.tsv")
                    continue
                }
                seen += 1
                #expect(cell.sampleCount == figures.samples, "\(key)")
                #expect(abs(cell.quality - figures.quality) < 1e-12, "\(key)")
                #expect(abs(cell.meanInputTokens - figures.input) < 1e-9, "\(key)")
                #expect(abs(cell.meanOutputTokens - figures.output) < 1e-9, "\(key)")
                #expect(abs(cell.meanCacheReadTokens - figures.cacheRead) < 1e-9, "\(key)")
                #expect(abs(cell.meanCacheWriteTokens - figures.cacheWrite) < 1e-9, "\(key)")
                #expect(abs(cell.p99LatencyMs - figures.p99) < 1e-9, "\(key)")
            }
        }
        #expect(seen == expected.count)
    }

    static func inspectOptions(score: String) -> ImportOptions {
        var options = ImportOptions()
        options.scoreName = score
        options.ragChunks = .field(FieldPath("eval.task_args.rag_chunks", roots: InspectLogReader.pathRoots)!)
        return options
    }

    @Test(arguments: ["match", "judge"]) func inspectCellsEqualTheScriptsFigures(scorer: String) throws {
        #expect(Self.inspectLogs.count == 12)
        let run = try InspectLogReader.read(paths: Self.inspectLogs, options: Self.inspectOptions(score: scorer))
        // 4 tasks' worth of samples: (4 + 4 + 3) × 3 epochs × 2 models × 2 settings, one errored.
        #expect(run.samples.count == 131)
        #expect(run.skips.errored == 1)
        #expect(run.date == "2026-12-02")
        let expected = try Self.figures("inspect", scorer: scorer)
        #expect(expected.count == 16)
        // The logs hold cache reads and writes, so the comparison below checks both columns.
        #expect(expected.values.filter { $0.cacheRead > 0 }.count == 9)
        #expect(expected.values.filter { $0.cacheWrite > 0 }.count == 3)
        Self.expectFigures(try Self.load(run), expected)
    }

    @Test func inspectEpochsKeepTheirNumberOrAverage() throws {
        let faq = Self.inspectLogs.filter { $0.hasSuffix("faq-haiku-t0.2-rag0.json") }
        let distinct = try InspectLogReader.read(paths: faq, options: Self.inspectOptions(score: "match"))
        #expect(distinct.samples.count == 11)
        #expect(distinct.samples.contains { $0.sampleID == "faq-0004#3" })
        #expect(!distinct.samples.contains { $0.sampleID == "faq-0004#2" })
        var options = Self.inspectOptions(score: "match")
        options.epochs = .mean
        let mean = try InspectLogReader.read(paths: faq, options: options)
        #expect(mean.samples.map(\.sampleID).sorted() == ["faq-0001", "faq-0002", "faq-0003", "faq-0004"])
        // faq-0004 keeps the mean of its two clean epochs.
        let clean = distinct.samples.filter { $0.sampleID.hasPrefix("faq-0004#") }
        #expect(clean.count == 2)
        let averaged = try #require(mean.samples.first { $0.sampleID == "faq-0004" })
        #expect(abs(averaged.quality - clean.map(\.quality).reduce(0, +) / 2) < 1e-12)
    }

    @Test func inspectCacheTokensMapOneToOne() throws {
        // Inspect counts cache reads and writes apart from input_tokens: each maps to its own
        // column as it is, and the judge's 200 input tokens (its own model_usage entry) are not counted.
        let run = try InspectLogReader.read(paths: Self.inspectLogs, options: Self.inspectOptions(score: "match"))
        var checked = (read: 0, write: 0)
        for path in Self.inspectLogs {
            let log = try JSONFile.read(path: path)
            let model = try #require(log["eval"]?["model"]?.string)
            let setting = (log["plan"]?["config"]?["temperature"]?.number, log["eval"]?["task_args"]?["rag_chunks"]?.nonNegativeInteger)
            for entry in log["samples"]?.array ?? [] where entry["error"] == nil || entry["error"] == .null {
                let usage = try #require(entry["model_usage"]?[model])
                let id = "\(try #require(entry["id"]?.string))#\(try #require(entry["epoch"]?.nonNegativeInteger))"
                let sample = try #require(run.samples.first {
                    $0.sampleID == id && "mockllm/" + $0.setting.model == model && $0.setting.temperature == setting.0 && $0.setting.ragChunks == setting.1
                })
                let read = usage["input_tokens_cache_read"]?.nonNegativeInteger ?? 0
                let write = usage["input_tokens_cache_write"]?.nonNegativeInteger ?? 0
                #expect(sample.inputTokens == usage["input_tokens"]?.nonNegativeInteger, "\(path) \(id)")
                #expect(sample.cacheReadTokens == read && sample.cacheWriteTokens == write, "\(path) \(id)")
                if read > 0 { checked.read += 1 }
                if write > 0 { checked.write += 1 }
            }
        }
        // Both kinds occur in the logs (the script's mock: about 30% of prompts read, 15% write).
        #expect(checked.read > 20 && checked.write > 5)
        // With cached tokens in the run, the evals file carries the two columns.
        #expect(EvalsFileText.render(run.samples).hasPrefix(EvalsFileText.headerWithCache + "\n"))
    }

    @Test func inspectCachePricesPriceEachCellBelowTheLumpedCost() throws {
        // Cache reads at 0.1× and writes at 1.25× the input price (Anthropic's ratios): input $10,
        // output $20, read $1, write $12.5 per million tokens, all exact in binary.
        let run = try InspectLogReader.read(paths: Self.inspectLogs, options: Self.inspectOptions(score: "judge"))
        let table = try Self.load(run) { names in
            "model,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok,cache_write_usd_per_mtok\n"
                + names.map { "\($0),10,20,1,12.5\n" }.joined()
        }
        let calls = 100.0 * 30
        var counts = (below: 0, equal: 0, above: 0)
        var total = (priced: 0.0, lumped: 0.0)
        for (i, intent) in table.intents.enumerated() {
            for cell in table.cells[i] {
                let key = "\(intent.name) \(cell.setting)"
                // The old import's cost: every input token, cached or not, at the input price.
                let lumped = calls * ((cell.meanInputTokens + cell.meanCacheReadTokens + cell.meanCacheWriteTokens) * 10
                                      + cell.meanOutputTokens * 20) / 1e6
                // By hand: a read saves $9 and a write costs $2.5 more per million tokens.
                let expected = lumped + calls * (-9 * cell.meanCacheReadTokens + 2.5 * cell.meanCacheWriteTokens) / 1e6
                #expect(abs(cell.monthlyCostUSD - expected) < 1e-9, "\(key)")
                total.priced += cell.monthlyCostUSD
                total.lumped += lumped
                if cell.meanCacheReadTokens > 0 {
                    #expect(cell.monthlyCostUSD < lumped, "\(key)")
                    counts.below += 1
                } else if cell.meanCacheWriteTokens > 0 {
                    // Writes alone cost more than fresh input: this cell is dearer than lumped.
                    #expect(cell.monthlyCostUSD > lumped, "\(key)")
                    counts.above += 1
                } else {
                    #expect(abs(cell.monthlyCostUSD - lumped) < 1e-9, "\(key)")
                    counts.equal += 1
                }
            }
        }
        // Every cell that reads from the cache (9) is below its lumped cost, so is the total;
        // 6 cells have no cached tokens, and order_tracking sonnet/256 only writes (60 tokens a sample).
        #expect(counts.below == 9 && counts.equal == 6 && counts.above == 1)
        #expect(total.priced < total.lumped)
    }

    static var promptfooOptions: ImportOptions {
        var options = ImportOptions()
        options.ragChunks = .field(FieldPath("vars.rag_chunks", roots: PromptfooResultsReader.pathRoots)!)
        options.modelMap = ModelNameMap([("openai:chat:gpt-4o-mini", "mini"), ("anthropic:messages:claude-3-5-sonnet-20241022", "sonnet"),
                                         ("sonnet-warm", "sonnet")])
        return options
    }

    @Test func promptfooJSONAndJSONLGiveTheSameBytesAndTheScriptsFigures() throws {
        let json = try PromptfooResultsReader.read(path: FixturePaths.fixture("import/promptfoo/results.json"), options: Self.promptfooOptions)
        let jsonl = try PromptfooResultsReader.read(path: FixturePaths.fixture("import/promptfoo/results.jsonl"), options: Self.promptfooOptions)
        #expect(json.samples.count == 34 && jsonl.samples.count == 34)
        #expect(json.skips.errored == 1 && json.skips.cached == 1)
        #expect(jsonl.skips == json.skips)
        #expect(json.date == "2026-11-30" && jsonl.date == nil)
        // Two prompts: ids carry the prompt index.
        #expect(json.samples.contains { $0.sampleID == "t5-p1" })
        #expect(EvalsFileText.render(json.samples) == EvalsFileText.render(jsonl.samples))
        Self.expectFigures(try Self.load(jsonl), try Self.figures("promptfoo", scorer: nil))
    }

    @Test func promptfooCachedRowsAreKeptOnRequest() throws {
        var options = Self.promptfooOptions
        options.keepCached = true
        // The cached row has no prompt/completion split: an error, or skipped as incomplete.
        #expect(throws: DataError.self) { try PromptfooResultsReader.read(path: FixturePaths.fixture("import/promptfoo/results.json"), options: options) }
        options.skipIncomplete = true
        let run = try PromptfooResultsReader.read(path: FixturePaths.fixture("import/promptfoo/results.json"), options: options)
        #expect(run.skips.cached == 0 && run.skips.incomplete == 1 && run.samples.count == 34)
    }

    /// A JSONL of promptfoo rows with the given `response` objects (one test each, gpt-4o-mini).
    static func promptfooRows(_ responses: [String]) -> String {
        responses.enumerated().map { index, response in
            #"{"testIdx":\#(index),"promptIdx":0,"provider":{"id":"openai:chat:gpt-4o-mini","config":{"max_tokens":256,"temperature":0}},"#
                + #""testCase":{"vars":{"intent":"faq","rag_chunks":"0"}},"score":1,"latencyMs":800,"response":\#(response)}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test func promptfooTakesOpenAIsCachedTokensOutOfThePrompt() throws {
        // promptfoo (src/providers/openai/util.ts) keeps OpenAI's prompt_tokens, cached tokens
        // included, in `prompt`, and its prompt_tokens_details.cached_tokens in
        // completionDetails.cacheReadInputTokens (cache_write_tokens in cacheCreationInputTokens).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-pf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/results.jsonl"
        try OutputTarget(path: path).write(Self.promptfooRows([
            #"{"cached":false,"tokenUsage":{"total":1540,"prompt":1500,"completion":40,"numRequests":1,"completionDetails":{"reasoning":0,"cacheReadInputTokens":1024}}}"#,
            #"{"cached":false,"tokenUsage":{"total":930,"prompt":900,"completion":30,"numRequests":1,"completionDetails":{"cacheReadInputTokens":200,"cacheCreationInputTokens":300}}}"#,
            #"{"cached":false,"tokenUsage":{"total":620,"prompt":600,"completion":20,"numRequests":1}}"#,
            // tokenUsage.cached is not a provider cache count: never subtracted.
            #"{"cached":false,"tokenUsage":{"total":820,"prompt":800,"completion":20,"cached":512,"numRequests":1}}"#,
            // Replayed from promptfoo's own cache: skipped.
            #"{"cached":true,"tokenUsage":{"cached":1540,"total":1540}}"#,
        ]))
        var options = ImportOptions()
        options.ragChunks = .fixed(0)
        let run = try PromptfooResultsReader.read(path: path, options: options)
        #expect(run.skips.cached == 1)
        let figures = run.samples.map { [$0.inputTokens, $0.cacheReadTokens, $0.cacheWriteTokens, $0.outputTokens] }
        // 1500 − 1024 = 476 fresh; 900 − 200 − 300 = 400 fresh; the others as they are.
        #expect(figures == [[476, 1024, 0, 40], [400, 200, 300, 30], [600, 0, 0, 20], [800, 0, 0, 20]])
        #expect(EvalsFileText.render(run.samples) == """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens
            faq,gpt-4o-mini,256,0,0,t0,1,476,40,800,1024,0
            faq,gpt-4o-mini,256,0,0,t1,1,400,30,800,200,300
            faq,gpt-4o-mini,256,0,0,t2,1,600,20,800,0,0
            faq,gpt-4o-mini,256,0,0,t3,1,800,20,800,0,0

            """)
        // Cached tokens above the prompt count cannot be inside it: an error naming the row and field.
        try OutputTarget(path: path).write(Self.promptfooRows([
            #"{"cached":false,"tokenUsage":{"prompt":100,"completion":5,"completionDetails":{"cacheReadInputTokens":80,"cacheCreationInputTokens":30}}}"#,
        ]))
        #expect(throws: DataError(file: path, line: 1, field: "response.tokenUsage.completionDetails",
                                  "sample test 0: the cache reads and writes (80 + 30) exceed the 100 prompt tokens; expected them counted inside response.tokenUsage.prompt, as promptfoo counts OpenAI's cached tokens")) {
            try PromptfooResultsReader.read(path: path, options: options)
        }
        try OutputTarget(path: path).write(Self.promptfooRows([
            #"{"cached":false,"tokenUsage":{"prompt":100,"completion":5,"completionDetails":{"cacheReadInputTokens":-1}}}"#,
        ]))
        #expect(throws: DataError.self) { try PromptfooResultsReader.read(path: path, options: options) }
    }

    @Test func promptfooNamedScores() throws {
        var options = Self.promptfooOptions
        options.scoreName = "accuracy"
        let run = try PromptfooResultsReader.read(path: FixturePaths.fixture("import/promptfoo/results.jsonl"), options: options)
        let document = try JSONFile.read(path: FixturePaths.fixture("import/promptfoo/results.json"))
        let row = try #require(document["results"]?["results"]?.array?.first { $0["testIdx"] == .number(3) && $0["promptIdx"] == .number(0) && $0["provider"]?["label"] == nil && $0["provider"]?["id"] == .string("openai:chat:gpt-4o-mini") })
        let sample = try #require(run.samples.first { $0.sampleID == "t3-p0" && $0.setting.model == "mini" })
        #expect(sample.quality == row["namedScores"]?["accuracy"]?.number)
    }
}

/// A library caller's messages name `ImportOptions` properties, not CLI flags.
@Suite struct ImportOptionNameTests {
    @Test func messagesNameTheLibrarysOptionsUnlessTold() throws {
        let path = try #require(ImportFixtureTests.inspectLogs.first)
        var options = ImportOptions()
        options.scoreName = "match"
        do {
            _ = try InspectLogReader.read(paths: [path], options: options)
            Issue.record("a log without a RAG chunk count must fail")
        } catch let error as DataError {
            #expect(error.message.hasSuffix("no RAG chunk count; expected ImportOptions.ragChunks (0 without retrieval)"))
            #expect(error.field == "samples[0]")
        }
        options.optionNames[.ragChunks] = "--rag-chunks N"
        #expect(throws: DataError(file: path, field: "samples[0]", "sample chat-0001 epoch 1: no RAG chunk count; expected --rag-chunks N (0 without retrieval)")) {
            try InspectLogReader.read(paths: [path], options: options)
        }
    }
}
