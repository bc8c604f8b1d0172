import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `pick` says when its point is not feasible, and `--json` is JSON on stdout in every outcome.
@Suite struct PickOutcomeTests {
    /// A front of the tiny fixture made within one change of a baseline whose faq cell
    /// (small, quality 0.75) is below the 0.80 floor: its two cheaper points keep that cell.
    static func scopedFront(in directory: String) throws -> String {
        let baseline = directory + "/baseline.json"
        try #"{"intents": {"faq": {"model": "small", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}, "chat": {"model": "small", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}"#
            .write(toFile: baseline, atomically: false, encoding: .utf8)
        let front = directory + "/front.json"
        let run = runTool(["exact", "--data", Paths.tiny, "--baseline", baseline, "--max-changes", "1", "--out", front, "--quiet"])
        #expect(run.status == 0)
        return front
    }

    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "stdout")
    }

    @Test func everyOutcomeWithJSONIsJSONOnStdout() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = try Self.scopedFront(in: directory)

        // Found and feasible: $94.125, faq big + chat small.
        let found = runTool(["pick", front, "--budget", "100", "--json"])
        #expect(found.status == 0)
        let point = try parse(found.out)
        #expect(point["found"] == .bool(true) && point["feasible"] == .bool(true) && point["failures"] == .array([]))
        #expect(point["point"]?["monthly_cost_usd"] == .number(94.125) && point["point"]?["number"] == .number(3))
        #expect(point["intents"]?["faq"]?["model"] == .string("big"))

        // Found but infeasible: the cheapest ($11.625) keeps faq on small, quality 0.75 < 0.80.
        let broken = runTool(["pick", front, "--budget", "20", "--json"])
        #expect(broken.status == 0)
        let infeasible = try parse(broken.out)
        #expect(infeasible["feasible"] == .bool(false))
        #expect(infeasible["failures"] == .array([.object([
            ("intent", .string("faq")), ("failures", .array([.string("quality below floor")])), ("quality", .number(0.75)),
            ("min_quality", .number(0.8)), ("p99_latency_ms", .number(100)), ("max_p99_latency_ms", .number(2000)),
        ])]))
        #expect(broken.err == "pick: the chosen point is NOT feasible: faq: quality 0.7500 below the 0.8000 floor\n")
        let text = runTool(["pick", front, "--budget", "20"])
        #expect(text.out.hasSuffix("NOT feasible: faq: quality 0.7500 below the 0.8000 floor\n"))
        // Judged on the data, the verdict is the same.
        #expect(try parse(runTool(["pick", front, "--budget", "20", "--json", "--data", Paths.tiny]).out)["failures"] == infeasible["failures"])

        // Unmet: nothing costs $5; the nearest (the cheapest) comes with its verdict, exit 1.
        let unmet = runTool(["pick", front, "--budget", "5", "--json"])
        #expect(unmet.status == 1)
        let answer = try parse(unmet.out)
        #expect(answer["found"] == .bool(false))
        #expect(answer["reason"] == .string("no point costs at most $5.00 a month; the cheapest costs $11.63"))
        #expect(answer["nearest"]?["feasible"] == .bool(false))
        #expect(answer["nearest"]?["point"]?["number"] == .number(1))

        // The JSON is a configuration check reads as it is.
        try found.out.write(toFile: directory + "/picked.json", atomically: false, encoding: .utf8)
        let check = runTool(["check", directory + "/picked.json", "--data", Paths.tiny])
        #expect(check.status == 0)
        #expect(check.out.hasPrefix("monthly cost $94.13 (model fees $0.00), quality 0.8700"))
    }
}
