import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// The three jobs on the default data, as relations between commands: what one command prints
/// must agree with what another computes, and the exit statuses are the documented ones. The
/// figures themselves are written once, in the docs, whose examples `DocExampleTests` runs.
@Suite struct DefaultDataRelationTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// `optimize --out front.json` on the default data, run once for the suite (and for
    /// `PlanningCommandTests`).
    static let optimized: (directory: String, front: String, run: (status: Int32, out: String, err: String)) = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        let front = directory + "/front.json"
        let run = runTool(["optimize", "--data", golden, "--out", front, "--quiet"])
        return (directory, front, run)
    }()

    /// The header line of `pick`'s answer: `point #I of N: $C/month …` or `nearest point (#I): …`.
    static func pickedPoint(_ text: String) -> (index: Int, cost: Double)? {
        guard let hash = text.firstIndex(of: "#"), let dollar = text.firstIndex(of: "$") else { return nil }
        let index = Int(text[text.index(after: hash)...].prefix { $0.isNumber })
        let cost = Double(text[text.index(after: dollar)...].prefix { $0.isNumber || $0 == "," || $0 == "." }
            .replacingOccurrences(of: ",", with: ""))
        guard let index, let cost else { return nil }
        return (index, cost)
    }

    /// `pick --budget` prints the best-quality point within the budget of the saved front, and
    /// below the cheapest point it exits 1 naming that point.
    @Test func pickAnswersFromTheSavedFront() throws {
        #expect(Self.optimized.run.status == 0)
        let front = try Front.load(path: Self.optimized.front)
        let budget = 20_000.0
        let best = try #require(front.points.indices.filter { front.points[$0].monthlyCostUSD <= budget }
            .max { (front.points[$0].quality, -front.points[$0].monthlyCostUSD) < (front.points[$1].quality, -front.points[$1].monthlyCostUSD) })
        let picked = runTool(["pick", Self.optimized.front, "--budget", "20000"])
        #expect(picked.status == 0)
        let point = try #require(Self.pickedPoint(picked.out))
        #expect(point.index == best + 1)
        #expect(abs(point.cost - front.points[best].monthlyCostUSD) <= 0.5)
        #expect(picked.out.hasPrefix("point #\(best + 1) of \(front.points.count): "))

        let knee = runTool(["pick", Self.optimized.front, "--knee", "--json"])
        #expect(knee.status == 0)
        #expect(knee.out.hasPrefix("{\n  \"intents\": {\n    \"recommendation\": {"))
        let tooCheap = runTool(["pick", Self.optimized.front, "--budget", String(Int(front.points[0].monthlyCostUSD) - 1)])
        #expect(tooCheap.status == 1)
        #expect(tooCheap.out.hasPrefix("nearest point (#1): "))
        #expect(Self.pickedPoint(tooCheap.out)?.index == 1)
    }

    @Test func checkGatesProductionAsDominatedAndInfeasible() {
        let production = Self.golden + "/production.json"
        let dominated = runTool(["check", production, "--data", Self.golden, "--fail-if-dominated"])
        #expect(dominated.status == 3)
        #expect(dominated.out.contains("\nDOMINATED by "))
        #expect(runTool(["check", production, "--data", Self.golden, "--fail-if-infeasible"]).status == 3)
    }

    /// Repairs need every intent that breaks a floor or cap to change: one change fewer is a
    /// usage error naming them, and `--feasible-only` needs a baseline.
    @Test func feasibleOnlyRepairsNeedTheIntentsThatMustChange() throws {
        let production = Self.golden + "/production.json"
        let json = runTool(["check", production, "--data", Self.golden, "--json"])
        let repair = try #require(try JSONParser.parse(Array(json.out.utf8), file: "check")["repair"])
        let mustChange = try #require(repair["must_change"]?.array?.compactMap { $0.string })
        #expect(repair["fewest_changes"] == .number(Double(mustChange.count)))
        #expect(mustChange.count >= 2)
        let tooFew = runTool(["exact", "--data", Self.golden, "--baseline", production, "--max-changes", String(mustChange.count - 1),
                              "--feasible-only", "--quiet"])
        #expect(tooFew.status == 64)
        #expect(tooFew.err.contains("so these must change: \(mustChange.joined(separator: ", ")); expected a change budget of \(mustChange.count) or more"))
        #expect(runTool(["exact", "--data", Self.golden, "--feasible-only", "--quiet"]).status == 64)
    }

    /// The owner's question answered exactly: each repair `check` prints costs what the cheapest
    /// point of `exact --feasible-only --max-changes K` costs, for the fewest changes K and 1 and 2 more.
    @Test func checkRepairsProductionAtTheCostOfTheFeasibleOnlyFronts() throws {
        let production = Self.golden + "/production.json"
        let json = runTool(["check", production, "--data", Self.golden, "--json"])
        #expect(json.status == 0)  // without --fail-if-infeasible (or --fail-if-dominated)
        let repair = try #require(try JSONParser.parse(Array(json.out.utf8), file: "check")["repair"])
        let fewest = try #require(repair["fewest_changes"]?.number.map { Int($0) })
        let repairs = try #require(repair["repairs"]?.array)
        #expect(repairs.count == 3)
        for (k, option) in zip(fewest...(fewest + 2), repairs) {
            let exact = runTool(["exact", "--data", Self.golden, "--baseline", production, "--feasible-only",
                                 "--max-changes", String(k), "--out", "-", "--quiet"])
            let front = try Front(bytes: Array(exact.out.utf8), file: "exact")
            #expect(option["max_changes"] == .number(Double(k)))
            #expect(option["cheapest"]?["monthly_cost_usd"] == .number(front.points[0].monthlyCostUSD))
            #expect(option["cheapest"]?["changed_intents"]?.array?.count == k)
            #expect(front.points.allSatisfy { $0.isFeasible })
        }
    }
}
