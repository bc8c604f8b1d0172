import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// The commands end to end on the tiny fixture, whose front is known by hand.
@Suite struct WorkflowTests {
    @Test func validatePrintsTheSummary() {
        let result = runTool(["validate", "--data", Paths.tiny])
        #expect(result.status == 0)
        #expect(result.out.contains("2 intents, 3 models, 6 cells"))
        #expect(result.out.contains("faq         4         2       1        1"))
        let json = runTool(["validate", "--data", Paths.tiny, "--json"])
        #expect(json.out.contains("\"feasible_cells\": 2"))
        #expect(json.out.contains("\"ok\": true"))
    }

    @Test func versionPrintsTheLibraryConstant() {
        let result = runTool(["--version"])
        #expect(result.status == 0)
        #expect(result.out == "paretoroute 0.2.0\n")
        #expect(ToolVersion.current == "0.2.0")
    }

    @Test func evaluateJSONHasTheContractKeys() {
        let result = runTool(["evaluate", Paths.fixture("configs/tiny-production.json"), "--data", Paths.tiny, "--json"])
        #expect(result.status == 0)
        #expect(result.out.contains("\"monthly_cost_usd\": 168.25"))
        #expect(result.out.contains("\"feasible\": true"))
        #expect(result.out.contains("\"quality\": 0.8533333333333334"))
    }

    @Test func optimizeWritesIdenticalFilesForTheSameSeed() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var outputs: [Data] = []
        for run in 0..<2 {
            let result = runTool(["optimize", "--data", Paths.tiny, "--seed", "7", "--quiet",
                                  "--out", "\(directory)/f\(run).json", "--svg", "\(directory)/f\(run).svg",
                                  "--csv", "\(directory)/f\(run).csv", "--text", "\(directory)/f\(run).txt",
                                  "--mark", Paths.fixture("configs/tiny-production.json")])
            #expect(result.status == 0)
            #expect(result.out.isEmpty)
            #expect(result.err.isEmpty)
            for ext in ["json", "svg", "csv", "txt"] {
                outputs.append(try #require(FileManager.default.contents(atPath: "\(directory)/f\(run).\(ext)")))
            }
        }
        #expect(outputs[0...3] == outputs[4...7])
        let json = String(decoding: outputs[0], as: UTF8.self)
        #expect(json.contains("\"method\": \"nsga2\""))
        #expect(json.contains("\"point_count\": 2"))
    }

    @Test func theThreeJobsOnTheTinyFront() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = "\(directory)/front.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--out", front, "--quiet"]).status == 0)

        let pick = runTool(["pick", front, "--budget", "100"])
        #expect(pick.status == 0)
        #expect(pick.out.contains("point #1 of 2: $94.13/month"))
        let none = runTool(["pick", front, "--budget", "50"])
        #expect(none.status == 1)
        #expect(none.err.contains("the cheapest costs $94.13"))
        let config = runTool(["pick", front, "--min-quality", "0.9", "--json"])
        #expect(config.out.contains("\"chat\": {"))
        try config.out.write(toFile: "\(directory)/best.json", atomically: true, encoding: .utf8)

        // The production-like configuration (tuned for faq, big for chat) is dominated by both points (168.25 vs 94.125 and 150.75).
        let check = runTool(["check", Paths.fixture("configs/tiny-production.json"), "--data", Paths.tiny, "--front", front, "--fail-if-dominated"])
        #expect(check.status == 3)
        #expect(check.out.contains("DOMINATED by 2 of the 2 front points"))
        #expect(check.out.contains("saves $74.13/month"))
        #expect(check.out.contains("more quality for the money: #2 at $151/month reaches 0.9167 (+0.0633)"))
        let onFront = runTool(["check", "\(directory)/best.json", "--data", Paths.tiny, "--fail-if-dominated", "--json"])
        #expect(onFront.status == 0)
        #expect(onFront.out.contains("\"dominated\": false"))
        #expect(onFront.out.contains("\"repair\": null"))  // feasible: nothing to repair
        #expect(runTool(["check", "\(directory)/best.json", "--data", Paths.tiny, "--fail-if-infeasible"]).status == 0)

        let diff = runTool(["diff", front, front])
        #expect(diff.status == 0)
        #expect(diff.out.contains(") and assumptions: the same configurations"))
        #expect(diff.out.contains("same configuration"))
    }

    @Test func everyAssumptionShowsInTheTextAndTheSVG() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = runTool(["exact", "--data", Paths.tiny, "--quiet"])
        #expect(!plain.out.contains("assumptions:"))
        let svg = directory + "/front.svg"
        let scoped = runTool(["exact", "--data", Paths.tiny, "--quiet", "--min-quality", "0.8", "--price", "small=0.2/1",
                              "--volume", "faq=2000", "--cache-rate", "chat=0.25", "--exclude-model", "tuned", "--svg", svg])
        #expect(scoped.status == 0)
        let expected = "assumptions: quality ≥ 0.8; excluded models: tuned; what if small cost $0.2 in / $1 out per Mtok; "
            + "what if faq had 2000 conversations/day; what if chat's cache hit rate were 0.25"
        #expect(scoped.out.split(separator: "\n").dropFirst().first.map(String.init) == expected)
        let drawn = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawn.contains("<title>bars: quality ± 1.96 standard errors · quality ≥ 0.8; excluded models: tuned; what if small cost $0.2 in / $1 out per Mtok;"))
    }
}
