import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// The rerun story end to end: optimize, new scores arrive as another evals file,
/// rerun with a warm start, and diff shows the intent moving to the cheaper model.
@Suite struct RerunTests {
    @Test func newScoresMoveFaqToTheCheaperModel() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        try FileManager.default.copyItem(atPath: Paths.tiny, toPath: data)
        let old = directory + "/old.json", new = directory + "/new.json"
        #expect(runTool(["optimize", "--data", data, "--out", old, "--quiet"]).status == 0)

        // A fine-tune lifts small's faq scores: its cell is re-scored in a later file.
        let rescored = """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,small,250,0.1,0,q1,0.93,1000,200,100
            faq,small,250,0.1,0,q2,0.95,1000,200,120

            """
        try rescored.write(toFile: data + "/evals/c-finetune.csv", atomically: true, encoding: .utf8)
        let rerun = runTool(["optimize", "--data", data, "--warm-start", old, "--out", new])
        #expect(rerun.status == 0)
        #expect(rerun.err.contains("warm start: 2 configurations seeded, 0 dropped"))

        let diff = runTool(["diff", old, new])
        #expect(diff.status == 0)
        #expect(diff.out.contains("faq: big/250/t0.1/rag0 → small/250/t0.1/rag0 (cost -$82.50, quality +0.0150)"))
        #expect(diff.out.contains("data changed:"))

        // Picking with the old front against the new data warns about the fingerprint.
        let pick = runTool(["pick", old, "--knee", "--data", data])
        #expect(pick.err.contains("was made from data"))
    }

    @Test func aWarmStartFromStaleDataDropsWhatNoLongerFits() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        try FileManager.default.copyItem(atPath: Paths.tiny, toPath: data)
        let old = directory + "/old.json"
        #expect(runTool(["optimize", "--data", data, "--out", old, "--quiet"]).status == 0)
        // Re-scoring makes faq/big too slow for its cap: both old points used it.
        let slow = """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,big,250,0.1,0,q1,0.9,1000,200,5000
            faq,big,250,0.1,0,q2,0.95,1000,200,6000

            """
        try slow.write(toFile: data + "/evals/c-slow.csv", atomically: true, encoding: .utf8)
        let rerun = runTool(["optimize", "--data", data, "--warm-start", old, "--out", directory + "/new.json"])
        #expect(rerun.status == 0)
        #expect(rerun.err.contains("0 configurations seeded, 2 dropped"))
    }

    /// `diff --fail-if-worse` is a pipeline gate: lower scores exit 3, higher ones 0.
    @Test func failIfWorseExits3OnLowerScoresAnd0OnHigher() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        try FileManager.default.copyItem(atPath: Paths.tiny, toPath: data)
        let old = directory + "/old.json", worse = directory + "/worse.json", better = directory + "/better.json"
        #expect(runTool(["exact", "--data", data, "--out", old, "--quiet"]).status == 0)

        // faq/big, on every point of the tiny front, is re-scored lower: 0.925 → 0.855.
        let lower = """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,big,250,0.1,0,q1,0.85,1000,200,100
            faq,big,250,0.1,0,q2,0.86,1000,200,200

            """
        try lower.write(toFile: data + "/evals/c-rescore.csv", atomically: true, encoding: .utf8)
        #expect(runTool(["exact", "--data", data, "--out", worse, "--quiet"]).status == 0)
        let gate = runTool(["diff", old, worse, "--fail-if-worse"])
        #expect(gate.status == 3)
        #expect(gate.err.contains("the new front is worse: the hypervolume fell from"))
        // Without the flag the same diff is only a report.
        #expect(runTool(["diff", old, worse]).status == 0)
        // The other way round the scores went up: no gate.
        #expect(runTool(["diff", worse, old, "--fail-if-worse"]).status == 0)

        // Higher scores for small's faq cell: the front improves.
        try FileManager.default.removeItem(atPath: data + "/evals/c-rescore.csv")
        let higher = """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,small,250,0.1,0,q1,0.93,1000,200,100
            faq,small,250,0.1,0,q2,0.95,1000,200,120

            """
        try higher.write(toFile: data + "/evals/c-rescore.csv", atomically: true, encoding: .utf8)
        #expect(runTool(["exact", "--data", data, "--out", better, "--quiet"]).status == 0)
        #expect(runTool(["diff", old, better, "--fail-if-worse"]).status == 0)

        // --json: one documented object; both fronts, the reference point, the change at the budget.
        let json = runTool(["diff", old, better, "--json"])
        #expect(json.status == 0)
        let object = try JSONParser.parse(Array(json.out.utf8), file: "diff.json")
        #expect(object.members?.map(\.0) == ["old", "new", "reference_point", "hypervolume_change", "hypervolume_change_percent",
                                             "same_data", "configurations_gained", "configurations_lost", "search_differences",
                                             "moved_cells", "settings_changed", "budget_usd",
                                             "at_budget", "worse", "regressions"])
        #expect(object["old"]?["point_count"] == .number(2))
        #expect(object["worse"] == .bool(false))
        // At the old knee ($94.125) faq moves from big ($90) to small ($7.50): −$82.50.
        let change = object["at_budget"]?["changes"]?.array?.first
        #expect(change?["intent"] == .string("faq"))
        #expect(change?["from"]?["model"] == .string("big"))
        #expect(change?["to"]?["model"] == .string("small"))
        #expect(change?["cost_change"] == .number(-82.5))
    }
}
