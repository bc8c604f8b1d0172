import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// The README's three jobs on the default data, command by command: the lines it shows
/// are the lines the tool prints. If one of these fails, fix the tool or the README.
@Suite struct ReadmeExampleTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// `optimize --out front.json` on the default data, run once for the suite.
    static let optimized: (directory: String, front: String, run: (status: Int32, out: String, err: String)) = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        let front = directory + "/front.json"
        let run = runTool(["optimize", "--data", golden, "--out", front, "--points", "12",
                           "--mark", golden + "/production.json", "--svg", directory + "/front.svg", "--quiet"])
        return (directory, front, run)
    }()

    @Test func optimizePrintsTheDocumentedFront() {
        let run = Self.optimized.run
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("ParetoRoute front (nsga2): 2002 points, data 407a9530f0323d21, hypervolume 7606.31 (reference $116,642, 0.8410)\nshowing 12 of 2002 points"))
        #expect(run.out.contains("\n   #   monthly cost  quality ± SE     models                       change from the previous row\n"))
        #expect(run.out.contains("\n   1         $8,826  0.8510 ± 0.0021  haiku-ft×8 haiku×2           start\n"))
        #expect(run.out.contains("\n 717*       $25,590  0.8959 ± 0.0018  haiku-ft×7 sonnet×3          faq: haiku/400/t0.1/rag2 → sonnet/500/t0.1/rag2; "))
        #expect(run.out.contains("\n2002       $106,038  0.9271 ± 0.0016  sonnet×10                    recommendation: haiku-ft/500/t0.3/rag5 → sonnet/500/t0.3/rag2; "))
        #expect(run.out.contains("cheapest (#1): $8,826/month (fees $2,000), quality 0.8510"))
    }

    @Test func pickAnswersTheDocumentedRequests() {
        let front = Self.optimized.front
        #expect(runTool(["pick", front, "--budget", "20000"]).out.hasPrefix("point #579 of 2002: $19,468/month (fees $2,000), quality 0.8885"))
        #expect(runTool(["pick", front, "--min-quality", "0.9"]).out.hasPrefix("point #857 of 2002: $32,616/month (fees $2,000), quality 0.9000"))
        let knee = runTool(["pick", front, "--knee", "--json"])
        #expect(knee.status == 0)
        #expect(knee.out.hasPrefix("{\n  \"intents\": {\n    \"recommendation\": {"))
        let tooCheap = runTool(["pick", front, "--budget", "5000"])
        #expect(tooCheap.status == 1)
        #expect(tooCheap.out.hasPrefix("nearest point (#1): $8,826/month"))
    }

    @Test func checkFindsProductionDominated() {
        let run = runTool(["check", Self.golden + "/production.json", "--data", Self.golden, "--fail-if-dominated"])
        #expect(run.status == 3)
        #expect(run.out.hasPrefix("monthly cost $129,457 (model fees $0.00), quality 0.9206 ± 0.0017 (standard error), NOT feasible"))
        #expect(run.out.contains("DOMINATED by 349 of the 3514 front points (exact front)"))
        #expect(run.out.contains("the domination survives the noise: 113 points are better even after discounting quality by its 95% margin\n  #3402: $94,685/month, quality 0.9252\n"))
        #expect(run.out.contains("  #3514: $106,038/month, quality 0.9271\nsame quality for less"))
        #expect(run.out.contains("same quality for less: #3166 at $78,679/month (quality 0.9206) saves $50,778/month"))
        #expect(run.out.contains("best move changing one intent: order_tracking → sonnet/500/t0.1/rag0: saves $7,570/month (quality +0.0002) (still NOT feasible)"))
        #expect(run.out.contains("best move changing two intents: faq → sonnet/250/t0.1/rag2, order_tracking → sonnet/400/t0.1/rag0: saves $12,529/month (quality +0.0018) (still NOT feasible)"))
    }

    @Test func feasibleOnlyRepairsOfProductionNeedFiveChanges() {
        let production = Self.golden + "/production.json"
        let five = runTool(["exact", "--data", Self.golden, "--baseline", production, "--max-changes", "5", "--feasible-only", "--points", "1", "--quiet"])
        #expect(five.status == 0)
        #expect(five.out.hasPrefix("ParetoRoute front (exact): 124 points, data 407a9530f0323d21"))
        #expect(five.out.contains("assumptions: baseline of 10 intents, at most 5 changed, every kept cell feasible\n"))
        #expect(five.out.contains("cheapest (#1): $49,659/month (fees $2,000), quality 0.8844"))
        let four = runTool(["exact", "--data", Self.golden, "--baseline", production, "--max-changes", "4", "--feasible-only", "--quiet"])
        #expect(four.status == 64)
        #expect(four.err.contains("so these must change: recommendation, product_question, order_tracking, escalation, product_discovery; expected a change budget of 5 or more"))
        #expect(runTool(["exact", "--data", Self.golden, "--feasible-only", "--quiet"]).status == 64)
    }

    /// The owner's question answered exactly: each repair `check` prints costs what the cheapest
    /// point of `exact --feasible-only --max-changes K` costs, K = 5, 6, 7.
    @Test func checkRepairsProductionAtTheCostOfTheFeasibleOnlyFronts() throws {
        let production = Self.golden + "/production.json"
        let check = runTool(["check", production, "--data", Self.golden, "--fail-if-infeasible"])
        #expect(check.status == 3)
        #expect(check.out.contains("""
            NOT feasible: 5 intents break a floor or cap
              recommendation     p99 5876 ms above the 5000 ms cap
              product_question   p99 5316 ms above the 5000 ms cap
              order_tracking     p99 5294 ms above the 5000 ms cap
              escalation         p99 5762 ms above the 5000 ms cap
              product_discovery  p99 5829 ms above the 5000 ms cap
            fewest intents to change: 5 (those above)
              cheapest feasible repair changing only those 5: $49,659/month (-$79,798), quality 0.8844 (-0.0362)
            """))
        #expect(check.out.contains("best move changing one intent: order_tracking → sonnet/500/t0.1/rag0: saves $7,570/month (quality +0.0002) (still NOT feasible)"))
        let json = runTool(["check", production, "--data", Self.golden, "--json"])
        #expect(json.status == 0)  // without --fail-if-infeasible (or --fail-if-dominated)
        let repair = try #require(try JSONParser.parse(Array(json.out.utf8), file: "check")["repair"])
        #expect(repair["fewest_changes"] == .number(5))
        #expect(repair["must_change"] == .array(["recommendation", "product_question", "order_tracking", "escalation", "product_discovery"].map { .string($0) }))
        let repairs = try #require(repair["repairs"]?.array)
        #expect(repairs.count == 3)
        for (k, option) in zip(5...7, repairs) {
            let exact = runTool(["exact", "--data", Self.golden, "--baseline", production, "--feasible-only",
                                 "--max-changes", String(k), "--out", "-", "--quiet"])
            let front = try Front(bytes: Array(exact.out.utf8), file: "exact")
            #expect(option["max_changes"] == .number(Double(k)))
            #expect(option["cheapest"]?["monthly_cost_usd"] == .number(front.points[0].monthlyCostUSD))
            #expect(option["cheapest"]?["changed_intents"]?.array?.count == k)
        }
    }

    @Test func rerunWithTheFineTuneShowsFaqMovingToHaiku() throws {
        let data = Self.optimized.directory + "/data"
        try FileManager.default.copyItem(atPath: Self.golden, toPath: data)
        defer { try? FileManager.default.removeItem(atPath: data) }  // a 13 MB copy
        try Data(Self.fineTunedFaq(baseline: data + "/evals/0001-baseline.csv").utf8)
            .write(to: URL(fileURLWithPath: data + "/evals/0002-haiku-finetune.csv"))
        let new = Self.optimized.directory + "/new.json"
        let rerun = runTool(["optimize", "--data", data, "--warm-start", Self.optimized.front, "--out", new])
        #expect(rerun.status == 0)
        #expect(rerun.err.contains("warm start: 2002 configurations seeded, 0 dropped"))
        let diff = runTool(["diff", Self.optimized.front, new])
        #expect(diff.out.hasPrefix("hypervolume 7606.31 → 8010.61 (+5.32%; reference $116,642, 0.8410 over both fronts)"))
        #expect(diff.out.contains("data changed: 407a9530f0323d21 → 2b467f5e3c799d27"))
        #expect(diff.out.contains("faq: sonnet/500/t0.1/rag2 → haiku/500/t0.1/rag2 (cost -$9,904, quality -0.0010) [within noise]"))
    }

    /// The README's re-score file: faq's rows on haiku/500/t0.1/rag2, each quality 0.05
    /// higher (capped at 1), written with at most four decimals and no trailing zeros.
    static func fineTunedFaq(baseline: String) throws -> String {
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst()
        var out = [header]
        for line in lines where line.hasPrefix("faq,haiku,500,0.1,2,") {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let tenThousandths = min(10_000, Int(((Double(fields[6]) ?? 0) * 10_000).rounded()) + 500)
            if tenThousandths == 10_000 {
                fields[6] = "1"
            } else {
                var digits = String(tenThousandths)
                digits = String(repeating: "0", count: 4 - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                fields[6] = "0." + digits
            }
            out.append(fields.joined(separator: ","))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
