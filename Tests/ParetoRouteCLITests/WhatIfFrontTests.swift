import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// A front made under a what-if is judged under that what-if by every command that reads
/// it with its data (FrontWithData): pick --data, pick --risk, project, report --mark, check.
@Suite struct WhatIfFrontTests {
    /// The tiny data's exact front at ten times the volume: 4 points, $216 to $1,508 a month;
    /// as measured they would cost $112, $168, $94.13 and $151 (the fee of 'tuned' does not scale).
    static let front: String = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        let path = directory + "/volume10.json"
        _ = runTool(["exact", "--data", Paths.tiny, "--volume-scale", "10", "--out", path, "--quiet"])
        return path
    }()

    @Test func riskZeroPicksWhatPickBudgetPicks() throws {
        // At $900 the best under the what-if is #2 ($783); at the measured prices every point
        // fits and the risk path, on raw data, picked #4.
        let plain = runTool(["pick", Self.front, "--budget", "900", "--data", Paths.tiny])
        #expect(plain.status == 0)
        #expect(plain.out.hasPrefix("point #2 of 4: $783/month"))
        let risk = runTool(["pick", Self.front, "--budget", "900", "--data", Paths.tiny, "--risk", "0", "--runs", "500"])
        #expect(risk.status == 0, "\(risk.err)")
        #expect(risk.out.hasPrefix("point #2 of 4: $783/month"))
        #expect(risk.out.contains("expected-cost pick #2: $783 expected in month 1"))
        // The library call agrees.
        let loaded = try FrontWithData.load(frontPath: Self.front, dataDirectory: Paths.tiny)
        let pick = try RiskAwarePick.pick(from: loaded.front, table: loaded.table, budgetUSD: 900, risk: 0,
                                          options: CostProjector.Options(runs: 500))
        #expect(pick.chosen?.index == 1)
        #expect(FrontPicker.pick(.budget(900), from: loaded.front) == .found(1))
        // Nothing within $200 under the what-if: both paths say so and show the cheapest, $216.
        let none = runTool(["pick", Self.front, "--budget", "200", "--data", Paths.tiny, "--risk", "0.9", "--runs", "500"])
        #expect(none.status == 1)
        #expect(none.err.contains("no point is expected to cost at most $200 in month 1"))
        #expect(none.out.hasPrefix("nearest point (#1): $216/month"))
        #expect(runTool(["pick", Self.front, "--budget", "200", "--data", Paths.tiny]).out.hasPrefix("nearest point (#1): $216/month"))
    }

    @Test func projectAFrontPointUnderItsWhatIf() throws {
        let run = runTool(["project", Self.front, "--point", "3", "--data", Paths.tiny, "--months", "1", "--runs", "200", "--json"])
        #expect(run.status == 0, "\(run.err)")
        let json = try JSONParser.parse(Array(run.out.utf8), file: "project")
        let expected = try #require(json["months"]?.array?.first?["expected_usd"]?.number)
        // The front's own figure: ten times the measured $94.125.
        #expect(expected == 941.25)
        let doubled = runTool(["project", Self.front, "--point", "1", "--data", Paths.tiny, "--volume-scale", "2"])
        #expect(doubled.status == 64)
        #expect(doubled.err.contains("records its own what-if; omit --volume-scale"))
    }

    @Test func riskAndRunsAreCheckedByTheLibrary() throws {
        let loaded = try FrontWithData.load(frontPath: Self.front, dataDirectory: Paths.tiny)
        #expect(throws: RequestError.self) {
            try RiskAwarePick.pick(from: loaded.front, table: loaded.table, budgetUSD: 900, risk: 1)
        }
        #expect(throws: RequestError([.runs], "0 runs (exact below 1000); expected at least 1 run and a threshold of at least 0")) {
            let plan = try ProjectionPlan(table: loaded.table, choice: [0, 0], months: 1)
            _ = try CostProjector.project(plan, options: CostProjector.Options(runs: 0))
        }
        #expect(throws: RequestError.self) { try ProjectionPlan(table: loaded.table, choice: [0, 0], months: 0) }
        #expect(throws: DataError.self) { try ProjectionPlan(table: loaded.table, choice: [0], months: 1) }
        let cli = runTool(["pick", Self.front, "--budget", "900", "--data", Paths.tiny, "--risk", "1"])
        #expect(cli.status == 64)
        #expect(cli.err == "paretoroute: --risk: 1 is not a probability in [0, 1); expected e.g. 0.9\n")
    }

    /// What-if ranges are checked once, in the library: a library caller gets the typed
    /// error, the CLI names its flag, and a front file recording a bad what-if is blamed by field.
    @Test func whatIfRangesAreTheLibrarysAndAFileIsBlamedByField() throws {
        var whatIf = WhatIf()
        whatIf.responseCacheRates["faq"] = 1
        #expect(throws: RequestError([.responseCacheRates], "faq: 1 is not a cache hit rate; expected a number in [0, 1)")) { try whatIf.validate() }
        let table = try GoldenDataLoader.load(directory: Paths.tiny)
        #expect(throws: RequestError.self) { try whatIf.apply(to: table) }
        let cli = runTool(["exact", "--data", Paths.tiny, "--cache-rate", "faq=1"])
        #expect(cli.status == 64)
        #expect(cli.err == "paretoroute: --cache-rate: faq: 1 is not a cache hit rate; expected a number in [0, 1)\n")

        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = try String(contentsOfFile: Self.front, encoding: .utf8)
        let bad = directory + "/bad.json"
        try text.replacingOccurrences(of: "\"volume_scale\": 10", with: "\"volume_scale\": -10").write(toFile: bad, atomically: true, encoding: .utf8)
        let pick = runTool(["pick", bad, "--knee", "--data", Paths.tiny])
        #expect(pick.status == 65)
        #expect(pick.err == "paretoroute: \(bad): field 'settings.what_if': -10 is not a scale; expected a number > 0\n")
    }

    /// A front whose recorded confidence is 1.5 is the file's fault: `pick --data` blamed
    /// `--confidence`, a flag nobody typed.
    @Test func aFrontsBadConfidenceIsBlamedOnItsField() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = directory + "/front.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--confidence", "0.95", "--out", front, "--quiet"]).status == 0)
        let text = try String(contentsOfFile: front, encoding: .utf8)
        #expect(text.contains("\"confidence\": 0.95"))
        try text.replacingOccurrences(of: "\"confidence\": 0.95", with: "\"confidence\": 1.5").write(toFile: front, atomically: true, encoding: .utf8)
        let pick = runTool(["pick", front, "--knee", "--data", Paths.tiny])
        #expect(pick.status == 65)
        #expect(pick.err == "paretoroute: \(front): field 'settings.confidence': 1.5 is out of range; expected a number in (0, 1), e.g. 0.95\n")
        #expect(!pick.err.contains("--confidence"))
    }
}


/// A choice of the wrong shape handed to the library is a typed error, never an index trap.
@Suite struct ChoiceShapeTests {
    @Test func wrongChoicesAreRequestErrors() throws {
        let table = try GoldenDataLoader.load(directory: Paths.tiny)
        for choice in [[0], [0, 0, 0], [0, 99], [-1, 0]] {
            #expect(throws: RequestError.self) { try FeasibilityRepair.find(for: choice, table: table) }
            #expect(throws: RequestError.self) { try LimitedMove.headline(from: choice, table: table) }
            #expect(throws: RequestError.self) { try SearchSpace(table: table, scope: Scope(baseline: choice, maxChanges: 1)) }
        }
        #expect(throws: RequestError([.maxChanges], "-1 changes; expected a count of intents >= 0")) {
            try SearchSpace(table: table, scope: Scope(baseline: [0, 0], maxChanges: -1))
        }
    }
}
