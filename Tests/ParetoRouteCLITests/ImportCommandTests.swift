import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `paretoroute import` end to end: import, validate, optimize; never overwriting; dry runs; errors.
@Suite struct ImportCommandTests {
    static let inspectDirectory = Paths.fixture("import/inspect")
    static let inspectLogs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: inspectDirectory)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted().map { inspectDirectory + "/" + $0 }
    static let inspectFlags = ["--score", "judge", "--rag-field", "eval.task_args.rag_chunks"]

    static func fill(_ directory: String) throws {
        try "model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd\nhaiku,0.25,1.25,\nsonnet,3,15,\n"
            .write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try """
            intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight
            chitchat,1000,0,0.5,1000,
            faq,5000,0.3,0.6,1000,
            order_tracking,2000,0,0.6,1000,
            return_request,800,0,0.5,1000,

            """.write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
    }

    static func contents(_ directory: String) -> [String] {
        (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func importThenValidateThenOptimize() throws {
        let directory = try Paths.temporaryDirectory() + "/data"
        let imported = runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", directory])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("inspect: 131 samples in 16 cells -> evals/0001-inspect-2026-12-02.csv"))
        #expect(imported.out.contains("skipped: 1 errored"))
        #expect(imported.out.contains("adds 16 cells:"))
        #expect(imported.out.contains("  faq haiku/256/t0.2/rag0: 11 samples"))
        #expect(imported.out.contains("created models.csv (2 models) and intents.csv (4 intents)"))
        #expect(Self.contents(directory) == ["evals", "evals/0001-inspect-2026-12-02.csv", "intents.csv", "models.csv"])

        // The stubs leave prices, volumes, floors and caps empty: validate names each, one line each.
        let unfilled = runTool(["validate", "--data", directory])
        #expect(unfilled.status == 65)
        let lines = unfilled.err.split(separator: "\n")
        // 2 models × 2 prices + 4 intents × (volume, floor, cap).
        #expect(lines.count == 16)
        #expect(lines.allSatisfy { $0.hasPrefix("paretoroute: ") && $0.contains(": is empty; expected ") })
        #expect(lines.first == "paretoroute: models.csv:2: column 'input_usd_per_mtok': is empty; expected a number >= 0 for model 'haiku'")
        #expect(lines.contains("paretoroute: intents.csv:5: column 'max_p99_latency_ms': is empty; expected a number > 0 for intent 'return_request'"))

        try Self.fill(directory)
        let valid = runTool(["validate", "--data", directory])
        #expect(valid.status == 0, "\(valid.err)")
        #expect(valid.out.contains("131 eval rows, 4 intents, 2 models, 16 cells"))
        // docs/importing.md shows this front; here NSGA-II must find the whole exact front of this small data.
        let front = runTool(["optimize", "--data", directory, "--quiet", "--json"])
        #expect(front.status == 0, "\(front.err)")
        let exact = runTool(["exact", "--data", directory, "--quiet", "--json"])
        let found = try Front(bytes: Array(front.out.utf8), file: "optimize"), best = try Front(bytes: Array(exact.out.utf8), file: "exact")
        #expect(found.points.count == best.points.count)
        #expect(found.points.map(\.monthlyCostUSD) == best.points.map(\.monthlyCostUSD))
        #expect(found.points.map(\.quality) == best.points.map(\.quality))
    }

    @Test func importingTwiceAddsANewFileAndReplacesCells() throws {
        let directory = try Paths.temporaryDirectory()
        #expect(runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", directory]).status == 0)
        let first = directory + "/evals/0001-inspect-2026-12-02.csv"
        let before = try Data(contentsOf: URL(fileURLWithPath: first))
        try Self.fill(directory)
        // The same logs again: a second file that replaces every cell, the first untouched.
        let again = runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", directory])
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("-> evals/0002-inspect-2026-12-02.csv"))
        #expect(again.out.contains("adds 0 cells\n"))
        #expect(again.out.contains("replaces 16 cells:"))
        #expect(again.out.contains("  faq haiku/256/t0.2/rag0: 11 -> 11 samples"))
        #expect(!again.out.contains("created"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/evals/0002-inspect-2026-12-02.csv")) == before)
        // One log with epochs averaged: its cell drops from 11 rows to 4, and import warns.
        let faq = Self.inspectLogs.filter { $0.hasSuffix("/faq-haiku-t0.2-rag0.json") }
        let shrink = runTool(["import", "inspect"] + faq + Self.inspectFlags + ["--epochs", "mean", "--name", "faq-rerun", "--data", directory])
        #expect(shrink.status == 0, "\(shrink.err)")
        #expect(shrink.out.contains("-> evals/0003-faq-rerun.csv"))
        #expect(shrink.out.contains("warning: faq haiku/256/t0.2/rag0 shrinks from 11 to 4 samples"))
        #expect(runTool(["validate", "--data", directory]).out.contains("5 files, 266 eval rows"))
    }

    @Test func dryRunWritesNothing() throws {
        let directory = try Paths.temporaryDirectory()
        let dry = runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", directory, "--dry-run"])
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("-> would write evals/0001-inspect-2026-12-02.csv"))
        #expect(dry.out.contains("would add 16 cells:"))
        #expect(dry.out.contains("dry run: nothing written"))
        #expect(dry.out.contains("would create models.csv"))
        #expect(Self.contents(directory).isEmpty)
        let missing = directory + "/not-yet"
        #expect(runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", missing, "--dry-run"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func promptfooJSONAndJSONLWriteIdenticalFiles() throws {
        let map = ["--model-map", "openai:chat:gpt-4o-mini=mini", "--model-map", "anthropic:messages:claude-3-5-sonnet-20241022=sonnet",
                   "--model-map", "sonnet-warm=sonnet", "--rag-field", "vars.rag_chunks"]
        let a = try Paths.temporaryDirectory(), b = try Paths.temporaryDirectory()
        let json = runTool(["import", "promptfoo", Paths.fixture("import/promptfoo/results.json"), "--data", a] + map)
        let jsonl = runTool(["import", "promptfoo", Paths.fixture("import/promptfoo/results.jsonl"), "--data", b] + map)
        #expect(json.status == 0 && jsonl.status == 0, "\(json.err)\(jsonl.err)")
        #expect(json.out.contains("skipped: 1 errored, 1 served from promptfoo's cache"))
        // The JSONL form carries no timestamp.
        let fromJSON = try Data(contentsOf: URL(fileURLWithPath: a + "/evals/0001-promptfoo-2026-11-30.csv"))
        let fromJSONL = try Data(contentsOf: URL(fileURLWithPath: b + "/evals/0001-promptfoo.csv"))
        #expect(fromJSON == fromJSONL)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/models.csv")) == Data("model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd\nmini,,,\nsonnet,,,\n".utf8))
    }

    @Test func evalLogsAndEvalsCSVAreRefusedWithTheFix() throws {
        let directory = try Paths.temporaryDirectory()
        let eval = runTool(["import", "inspect", Self.inspectDirectory + "/faq-haiku.eval", "--data", directory] + Self.inspectFlags)
        #expect(eval.status == 65)
        #expect(eval.err.contains("faq-haiku.eval: is an Inspect .eval log"))
        #expect(eval.err.contains("inspect log convert --to json --output-dir \(Self.inspectDirectory) \(Self.inspectDirectory)/faq-haiku.eval"))
        #expect(eval.err.split(separator: "\n").count == 1)
        try "intent\n".write(toFile: directory + "/evals.csv", atomically: true, encoding: .utf8)
        let flat = runTool(["import", "inspect", Self.inspectLogs[0], "--data", directory] + Self.inspectFlags)
        #expect(flat.status == 64)
        #expect(flat.err.contains("mv \(directory)/evals.csv \(directory)/evals/0001-evals.csv"))
    }

    /// A minimal Inspect log (the fields import reads) with two samples.
    static func log(secondScore: String = "\"C\"", scorers: String = #"[{"name": "match"}]"#, config: String = #"{"max_tokens": 100, "temperature": 0.5}"#) -> String {
        """
        {"eval": {"model": "mockllm/small", "created": "2026-01-05T10:00:00+00:00", "task_args": {},
                  "model_generate_config": \(config), "scorers": \(scorers)},
         "plan": {"config": {}},
         "samples": [
          {"id": 1, "epoch": 1, "metadata": {"intent": "faq"}, "scores": {"match": {"value": "I"}},
           "output": {"usage": {"input_tokens": 10, "output_tokens": 20}, "time": 0.5}},
          {"id": "faq-0007", "epoch": 1, "metadata": {"intent": "faq"}, "scores": {"match": {"value": \(secondScore)}},
           "model_usage": {"mockllm/small": {"input_tokens": 7, "input_tokens_cache_read": 3, "output_tokens": 4}},
           "output": {"usage": {"input_tokens": 1, "output_tokens": 1}, "time": 0.0012346}}
         ]}
        """
    }

    @Test func aSmallLogImportsExactly() throws {
        let directory = try Paths.temporaryDirectory()
        try Self.log().write(toFile: directory + "/log.json", atomically: true, encoding: .utf8)
        let result = runTool(["import", "inspect", directory + "/log.json", "--rag-chunks", "0", "--data", directory + "/data"])
        #expect(result.status == 0, "\(result.err)")
        // Sample 1 (an integer id): output.usage, 0.5 s = 500 ms. Sample 2: model_usage wins over
        // output.usage; its 7 input tokens stay 7 and its cache read goes to cache_read_tokens (3),
        // never into the input; 0.0012346 s = 1.2346 ms -> 1.235.
        let text = try String(contentsOfFile: directory + "/data/evals/0001-inspect-2026-01-05.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens")
        let rows = Array(lines.dropFirst())
        #expect(rows.count == 2)
        #expect(rows[0] == "faq,small,100,0.5,0,1,0,10,20,500,0,0")
        #expect(rows[1] == "faq,small,100,0.5,0,faq-0007,1,7,4,1.235,3,0")
        // Without cached tokens in the run, the file keeps the version-1 columns and bytes.
        try Self.log().replacingOccurrences(of: #""input_tokens_cache_read": 3, "#, with: "")
            .write(toFile: directory + "/plain.json", atomically: true, encoding: .utf8)
        let plain = runTool(["import", "inspect", directory + "/plain.json", "--rag-chunks", "0", "--data", directory + "/plain"])
        #expect(plain.status == 0, "\(plain.err)")
        #expect(try String(contentsOfFile: directory + "/plain/evals/0001-inspect-2026-01-05.csv", encoding: .utf8) == """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,small,100,0.5,0,1,0,10,20,500
            faq,small,100,0.5,0,faq-0007,1,7,4,1.235

            """)
    }

    @Test func importedCacheTokensValidateAndPriceAtTheCachePrices() throws {
        let directory = try Paths.temporaryDirectory() + "/data"
        let imported = runTool(["import", "inspect"] + Self.inspectLogs + Self.inspectFlags + ["--data", directory])
        #expect(imported.status == 0, "\(imported.err)")
        let file = try String(contentsOfFile: directory + "/evals/0001-inspect-2026-12-02.csv", encoding: .utf8)
        #expect(file.hasPrefix("intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens\n"))
        try Self.fill(directory)
        // Without cache prices the cached tokens cost the input price: the lumped front.
        let lumped = runTool(["optimize", "--data", directory, "--quiet"])
        #expect(lumped.out.contains("cheapest (#1): $79.19/month"), "\(lumped.out)")
        // The same models with cache prices (read 0.1×, write 1.25× the input price).
        try "model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd,cache_read_usd_per_mtok,cache_write_usd_per_mtok\nhaiku,0.25,1.25,,0.025,0.3125\nsonnet,3,15,,0.3,3.75\n"
            .write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        let valid = runTool(["validate", "--data", directory])
        #expect(valid.status == 0, "\(valid.err)")
        #expect(valid.out.contains("131 eval rows, 4 intents, 2 models, 16 cells"))
        // validate's 'cached' column: the share of chitchat's input tokens cached in the evals.
        #expect(valid.out.split(separator: "\n").contains { $0.hasPrefix("chitchat ") && $0.contains(" 27.3%  evals") })
        // The cheapest feasible cell of each intent, priced with the cache prices.
        for (intent, cheapest) in [("chitchat", "$10.55"), ("faq", "$38.40"), ("order_tracking", "$19.80"), ("return_request", "$9.82")] {
            let row = valid.out.split(separator: "\n").first { $0.hasPrefix(intent + " ") }
            #expect(row?.contains(" " + cheapest + " ") == true, "\(intent): \(row ?? "no row")")
        }
        // The cheapest configuration is those four cells: $10.55 + $38.40 + $19.80 + $9.82 = $78.57,
        // below the lumped $79.19; the best-quality end drops from $1,265 to $1,191.
        let priced = runTool(["optimize", "--data", directory, "--quiet"])
        #expect(priced.status == 0, "\(priced.err)")
        #expect(priced.out.hasPrefix("ParetoRoute front (nsga2): 34 points"), "\(priced.out)")
        #expect(priced.out.contains("cheapest (#1): $78.57/month"))
        #expect(priced.out.contains("best quality (#34): $1,191/month"))
        let exact = runTool(["exact", "--data", directory, "--quiet"])
        #expect(exact.out.hasPrefix("ParetoRoute front (exact): 34 points"), "\(exact.out)")
    }

    @Test func errorsNameTheFileTheSampleAndThePath() throws {
        let directory = try Paths.temporaryDirectory()
        let path = directory + "/log.json"
        func run(_ log: String, _ extra: [String] = ["--rag-chunks", "0"]) throws -> (status: Int32, out: String, err: String) {
            try log.write(toFile: path, atomically: true, encoding: .utf8)
            return runTool(["import", "inspect", path, "--data", directory + "/data"] + extra)
        }
        let badScore = try run(Self.log(secondScore: "\"X\""))
        #expect(badScore.status == 65)
        #expect(badScore.err == "paretoroute: \(path): field 'samples[1].scores.match.value': sample faq-0007: 'X' is not a score; expected C, I, P, N, a boolean or a number in [0, 1]\n")
        let rubric = try run(Self.log(secondScore: "7"), ["--rag-chunks", "0", "--score-scale", "1:5"])
        #expect(rubric.err.contains("7 is not a score; expected C, I, P, N, a boolean or a number in [1, 5] (--score-scale)"))
        let several = try run(Self.log(scorers: #"[{"name": "match"}, {"name": "judge"}]"#))
        #expect(several.status == 65)
        #expect(several.err.contains("field 'eval.scorers': the log has several scorers (match, judge); expected --score NAME"))
        let noSetting = try run(Self.log(config: "{}"))
        #expect(noSetting.status == 65)
        #expect(noSetting.err.contains("the log sets no max_tokens; expected one, or --max-tokens for the value the eval ran with"))
        let filled = try run(Self.log(config: "{}"), ["--rag-chunks", "0", "--max-tokens", "100", "--temperature", "0", "--dry-run"])
        #expect(filled.status == 0, "\(filled.err)")
        let conflicting = try run(Self.log(), ["--rag-chunks", "0", "--max-tokens", "64"])
        #expect(conflicting.err.contains("field 'eval.model_generate_config.max_tokens': the log says max_tokens 100 but --max-tokens says 64"))
        let noRag = try run(Self.log(), [])
        #expect(noRag.status == 65)
        #expect(noRag.err.contains("expected --rag-field PATH or --rag-chunks N"))
        let badPath = try run(Self.log(), ["--intent-field", "intent", "--rag-chunks", "0"])
        #expect(badPath.status == 64)
        #expect(badPath.err.contains("--intent-field 'intent' is not a path; expected metadata.<key>, eval.task_args.<key>, eval.task"))
        let incomplete = try run(Self.log().replacingOccurrences(of: #""time": 0.5"#, with: #""time": null"#))
        #expect(incomplete.err.contains("field 'samples[0].output.time': sample 1: is missing; expected the generation's time in seconds (or --skip-incomplete)"))
        let skipped = try run(Self.log().replacingOccurrences(of: #""time": 0.5"#, with: #""time": null"#), ["--rag-chunks", "0", "--skip-incomplete", "--dry-run"])
        #expect(skipped.out.contains("skipped: 1 without tokens or latency"))
    }
}
