import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `project`, `pick --risk` and `ladder` end to end.
@Suite struct PlanningCommandTests {
    static let golden = DefaultDataRelationTests.golden

    /// Checks a `project --json` output: six months, P5 < P50 < P95, mean within 4 standard errors of `cost`.
    private func expectSixMonths(_ out: String, around cost: Double) throws {
        let months = try #require(try JSONParser.parse(Array(out.utf8), file: "out")["months"]?.array)
        #expect(months.count == 6)
        for (m, month) in months.enumerated() {
            let p5 = try #require(month["p5_usd"]?.number), p50 = try #require(month["p50_usd"]?.number)
            let p95 = try #require(month["p95_usd"]?.number), mean = try #require(month["mean_usd"]?.number)
            let error = try #require(month["mean_standard_error_usd"]?.number)
            #expect(month["month"]?.number == Double(m + 1))
            #expect(p5 < p50 && p50 < p95)
            #expect(abs(month["expected_usd"]!.number! - cost) <= 1e-9 * cost)
            #expect(abs(mean - cost) <= 4 * error, "month \(m + 1): mean \(mean), front \(cost), SE \(error)")
            #expect(month["p_over_budget"] == .null)
        }
    }

    @Test func projectOfProductionAndOfTheKneeMatchesTheirFrontCosts() throws {
        let production = Self.golden + "/production.json"
        let run = runTool(["project", production, "--data", Self.golden, "--runs", "2000", "--json"])
        #expect(run.status == 0)
        try expectSixMonths(run.out, around: try cost(of: production))
        let front = DefaultDataRelationTests.optimized.front
        let loaded = try Front.load(path: front)
        let knee = try #require(loaded.kneeIndex)
        let kneeRun = runTool(["project", front, "--knee", "--data", Self.golden, "--runs", "2000", "--json"])
        #expect(kneeRun.status == 0)
        try expectSixMonths(kneeRun.out, around: loaded.points[knee].monthlyCostUSD)
        let table = runTool(["project", front, "--point", "\(knee + 1)", "--data", Self.golden, "--runs", "500", "--budget", "26000"])
        #expect(table.out.hasPrefix("cost projection of point #\(knee + 1) of \(front): 6 months, 500 runs, seed 1\nscenario: none\n"))
        #expect(table.out.contains("P(> $26,000)"))
    }

    /// The scenario's changes are starred in the month they take effect and listed under the table
    /// (the table itself is shown, and checked, in docs/planning.md).
    @Test func projectMarksTheScenariosChanges() {
        let run = runTool(["project", Self.golden + "/production.json", "--data", Self.golden,
                           "--scenario", Self.golden + "/scenario.json", "--runs", "500"])
        #expect(run.status == 0)
        #expect(run.out.contains("\n2025-05*  ") && run.out.contains("\n2025-06*  ") && run.out.contains("\n2025-07   "))
        #expect(run.out.contains("\n* from 2025-06: price sonnet 2.5/12\n"))
    }

    private func cost(of configuration: String) throws -> Double {
        let run = runTool(["evaluate", configuration, "--data", Self.golden, "--json"])
        return try #require(try JSONParser.parse(Array(run.out.utf8), file: "out")["monthly_cost_usd"]?.number)
    }

    @Test func projectIsByteForByteReproducibleAndWritesAFanChart() throws {
        let directory = try Paths.temporaryDirectory()
        let arguments = ["project", Paths.fixture("configs/tiny-production.json"), "--data", Paths.tiny, "--runs", "300",
                         "--scenario", Self.golden + "/scenario.json", "--budget", "3000"]
        let first = runTool(arguments + ["--months", "3", "--svg", directory + "/a.svg"])
        // The scenario names sonnet and product_question, which the tiny data lacks.
        #expect(first.status == 65)
        #expect(first.err == "paretoroute: \(Self.golden)/scenario.json: field 'price_changes[0].model': 'sonnet' is not in the data; expected one of big, small, tuned\n")
        let scenario = directory + "/s.json"
        try #"{"start_month": "2026-01", "traffic_growth": {"type": "compound", "monthly_rate": 0.1, "monthly_rate_sd": 0.05}, "price_changes": [{"model": "big", "effective_month": 2, "input_usd_per_mtok": 1, "output_usd_per_mtok": 5}]}"#
            .write(toFile: scenario, atomically: true, encoding: .utf8)
        let base = ["project", Paths.fixture("configs/tiny-production.json"), "--data", Paths.tiny, "--runs", "300", "--scenario", scenario, "--budget", "3000"]
        let a = runTool(base + ["--svg", directory + "/a.svg"]), b = runTool(base + ["--svg", directory + "/b.svg"])
        #expect(a.status == 0 && a.out == b.out)
        #expect(a.out.contains("\n2026-02"))
        #expect(a.out.contains("\n2026-02*  ") && a.out.contains("\n* from 2026-02: price big 1/5\n"))
        let svg = try String(contentsOfFile: directory + "/a.svg", encoding: .utf8)
        #expect(svg == (try String(contentsOfFile: directory + "/b.svg", encoding: .utf8)))
        #expect(svg.contains("budget $3,000") && svg.contains("price big 1/5") && svg.contains("fill-opacity=\"0.25\""))
        let json = runTool(base + ["--json", "--seed", "9"])
        #expect(try JSONParser.parse(Array(json.out.utf8), file: "out")["months"]?.array?.count == 6)
    }

    @Test func projectRefusesMisusedFlags() {
        let config = Paths.fixture("configs/tiny-production.json")
        #expect(runTool(["project", config, "--data", Paths.tiny, "--knee"]).status == 64)
        #expect(runTool(["project", config, "--data", Paths.tiny, "--runs", "0"]).status == 64)
        #expect(runTool(["project", config, "--data", Paths.tiny, "--exclude-model", "big"]).status == 64)
        #expect(runTool(["project", config, "--data", Paths.tiny, "--scenario", "/nonexistent/s.json"]).status == 66)
        #expect(runTool(["project", config, "--data", Paths.tiny, "--price", "nope=1/2"]).status == 64)
    }

    @Test func pickWithRiskNeedsDataAndChoosesNoDearerThanTheExpectedPick() throws {
        let front = DefaultDataRelationTests.optimized.front
        let noData = runTool(["pick", front, "--budget", "30000", "--risk", "0.95"])
        #expect(noData.status == 64)
        #expect(noData.err.contains("--risk needs --data DIR"))
        #expect(runTool(["pick", front, "--budget", "30000", "--month", "2"]).status == 64)
        let plain = runTool(["pick", front, "--budget", "30000"])
        let risky = runTool(["pick", front, "--budget", "30000", "--risk", "0.95", "--data", Self.golden, "--runs", "1000",
                             "--scenario", Self.golden + "/scenario.json"])
        #expect(risky.status == 0)
        let plainCost = try #require(plain.out.split(separator: "$").dropFirst().first.map { Double($0.prefix { $0 != "/" }.replacingOccurrences(of: ",", with: "")) } ?? nil)
        let riskyCost = try #require(risky.out.split(separator: "$").dropFirst().first.map { Double($0.prefix { $0 != "/" }.replacingOccurrences(of: ",", with: "")) } ?? nil)
        #expect(riskyCost <= plainCost)
        #expect(risky.out.contains("expected-cost pick #"))
        #expect(risky.out.contains("risk-aware pick #"))
    }

    @Test func ladderPrintsStepsAndExitsOneNamingAStepWithoutAnswer() throws {
        let ok = runTool(["ladder", "--budget", "30000", "--data", Self.golden, "--json"])
        #expect(ok.status == 0)
        let steps = try JSONParser.parse(Array(ok.out.utf8), file: "out")
        #expect(steps.members?.map(\.0) == ["1", "0.85", "0.7", "0.5"])
        #expect(steps["0.5"]?["intents"]?.members?.count == 10)
        // Each step's row in the text shows the figures of the configuration its JSON gives.
        let text = runTool(["ladder", "--budget", "30000", "--data", Self.golden])
        let table = try GoldenDataLoader.load(directory: Self.golden)
        let rows = text.out.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix("        ") }
        #expect(rows.count == 4)
        for (row, (step, value)) in zip(rows, try #require(steps.members)) {
            let configuration = try Configuration(json: value, file: "ladder")
            let evaluation = table.evaluate(try table.choice(of: configuration, file: "ladder"))
            let fields = row.split(separator: " ")
            #expect(fields.first.map(String.init) == step)
            #expect(fields.count >= 4)
            #expect(fields[2] == Substring(formatUSD(evaluation.monthlyCostUSD)), "\(row)")
            #expect(fields[3] == Substring(formatQuality(evaluation.quality)), "\(row)")
            #expect(evaluation.monthlyCostUSD <= 30_000 * (Double(step) ?? 0))
        }
        let stuck = runTool(["ladder", "--budget", "30000", "--data", Self.golden, "--from", Self.golden + "/production.json"])
        #expect(stuck.status == 1)
        // Production breaks five intents: three changes cannot make it feasible; the cheapest of all is named.
        #expect(stuck.err.wholeMatch(of: #/ladder: step 1 has no answer: no configuration meeting every floor and cap costs at most \$30,000 a month within 3 change\(s\) of --from; no configuration within those changes meets every floor and cap \(the cheapest of all costs \$[0-9],[0-9]{3}\)\n/#) != nil)
        #expect(runTool(["ladder", "--budget", "30000", "--steps", "1,0.9,0.95"]).status == 64)
        #expect(runTool(["ladder", "--steps", "1"]).status == 64)
    }
}
