import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// Front files written by the previous release (`paretoroute.front/1`, made with the
/// 0.1 binary on the tiny fixture and checked in) keep working with every reader.
@Suite struct FormatOneTests {
    let optimized = Paths.fixture("format1/tiny-optimize.json")
    let scoped = Paths.fixture("format1/tiny-exact-scoped.json")

    @Test func pickReadsAFormatOneFront() {
        let knee = runTool(["pick", optimized, "--knee"])
        #expect(knee.status == 0)
        #expect(knee.out.hasPrefix("point #1 of 2: $94.13/month (fees $0.00), quality 0.8700"))
        let json = runTool(["pick", optimized, "--budget", "200", "--json"])
        #expect(json.out.contains("\"model\": \"big\""))
    }

    @Test func checkAgainstAFormatOneFront() {
        let check = runTool(["check", Paths.fixture("configs/tiny-production.json"), "--data", Paths.tiny, "--front", optimized])
        #expect(check.status == 0)
        #expect(check.out.contains("DOMINATED by 2 of the 2 front points (nsga2 front)"))
    }

    @Test func diffOfAFormatOneAndAFormatTwoFront() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let new = directory + "/new.json"
        #expect(runTool(["optimize", "--data", Paths.tiny, "--out", new, "--quiet"]).status == 0)
        let diff = runTool(["diff", optimized, new])
        #expect(diff.status == 0)
        // Same data, same seed: the same front in either format.
        #expect(diff.out.hasPrefix("hypervolume 1.42 → 1.42 (+0.00%"))
        #expect(diff.out.contains("points: 2 → 2; same data ("))
        #expect(diff.out.contains(") and assumptions: the same configurations\n"))
        #expect(!diff.out.contains("setting "))
        let scopedDiff = runTool(["diff", optimized, scoped])
        #expect(scopedDiff.out.contains("setting max_changes: null → 1"))
    }

    @Test func warmStartFromAFormatOneFront() throws {
        let rerun = runTool(["optimize", "--data", Paths.tiny, "--warm-start", optimized, "--json"])
        #expect(rerun.status == 0)
        #expect(rerun.err.contains("warm start: 2 configurations seeded, 0 dropped"))
        let front = try Front(bytes: Array(rerun.out.utf8), file: "stdout")
        #expect(front.points.map(\.monthlyCostUSD) == [94.125, 150.75])
        #expect(front.statistics.search == .nsga2(generationsRun: 60, evaluations: 4, stoppedByStall: true,
                                                  warmStartPoints: 2, warmStartDropped: 0))
    }

    @Test func aFormatOneFrontReadsItsFiguresAndSettings() throws {
        let front = try Front.load(path: scoped)
        #expect(front.method == .exact)
        #expect(front.settings.maxChanges == 1)
        #expect(front.settings.baseline?.entries.map(\.intent) == ["faq", "chat"])
        #expect(front.points.count == 2)
        // Format 1 did not record floors and caps: they read as unknown.
        #expect(front.intents.allSatisfy { $0.minQuality.isNaN })
    }
}

/// The library example of docs/library.md writes the same front file as the CLI command it mirrors.
@Suite struct LibraryMatchesCLITests {
    @Test func theLibraryExampleWritesTheCLIsBytes() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // As in docs/library.md: load, ask, write.
        let table = try GoldenDataLoader.load(directory: Paths.tiny)
        let request = FrontRequest(constraints: GlobalConstraints(maxMonthlyCostUSD: 200))
        let front = try FrontRun.optimize(table, request: request).front
        try OutputTarget(path: directory + "/library.json").write { try front.writeJSON(to: $0) }
        // The command line: paretoroute optimize --max-monthly-cost 200 --out cli.json
        let cli = runTool(["optimize", "--data", Paths.tiny, "--max-monthly-cost", "200", "--out", directory + "/cli.json", "--quiet"])
        #expect(cli.status == 0)
        let library = try #require(FileManager.default.contents(atPath: directory + "/library.json"))
        let written = try #require(FileManager.default.contents(atPath: directory + "/cli.json"))
        #expect(library == written)
        #expect(library.count > 1_000)
        // And a diff of the two reports no changed setting.
        let diff = runTool(["diff", directory + "/library.json", directory + "/cli.json"])
        #expect(!diff.out.contains("setting "))
    }

    /// `check --json` is the library's ``ConfigurationCheck/json(savedAs:)``, byte for byte,
    /// against the computed exact front and against a saved one.
    @Test func theLibraryCheckIsTheCLIsCheck() throws {
        let production = Paths.fixture("configs/tiny-production.json")
        let data = try GoldenDataLoader.load(directory: Paths.tiny)
        let (check, run) = try ConfigurationCheck.againstExactFront(
            of: data, dataDirectory: Paths.tiny, configuration: Configuration.load(path: production), file: production)
        let cli = runTool(["check", production, "--data", Paths.tiny, "--json", "--fail-if-dominated"])
        #expect(cli.out == check.json().serialized())
        #expect(cli.status == (check.failsGate(ifDominated: true, ifInfeasible: false) ? 3 : 0))
        #expect(cli.status == 3)
        #expect(runTool(["check", production, "--data", Paths.tiny]).out == check.text())

        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = directory + "/front.json"
        try OutputTarget(path: front).write { try run.front.writeJSON(to: $0) }
        let loaded = try FrontWithData.load(frontPath: front, dataDirectory: Paths.tiny)
        let judged = try ConfigurationCheck.against(loaded, frontPath: front, configuration: Configuration.load(path: production), file: production)
        #expect(runTool(["check", production, "--data", Paths.tiny, "--front", front, "--json"]).out == judged.json().serialized())
    }
}
