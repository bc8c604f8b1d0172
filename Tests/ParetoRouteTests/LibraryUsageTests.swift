import Foundation
import Testing
import ParetoRoute

/// The snippet of docs/library.md, line for line, on the tiny fixture (whose
/// front is listed by hand in ExactSolverTests): what a Swift service would write.
@Suite struct LibraryUsageTests {
    @Test func theReadmeSnippetRunsAndAnswers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-library-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        let request = FrontRequest(constraints: GlobalConstraints(maxMonthlyCostUSD: 200))
        let front = try FrontRun.optimize(table, request: request).front   // or FrontRun.exact(table, request: request)
        try OutputTarget(path: directory + "/front.json").write { try front.writeJSON(to: $0) }

        guard case .found(let i) = FrontPicker.pick(.budget(100), from: front) else {
            Issue.record("a point costs at most $100")
            return
        }
        let deploy = front.points[i].configuration
        let path = FixturePaths.fixture("configs/tiny-production.json")
        let production = try table.choice(of: Configuration.load(path: path), file: path)
        let check = DominanceCheck(evaluation: table.evaluate(production), front: front)

        // faq big + chat small ($94.125, 0.87) and faq big + chat big ($150.75, 0.9167).
        #expect(front.points.map(\.monthlyCostUSD) == [94.125, 150.75])
        #expect(i == 0)
        #expect(deploy.entries.map { $0.option.singleSetting?.model } == ["big", "small"])
        #expect(try Front.load(path: directory + "/front.json").points.count == 2)
        // Production ($168.25, 0.8533) is beaten by both; the cheapest at its quality saves $74.125.
        #expect(check.isDominated)
        #expect(check.dominators == [0, 1])
        #expect(abs((check.cheaperAtSameQuality?.savingUSD ?? 0) - 74.125) < 1e-9)
    }

    /// The README's `check` snippet, line for line, on the tiny fixture: production is
    /// dominated (exit 3 under `--fail-if-dominated`), and the saved front is the one whose
    /// numbers the text uses.
    @Test func theReadmeCheckSnippetRuns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-library-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let golden = FixturePaths.fixture("tiny")

        let data = try GoldenDataLoader.load(directory: golden)
        let path = FixturePaths.fixture("configs/tiny-production.json")
        let (check, run) = try ConfigurationCheck.againstExactFront(
            of: data, dataDirectory: golden, configuration: Configuration.load(path: path), file: path)
        let text = check.text()
        let gate = check.failsGate(ifDominated: true, ifInfeasible: false)
        try OutputTarget(path: directory + "/exact.json").write { try run.front.writeJSON(to: $0) }

        let saved = try FrontWithData.load(frontPath: directory + "/exact.json", dataDirectory: golden)
        let judged = try ConfigurationCheck.against(saved, frontPath: directory + "/exact.json",
                                                    configuration: Configuration.load(path: path), file: path)

        // Production ($168.25, 0.8533) is dominated by both points; #1 saves $74.13 a month.
        #expect(gate)
        #expect(check.dominance.dominators == [0, 1])
        #expect(text.contains("same quality for less: #1 at $94.13/month (quality 0.8700) saves $74.13/month"))
        #expect(text.contains("point numbers (#) refer to the exact front of \(golden) computed for this check (2 points, not saved)"))
        #expect(judged.dominance.dominators == check.dominance.dominators)
        #expect(judged.front.points.map(\.monthlyCostUSD) == [94.125, 150.75])
        #expect(judged.assumptions == "judged under the assumptions of \(directory)/exact.json: the data as measured")
    }
}

