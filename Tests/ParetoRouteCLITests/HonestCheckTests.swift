import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `check --front` judges the configuration under the front's own assumptions.
@Suite struct HonestCheckTests {
    static let production = Paths.fixture("configs/tiny-production.json")

    @Test func aWhatIfFrontPricesTheConfigurationAtItsPrices() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Today production (faq tuned $7.50 + $100 fee, chat big $60.75) costs $168.25; with big at
        // $6/$30 per Mtok (twice today's) chat big costs $121.50 and production $229. Priced at
        // today's $168 it is dominated by no point of that front ($112 at 0.8067, $184 at 0.87);
        // at $229 the $184 point dominates it.
        let front = directory + "/what-if.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--price", "big=6/30", "--out", front, "--quiet"]).status == 0)
        let check = runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--fail-if-dominated"])
        #expect(check.status == 3)
        #expect(check.out.hasPrefix("""
            judged under the assumptions of \(front): what if big cost $6 in / $30 out per Mtok
            monthly cost $229 (model fees $100), quality 0.8533
            """))
        #expect(check.out.contains("DOMINATED by 1 of the 3 front points (exact front)"))
        #expect(check.out.contains("same quality for less: #2 at $184/month (quality 0.8700) saves $44.88/month"))
        // The moves are priced the same way: faq → big alone no longer saves anything.
        #expect(check.out.contains("best move changing one intent: none improves on it"))
        let json = try JSONParser.parse(Array(runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--json"]).out.utf8), file: "check")
        #expect(json["evaluation"]?["monthly_cost_usd"] == .number(229))
        #expect(json["dominated"] == .bool(true))
    }

    @Test func theFrontsConfidenceDecidesFeasibilityAndCheckConfidenceStaysTheNoiseMargin() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // chat on big rests on one sample: at the front's 95% it clears no floor with margin.
        let front = directory + "/sure.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--confidence", "0.95", "--out", front, "--quiet"]).status == 0)
        let check = runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--confidence", "0.9", "--fail-if-infeasible"])
        #expect(check.status == 3)
        #expect(check.out.contains("judged under the assumptions of \(front): floors and caps at 95% confidence\nmonthly cost $168 (model fees $100), quality 0.8533 ± n/a (standard error), NOT feasible"))
        #expect(check.out.contains("  chat    quality 0.9000 does not clear the 0.7000 floor at 95% confidence\nfewest intents to change: 1 (the one above)"))
        let json = try JSONParser.parse(Array(runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--confidence", "0.9", "--json"]).out.utf8), file: "check")
        #expect(json["confidence"] == .number(0.9))
        // Judged as measured (no --front), the same configuration is feasible.
        #expect(runTool(["check", Self.production, "--data", Paths.tiny, "--fail-if-infeasible"]).status == 0)
    }

    @Test func refusalsNameTheDifference() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = directory + "/front.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--out", front, "--quiet"]).status == 0)
        // Other data given explicitly: exit 64 naming both fingerprints.
        let other = try HostileValueTests.tinyCopy(replacing: "evals/b.csv", with: "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\nchat,small,150,0.7,2,c1,0.78,600,100,400\nchat,small,150,0.7,2,c2,0.75,600,100,600\n")
        defer { try? FileManager.default.removeItem(atPath: other) }
        let refused = runTool(["check", Self.production, "--data", other, "--front", front])
        #expect(refused.status == 64)
        #expect(refused.err.contains("was made from data b7f645e52e3bf73f, but --data \(other) is "))
        // What-if or scope flags would contradict the front's own: exit 64 naming them.
        let flags = runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--price", "big=1/1", "--exclude-model", "tuned"])
        #expect(flags.status == 64)
        #expect(flags.err == "paretoroute: check: --front \(front) records its own what-if and scope; omit --exclude-model, --price\n")
    }
}
