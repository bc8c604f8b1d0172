import Foundation
import Testing
@testable import ParetoRouteCLI

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
}
