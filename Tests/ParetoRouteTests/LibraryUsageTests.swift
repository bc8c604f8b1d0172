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
        #expect(deploy.entries.map(\.setting.model) == ["big", "small"])
        #expect(try Front.load(path: directory + "/front.json").points.count == 2)
        // Production ($168.25, 0.8533) is beaten by both; the cheapest at its quality saves $74.125.
        #expect(check.isDominated)
        #expect(check.dominators == [0, 1])
        #expect(abs((check.cheaperAtSameQuality?.savingUSD ?? 0) - 74.125) < 1e-9)
    }
}
