import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `project --scenario` on the design doc's A12 example (GoldenData/a12-scenario.json) and on
/// today's spelling (GoldenData/scenario.json), end to end on the default data.
@Suite struct DesignDocScenarioCommandTests {
    static let golden = DefaultDataRelationTests.golden
    static let production = golden + "/production.json"

    /// Month 1 (2025-04) by hand from the cells' token means: one month of growth after the
    /// base date (× 1.1), faq/promotion/chitchat with 30 % of their input billed at sonnet's
    /// cache-read price, product_question on sonnet for 14 of April's 30 days and on haiku for
    /// 16, plus $165 of infrastructure.
    @Test func theDesignDocsExampleLoadsAndProjectsWithProrationAndInfrastructure() throws {
        let table = try GoldenDataLoader.load(directory: Self.golden)
        let sonnet = Setting(model: "sonnet", maxTokens: 500, temperature: 0.3, ragChunks: 5)
        var haiku = sonnet
        haiku.model = "haiku"
        func cost(_ intent: Int, _ setting: Setting, cached: Double) throws -> Double {
            let cell = try #require(table.cells[intent].first { $0.setting == setting })
            var tokens = cell.meanTokens.applyingReadShare(table.intents[intent].promptCacheReadShare)
            tokens.cacheRead += cached * tokens.input
            tokens.input *= 1 - cached
            let prices = table.models[cell.modelIndex].prices
            let perCall = tokens.input * prices.input + tokens.cacheRead * prices.cacheRead
                + tokens.cacheWrite * prices.cacheWrite + tokens.output * prices.output
            return table.intents[intent].monthlyCalls * perCall / 1e6
        }
        var llm = 0.0
        for (i, intent) in table.intents.enumerated() {
            let cached = ["faq", "promotion", "chitchat"].contains(intent.name) ? 0.30 : 0
            if intent.name == "product_question" {
                llm += 14.0 / 30 * (try cost(i, sonnet, cached: 0)) + 16.0 / 30 * (try cost(i, haiku, cached: 0))
            } else {
                llm += try cost(i, sonnet, cached: cached)
            }
        }
        let april = 1.1 * llm + 165

        let run = runTool(["project", Self.production, "--data", Self.golden, "--scenario", Self.golden + "/a12-scenario.json",
                           "--runs", "2000", "--json"])
        #expect(run.status == 0, "\(run.err)")
        let document = try JSONParser.parse(Array(run.out.utf8), file: "out")
        let months = try #require(document["months"]?.array)
        #expect(months.count == 6)  // projection_months
        #expect(months.map { $0["calendar_month"]?.string } == ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"])
        let first = months[0]
        let expected = try #require(first["expected_usd"]?.number)
        #expect(abs(expected - april) < 1e-6 * april, "expected \(expected), by hand \(april)")
        let mean = try #require(first["mean_usd"]?.number), error = try #require(first["mean_standard_error_usd"]?.number)
        #expect(abs(mean - april) <= 4 * error)
        #expect(abs(try #require(first["infrastructure_mean_usd"]?.number) - 165) < 1)
        #expect(try #require(first["p2_5_usd"]?.number) < (try #require(first["p5_usd"]?.number)))
        #expect(first["prorated_changes"]?.array?.first?["date"]?.string == "2025-04-15")
        #expect(first["prorated_changes"]?.array?.first?["share"]?.number == 16.0 / 30)
        #expect(months[1]["changes"]?.array?.first?.string == "price sonnet 2.5/12")
        #expect(months[2]["changes"]?.array?.first?.string == "new model claude-4-haiku (estimated: sonnet × 0.92, 0.4/2)")

        let text = runTool(["project", Self.production, "--data", Self.golden, "--scenario", Self.golden + "/a12-scenario.json", "--runs", "500"])
        #expect(text.status == 0)
        for line in ["scenario: 'Q2 2025 Projection' (\(Self.golden)/a12-scenario.json)",
                     "~ from 2025-04-15 (16 of 30 days): product_question sonnet → haiku/500/t0.3/rag5",
                     "* from 2025-05: price sonnet 2.5/12",
                     "infra: $165 a month expected, drawn every run (totals include it)"] {
            #expect(text.out.contains(line + "\n"), "\(line)")
        }
        #expect(text.out.contains("95% interval") && text.out.contains("\n2025-04~ ") && text.out.contains("\n2025-06* "))
        // Production breaks five P99 caps: said on stderr. No growth or volume uncertainty: said too.
        #expect(text.err.components(separatedBy: "above its cap 5000 ms").count - 1 == 5)
        #expect(text.err.contains("the scenario states no uncertainty; traffic_growth.monthly_rate_sd and daily_volume_cv add it"))
    }

    /// Today's spelling keeps every figure it had before the A12 work: each month record's
    /// former fields are byte-identical (the file was written by the earlier build); the new
    /// fields come after them.
    @Test func todaysScenarioKeepsItsFiguresByteForByte() throws {
        let before = try #require(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: Paths.fixture("projection/scenario-before-a12.json")))),
                                                      file: "before").array)
        let run = runTool(["project", Self.production, "--data", Self.golden, "--scenario", Self.golden + "/scenario.json", "--json"])
        #expect(run.status == 0)
        let after = try #require(try JSONParser.parse(Array(run.out.utf8), file: "after")["months"]?.array)
        #expect(after.count == before.count)
        for (old, new) in zip(before, after) {
            for (key, value) in try #require(old.members) {
                #expect(new[key]?.serialized() == value.serialized(), "\(key)")
            }
        }
    }

    /// The knee of the default front under today's example breaks no floor or cap and states
    /// its uncertainty: no warning at all.
    @Test func theDefaultExampleWarnsOfNothing() {
        let run = runTool(["project", DefaultDataRelationTests.optimized.front, "--knee", "--data", Self.golden,
                           "--scenario", Self.golden + "/scenario.json", "--runs", "300"])
        #expect(run.status == 0)
        #expect(run.err == "", "\(run.err)")
    }
}

/// The fan chart's bands stay inside its axes (the P5 band of 2025-06 under today's example
/// used to be drawn below the axis).
@Suite struct ProjectionFanChartTests {
    @Test func everyBandPointLiesInsideThePlotArea() throws {
        let golden = DefaultDataRelationTests.golden
        for scenario in ["scenario.json", "a12-scenario.json"] {
            let run = runTool(["project", golden + "/production.json", "--data", golden, "--scenario", golden + "/" + scenario,
                               "--runs", "2000", "--svg", "-"])
            #expect(run.status == 0)
            // The plot area: top 60, height 480 − 60 − 70 = 350.
            #expect(run.out.contains(#"<rect x="90.0" y="60.0" width="670.0" height="350.0" fill="none""#))
            let paths = run.out.split(separator: "\n").filter { $0.hasPrefix("<path d=\"M ") }
            #expect(paths.count == 3)  // 95 % band, P5–P95 band, median
            for path in paths {
                let d = path.split(separator: "\"")[1]
                let numbers = d.split(separator: " ").compactMap { Double($0) }
                let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
                #expect(!ys.isEmpty && ys.allSatisfy { $0 >= 60 - 1e-9 && $0 <= 410 + 1e-9 }, "\(scenario): \(ys)")
            }
            #expect(run.out.contains("95 % interval (P2.5–P97.5)"))
        }
    }
}

/// `optimize --new-model`: the front as if the model had arrived, its estimated cells marked in
/// text, JSON and report, the what-if recorded; `diff` against today's front reads it.
@Suite struct NewModelCommandTests {
    @Test func optimizeWithANewModelMarksItsEstimatedCellsEverywhere() throws {
        let golden = DefaultDataRelationTests.golden
        let directory = try Paths.temporaryDirectory()
        let front = directory + "/new.json"
        let run = runTool(["optimize", "--data", golden, "--new-model", "haiku4=sonnet:0.92:0.40/2.00", "--out", front, "--quiet"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("assumptions: what if haiku4 (estimated: sonnet × 0.92, 0.4/2) had arrived; threshold and share routes\n"))
        let document = try JSONParser.parse(Array(try String(contentsOfFile: front, encoding: .utf8).utf8), file: front)
        let recorded = document["settings"]?["what_if"]?["new_models"]?.array?.first
        #expect(recorded?["name"]?.string == "haiku4" && recorded?["reference"]?.string == "sonnet" && recorded?["quality_ratio"]?.number == 0.92)
        // Every estimated cell against the reference model's cell of the same intent and knobs.
        let table = try GoldenDataLoader.load(directory: golden)
        let intents = try #require(document["intents"]?.array).map { $0["name"]?.string ?? "" }
        var checked = 0
        for (i, cells) in (try #require(document["cells"]?.array)).enumerated() {
            let t = try #require(table.intentIndex(named: intents[i]))
            for cell in try #require(cells.array) {
                let isNew = cell["model"]?.string == "haiku4"
                #expect((cell["estimated"] == .bool(true)) == isNew)
                guard isNew else { continue }
                let setting = Setting(model: "sonnet", maxTokens: Int(cell["max_tokens"]?.number ?? 0),
                                      temperature: cell["temperature"]?.number ?? 0, ragChunks: Int(cell["rag_chunks"]?.number ?? 0))
                let reference = try #require(table.cells[t].first { $0.setting == setting })
                #expect(cell["quality"]?.number == min(1, reference.quality * 0.92))
                #expect(cell["p99_latency_ms"]?.number == reference.p99LatencyMs)
                let tokens = reference.meanTokens.applyingReadShare(table.intents[t].promptCacheReadShare)
                // No cache prices given: cached input at the input price 0.40.
                let perCall = (tokens.input + tokens.cacheRead + tokens.cacheWrite) * 0.40 + tokens.output * 2.00
                let cost = table.intents[t].monthlyCalls * perCall / 1e6
                #expect(abs((cell["monthly_cost_usd"]?.number ?? 0) - cost) < 1e-9 * cost)
                checked += 1
            }
        }
        #expect(checked >= 1)
        // Text (a point using haiku4), report and diff.
        let points = try #require(document["points"]?.array)
        let using = try #require(points.firstIndex { point in
            point["cells"]?.array?.enumerated().contains { i, c in
                document["cells"]?.array?[i].array?[Int(c.number ?? 0)]["model"]?.string == "haiku4"
            } == true
        })
        let pick = runTool(["pick", front, "--point", "\(using + 1)"])
        #expect(pick.out.contains(" haiku4 (est.) ") && pick.out.contains("(est.): estimated from a reference model's cells"))
        let report = directory + "/report.html"
        #expect(runTool(["report", front, "--html", report]).status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("(estimated)"))
        let diff = runTool(["diff", DefaultDataRelationTests.optimized.front, front, "--budget", "25000"])
        #expect(diff.status == 0, "\(diff.err)")
        #expect(diff.out.contains("haiku4"))
        // Today's front records no new_models key: fronts without the flag keep their bytes.
        #expect(!(try String(contentsOfFile: DefaultDataRelationTests.optimized.front, encoding: .utf8)).contains("new_models"))
        // check and exact take the flag too; a bad spelling is a usage error naming it.
        let check = runTool(["check", golden + "/production.json", "--data", golden, "--new-model", "haiku4=sonnet:0.92:0.40/2.00"])
        #expect(check.status == 0 && check.out.contains("NOT feasible"))
        // A configuration on the new model: check marks its cell in text and JSON.
        let production = try String(contentsOfFile: golden + "/production.json", encoding: .utf8)
        let onHaiku4 = directory + "/haiku4-faq.json"
        try production.replacingOccurrences(of: #""faq": {"model": "sonnet""#, with: #""faq": {"model": "haiku4""#)
            .write(toFile: onHaiku4, atomically: true, encoding: .utf8)
        let onNew = runTool(["check", onHaiku4, "--data", golden, "--new-model", "haiku4=sonnet:0.92:0.40/2.00"])
        #expect(onNew.out.contains("  faq                haiku4/500/t0.3/rag5 (est.) "), "\(onNew.out)")
        let checkedJSON = runTool(["check", onHaiku4, "--data", golden, "--new-model", "haiku4=sonnet:0.92:0.40/2.00", "--json"])
        #expect(checkedJSON.out.contains(#""estimated":true"#) || checkedJSON.out.contains(#""estimated": true"#), "\(checkedJSON.out.prefix(400))")
        let bad = runTool(["exact", "--data", golden, "--new-model", "haiku=sonnet:0.9:1/2"])
        #expect(bad.status == 64 && bad.err.contains("--new-model: 'haiku' is already a model of the data"))
    }
}
