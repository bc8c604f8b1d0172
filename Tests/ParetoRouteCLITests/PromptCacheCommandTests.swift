import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// The prompt-cache price card through the CLI (issue 24).
@Suite struct PromptCacheCommandTests {
    @Test func aFourPartPriceIsRecordedInTheFrontAndAThreePartOneIsRefused() throws {
        let directory = try Paths.temporaryDirectory()
        let front = directory + "/front.json"
        let run = runTool(["exact", "--data", Paths.tiny, "--price", "big=3/15/0.3/3.75", "--out", front, "--quiet"])
        #expect(run.status == 0, "\(run.err)")
        let json = try JSONFile.read(path: front)
        let price = json["settings"]?["what_if"]?["prices"]?["big"]
        #expect(price?["cache_read_usd_per_mtok"] == .number(0.3))
        #expect(price?["cache_write_usd_per_mtok"] == .number(3.75))
        #expect(run.out.contains("what if big cost $3 in / $15 out / $0.3 cache read / $3.75 cache write per Mtok"))
        // The tiny fixture has no cached tokens: the cache prices change no figure.
        let plainFront = directory + "/plain.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--out", plainFront, "--quiet"]).status == 0)
        #expect(try JSONFile.read(path: plainFront)["points"] == json["points"])
        for bad in ["big=3/15/0.3", "big=3/15/-1/2", "big=3/15/0.3/nan"] {
            let refused = runTool(["exact", "--data", Paths.tiny, "--price", bad, "--quiet"])
            #expect(refused.status == 64, "\(bad)")
            #expect(refused.err.hasPrefix("paretoroute: exact: --price '\(bad)' must be MODEL=IN/OUT or MODEL=IN/OUT/CACHE_READ/CACHE_WRITE"), "\(refused.err)")
        }
    }
}
