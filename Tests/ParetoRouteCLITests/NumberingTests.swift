import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// One numbering everywhere: a point is `#N` in text and `N` in JSON (`number`, `point`),
/// from 1, in pick, check, diff, ladder and the report's data; `pick --point N` finds it.
@Suite struct NumberingTests {
    static let production = Paths.fixture("configs/tiny-production.json")

    /// The exact front of the tiny data, saved once for the suite.
    static let front: String = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        let path = directory + "/front.json"
        _ = runTool(["exact", "--data", Paths.tiny, "--out", path, "--quiet"])
        return path
    }()

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8), file: "output") }

    @Test func pickNumbersTheSameInTextAndJSON() throws {
        for request in [["--knee"], ["--budget", "100"], ["--min-quality", "0.9"], ["--point", "2"]] {
            let text = runTool(["pick", Self.front] + request)
            let json = try Self.json(runTool(["pick", Self.front, "--json"] + request).out)
            let number = try #require(json["point"]?["number"]?.number)
            #expect(text.out.hasPrefix("point #\(Int(number)) of 2:"), "\(request): \(text.out.prefix(40))")
            #expect(json["point"]?["index"] == nil)
        }
        // pick --risk --json is pick --json's object, numbered as its text.
        let riskArguments = ["pick", Self.front, "--budget", "200", "--risk", "0.5", "--runs", "200", "--data", Paths.tiny]
        let riskText = runTool(riskArguments)
        let riskJSON = try Self.json(runTool(riskArguments + ["--json"]).out)
        #expect(riskText.out.hasPrefix("point #2 of 2: $151/month"))
        #expect(riskJSON["point"]?["number"] == .number(2) && riskJSON["found"] == .bool(true))
        #expect(riskJSON["intents"]?.members?.count == 2)
        let unmet = try Self.json(runTool(["pick", Self.front, "--budget", "50", "--risk", "0.5", "--runs", "200",
                                           "--data", Paths.tiny, "--json"]).out)
        #expect(unmet["found"] == .bool(false) && unmet["nearest"]?["point"]?["number"] == .number(1))
        // --point N is the point the text calls #N, and its costs agree.
        let second = try Self.json(runTool(["pick", Self.front, "--point", "2", "--json"]).out)
        #expect(second["point"]?["number"] == .number(2))
        #expect(second["point"]?["monthly_cost_usd"] == .number(150.75))
        let beyond = runTool(["pick", Self.front, "--point", "3"])
        #expect(beyond.status == 64)
        #expect(beyond.err == "paretoroute: --point: 3 is not a point of the front; expected a number from 1 to 2\n")
    }

    @Test func checkNumbersTheSameInTextAndJSONAndNamesItsFront() throws {
        let text = runTool(["check", Self.production, "--data", Paths.tiny, "--front", Self.front]).out
        let json = try Self.json(runTool(["check", Self.production, "--data", Paths.tiny, "--front", Self.front, "--json"]).out)
        #expect(text.contains("point numbers (#) refer to \(Self.front) (exact front, 2 points)\n"))
        #expect(json["front"]?["file"] == .string(Self.front))
        // Dominated by #2 beyond noise: the text's #2 is the JSON's number 2, and both cost $151.
        #expect(text.contains("\n  #2: $151/month, quality 0.9167\n"))
        let dominators = try #require(json["dominated_by"]?.array)
        #expect(dominators.map { $0["number"] } == [.number(2)])
        #expect(dominators[0]["monthly_cost_usd"] == .number(150.75))
        #expect(text.contains("same quality for less: #1 at $94.13/month"))
        #expect(json["cheaper_at_same_quality"]?["point"]?["number"] == .number(1))
        #expect(json["better_at_same_cost"]?["point"]?["number"] == .number(2))
    }

    @Test func checkOutSavesTheFrontItsNumbersReferTo() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let saved = directory + "/exact.json"
        let run = runTool(["check", Self.production, "--data", Paths.tiny, "--out", saved])
        #expect(run.status == 0)
        #expect(run.out.contains("point numbers (#) refer to the exact front of \(Paths.tiny) computed for this check (2 points, saved as \(saved))\n"))
        // The saved front is the one computed: #2 there is the #2 named here.
        #expect(try Front.load(path: saved).points.map(\.monthlyCostUSD) == [94.125, 150.75])
        #expect(runTool(["pick", saved, "--point", "2"]).out.hasPrefix("point #2 of 2: $151/month"))
        let unsaved = runTool(["check", Self.production, "--data", Paths.tiny, "--json"])
        #expect(try Self.json(unsaved.out)["front"] == .object([("computed_from", .string(Paths.tiny)), ("file", .null)]))
        #expect(runTool(["check", Self.production, "--data", Paths.tiny, "--front", Self.front, "--out", saved]).status == 64)
    }

    @Test func diffLadderAndReportNumberFromOne() throws {
        let diffText = runTool(["diff", Self.front, Self.front, "--budget", "100"]).out
        let diffJSON = try Self.json(runTool(["diff", Self.front, Self.front, "--budget", "100", "--json"]).out)
        #expect(diffText.contains("  old #1: $94.13"))
        #expect(diffJSON["at_budget"]?["old"]?["point"] == .number(1))
        // The ladder numbers steps by their fraction, never a 0-based index.
        let ladder = runTool(["ladder", "--budget", "200", "--steps", "1,0.5", "--data", Paths.tiny, "--json"]).out
        #expect(!ladder.contains("\"index\""))
        // The report's data names the knee by its number, as pick --knee does.
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(runTool(["report", Self.front, "--html", directory + "/r.html"]).status == 0)
        let html = try String(contentsOfFile: directory + "/r.html", encoding: .utf8)
        let knee = try #require(try Self.json(runTool(["pick", Self.front, "--knee", "--json"]).out)["point"]?["number"]?.number)
        #expect(html.contains("\"knee_point\":\(Int(knee))") || html.contains("\"knee_point\": \(Int(knee))"))
        #expect(!html.contains("knee_index"))
    }
}
