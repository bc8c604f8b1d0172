import Foundation
import ParetoRoute
import Testing
@testable import ParetoRouteCLI

/// `usage` and `calibrate` through the CLI, on logs written once for the suite.
@Suite(.serialized)
struct UsageCommandTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// Seven days at 1 % of the default data's traffic with the planted anomalies, and without.
    static let logs: (planted: String, clean: String, directory: String) = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        func write(_ plant: Bool, _ name: String) -> String {
            let path = directory + "/" + name
            guard let table = try? GoldenDataLoader.load(directory: golden, keepingSamples: true),
                  let production = try? Configuration.load(path: golden + "/production.json") else { return path }
            var text = ""
            try? UsageLogGenerator(table: table, configuration: production, days: 7, scale: 0.01, seed: 3, plantAnomalies: plant)
                .write { text += $0 }
            try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        return (write(true, "planted.jsonl"), write(false, "clean.jsonl"), directory)
    }()

    @Test func jsonHasTheIssuesKeysAndFailOnAnomalyExits3() throws {
        let run = runTool(["usage", Self.logs.planted, "--data", Self.golden, "--json", "--fail-on-anomaly"])
        #expect(run.status == 3)
        let json = try JSONParser.parse(Array(run.out.utf8), file: "out")
        for key in ["lines", "malformed_lines", "requests", "by_intent", "by_model", "days", "anomalies"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["anomaly_counts"]?["cost_spike"]?.number == 1)
        #expect(json["anomaly_counts"]?["velocity_spike"]?.number == 1)
        #expect(json["anomaly_counts"]?["token_explosion"]?.number == 1)
        let clean = runTool(["usage", Self.logs.clean, "--data", Self.golden, "--fail-on-anomaly"])
        #expect(clean.status == 0)
        #expect(clean.out.contains("Anomalies: cost_spike 0, token_explosion 0, velocity_spike 0, budget 0"))
    }

    @Test func textFitsEightyColumns() {
        let run = runTool(["usage", Self.logs.planted, "--data", Self.golden, "--width", "80"])
        #expect(run.status == 0)
        #expect(run.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(run.out.contains("Cost by intent:"))
        #expect(run.out.contains("planted-cost-spike"))
    }

    @Test func strictStopsAtTheFirstMalformedLineWith65() throws {
        let path = Self.logs.directory + "/bad.jsonl"
        let text = #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet"}"# + "\n"
            + #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet","output_tokens":-1}"# + "\n{oops\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let strict = runTool(["usage", path, "--data", Self.golden, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.err == "paretoroute: \(path):2: field 'output_tokens': expected a number >= 0, got -1\n")
        let lenient = runTool(["usage", path, "--data", Self.golden, "--json"])
        #expect(lenient.status == 0)
        let json = try JSONParser.parse(Array(lenient.out.utf8), file: "out")
        #expect(json["malformed_lines"]?.number == 2)
        #expect(json["requests"]?.number == 1)
        #expect(json["malformed"]?.array?.compactMap { $0["line"]?.number } == [2, 3])
        #expect(runTool(["usage", Self.logs.directory + "/missing.jsonl", "--data", Self.golden]).status == 66)
    }

    @Test func calibrateWritesADirectoryThatValidatesAndNeverOverwrites() throws {
        let out = Self.logs.directory + "/calibrated"
        let run = runTool(["calibrate", Self.logs.clean, "--data", Self.golden, "--out", out])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("wrote \(out): intents.csv from 7 whole days of logs"))
        #expect(runTool(["validate", "--data", out]).status == 0)
        let again = runTool(["calibrate", Self.logs.clean, "--data", Self.golden, "--out", out])
        #expect(again.status == 73)
        #expect(runTool(["calibrate", Self.logs.clean, "--data", Self.golden, "--out", Self.golden]).status == 73)
    }

    @Test func planSplitsTheDifferenceByCause() throws {
        let run = runTool(["usage", Self.logs.clean, "--data", Self.golden, "--config", Self.golden + "/production.json", "--json"])
        #expect(run.status == 0)
        let json = try JSONParser.parse(Array(run.out.utf8), file: "out")
        let rows = try #require(json["plan"]?.array)
        #expect(rows.count == 10)
        for row in rows {
            let planned = try #require(row["planned_usd_per_30_days"]?.number)
            let observed = try #require(row["observed_usd_per_30_days"]?.number)
            let parts = ["volume_usd", "cache_rate_usd", "tokens_per_call_usd", "price_usd"].compactMap { row[$0]?.number }
            #expect(parts.count == 4)
            #expect(abs(planned + parts.reduce(0, +) - observed) < 1e-6 * planned)
            // 1 % of the volume: the volume term is about −99 % of the plan.
            #expect(abs(parts[0] / planned + 0.99) < 0.01)
            // The logged cost is the card's price of the logged tokens.
            #expect(abs(parts[3]) < 1e-9 * planned)
        }
    }

    /// The HTML page, rendered by headless Chromium, shows the figures of --json.
    @Test(.enabled(if: HeadlessChromium.path != nil, "needs headless Chromium (apt-get install chromium)"))
    func htmlShowsTheJSONFiguresInChromium() throws {
        let page = Self.logs.directory + "/usage.html"
        let run = runTool(["usage", Self.logs.planted, "--data", Self.golden, "--json", "--html", page])
        #expect(run.status == 0)
        let json = try JSONParser.parse(Array(run.out.utf8), file: "out")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://"))
        let dom = try HeadlessChromium.dom(page, fragment: "")
        #expect(dom.contains("data-ready=\"true\""))
        #expect(!dom.contains("data-error="))
        let shown = ReportBrowserTests.intentFigures(table: "by-intent", in: dom)
        let intents = try #require(json["by_intent"]?.array)
        #expect(shown.count == intents.count)
        for row in intents {
            let name = try #require(row["intent"]?.string)
            for field in ["requests", "llm_calls", "cache_hits", "input_tokens", "output_tokens", "cost_usd", "cache_savings_usd"] {
                let value = try #require(row[field]?.number)
                #expect(shown[name]?[field].flatMap(Double.init) == value, "\(name) \(field)")
            }
        }
        #expect(ReportBrowserTests.attribute("data-cost-spike", ofElement: "anomaly-counts", in: dom) == "1")
        #expect(dom.contains("planted-token-explosion"))
    }
}
