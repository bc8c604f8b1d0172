import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `compare`, loud replacements and confidence errors through the CLI (issue 26).
@Suite struct StatisticsCommandTests {
    /// A data directory: intents `math` and `logic` (floor 0.26), each with a 3-sample cell whose
    /// mean 0.3333 clears the floor and a 200-sample cell `m/200` below it; `extra` evals appended.
    static func data(extra: [String: String] = [:]) throws -> String {
        let directory = try Paths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/evals", withIntermediateDirectories: true)
        try "model,input_usd_per_mtok,output_usd_per_mtok\nm,1,2\n".write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms\nmath,100,0,0.26,5000\nlogic,100,0,0.26,5000\n"
            .write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        var rows = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\n"
        for intent in ["math", "logic"] {
            for (k, q) in [0, 0, 1].enumerated() { rows += "\(intent),m,100,0,0,q\(k),\(q),100,10,100\n" }
            for k in 0..<200 { rows += "\(intent),m,200,0,0,q\(k),\(k % 10 == 0 ? 1 : 0),100,10,100\n" }
        }
        try rows.write(toFile: directory + "/evals/0001-base.csv", atomically: true, encoding: .utf8)
        for (name, text) in extra { try text.write(toFile: directory + "/evals/" + name, atomically: true, encoding: .utf8) }
        return directory
    }

    @Test func aConfidenceThatEmptiesIntentsBlamesTheOptionAndNamesThemAll() throws {
        let directory = try Self.data()
        #expect(runTool(["exact", "--data", directory, "--quiet"]).status == 0)
        let run = runTool(["exact", "--data", directory, "--confidence", "0.95", "--quiet"])
        #expect(run.status == 64)
        #expect(run.err.hasPrefix("paretoroute: --confidence: a confidence of 0.95 leaves 2 intent(s) with no feasible cell, though cells meet floor and cap by their means: math (best lower bound of quality 0.0000 against the floor 0.2600, mean 0.3333 on 3 sample(s), m/100/t0/rag0); logic ("))
        #expect(run.err.hasSuffix("; expected a lower confidence, or more samples for these intents\n"))
        #expect(!run.err.contains("intents.csv"))
    }

    @Test func aThreeRowReplacementWarnsInValidateAndOptimize() throws {
        let three = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\n"
            + (0..<3).map { "math,m,200,0,0,q\($0),1,100,10,100\n" }.joined()
        let directory = try Self.data(extra: ["0002-three.csv": three])
        let warning = "math m/200/t0/rag0: evals/0002-three.csv replaces its 200 samples (evals/0001-base.csv) with 3; its figures now rest on 3 sample(s)"
        let validate = runTool(["validate", "--data", directory])
        #expect(validate.out.contains("warning: " + warning))
        let optimize = runTool(["optimize", "--data", directory, "--generations", "5", "--population", "8"])
        #expect(optimize.status == 0)
        #expect(optimize.err.contains("warning: " + warning))
        let compare = runTool(["compare", try Self.data(), directory])
        #expect(compare.out.contains("\nFEWER SAMPLES: math m/200/t0/rag0: 200 → 3 (evals/0002-three.csv)"))
    }

    @Test func compareGatesAConfigurationOnCellsThatGotWorse() throws {
        // Every 0/1 score of math's 200-sample cell that was 1 becomes 0: 20 discordant pairs one way.
        let worse = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\n"
            + (0..<200).map { "math,m,200,0,0,q\($0),0,100,10,100\n" }.joined()
        let old = try Self.data()
        let later = old + "/rerun.csv"
        try worse.write(toFile: later, atomically: true, encoding: .utf8)
        let config = old + "/config.json"
        try #"{"intents": {"math": {"model": "m", "max_tokens": 200, "temperature": 0, "rag_chunks": 0}, "logic": {"model": "m", "max_tokens": 100, "temperature": 0, "rag_chunks": 0}}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let gate = runTool(["compare", old, later, "--fail-if-worse", config])
        #expect(gate.status == 3)
        #expect(gate.err.contains("compare: 1 cell(s) of \(config) got worse beyond noise: math m/200/t0/rag0"))
        // McNemar: b = 20, c = 0: p = 2 · 2⁻²⁰.
        let json = runTool(["compare", old, later, "--json"])
        let object = try JSONParser.parse(Array(json.out.utf8), file: "compare.json")
        let cell = object["changed_cells"]?.array?.first
        #expect(cell?["quality"]?["test"] == .string("mcnemar"))
        #expect(cell?["quality"]?["p_value"] == .number(2 * pow(0.5, 20)))
        #expect(cell?["regressions"]?.array?.count == 20)
        #expect(runTool(["compare", old, later, "--fail-if-worse", config, "--fdr", "1.5"]).status == 64)
    }
}
