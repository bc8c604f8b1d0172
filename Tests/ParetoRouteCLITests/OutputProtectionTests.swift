import Foundation
import Testing
@testable import ParetoRouteCLI

/// An output never replaces a file the command reads: naming one (directly, through a
/// symlink or a hard link) is a usage error (exit 64) before any work, and the input's
/// bytes are unchanged. `optimize --warm-start F --out F`, the natural rerun, stays allowed.
@Suite struct OutputProtectionTests {
    /// A copy of the tiny data set with a configuration and a scenario, in a fresh directory.
    static func workspace() throws -> String {
        let directory = try Paths.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/data/evals", withIntermediateDirectories: true)
        for name in ["models.csv", "intents.csv", "evals/a.csv", "evals/b.csv"] {
            try manager.copyItem(atPath: Paths.tiny + "/" + name, toPath: directory + "/data/" + name)
        }
        try manager.copyItem(atPath: Paths.fixture("configs/tiny-production.json"), toPath: directory + "/p.json")
        try #"{"name": "flat", "growth_per_month": 0}"#.write(toFile: directory + "/scenario.json", atomically: true, encoding: .utf8)
        return directory
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Runs `arguments` and checks exit 64, a one-line error naming `option`, and `input` unchanged.
    static func expectRefused(_ arguments: [String], option: String, input: String) {
        let before = bytes(input)
        let result = runTool(arguments)
        #expect(result.status == 64, "\(arguments): \(result.err)")
        #expect(result.err.hasPrefix("paretoroute: \(option) "), "\(result.err)")
        #expect(result.err.contains("an output never replaces an input"))
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(before != nil && bytes(input) == before, "\(input) changed")
    }

    @Test func anOutputNamingAnEvalFileIsRefused() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: w) }
        Self.expectRefused(["optimize", "--data", w + "/data", "--csv", w + "/data/evals/a.csv", "--generations", "1"],
                           option: "--csv", input: w + "/data/evals/a.csv")
        Self.expectRefused(["exact", "--data", w + "/data", "--text", w + "/data/models.csv"],
                           option: "--text", input: w + "/data/models.csv")
    }

    @Test func anOutputNamingTheMarkedConfigurationIsRefused() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: w) }
        Self.expectRefused(["optimize", "--data", w + "/data", "--mark", w + "/p.json", "--out", w + "/p.json", "--generations", "1"],
                           option: "--out", input: w + "/p.json")
        // Through a symlink and a hard link: the same file by device and inode.
        try FileManager.default.createSymbolicLink(atPath: w + "/link.json", withDestinationPath: w + "/p.json")
        try FileManager.default.linkItem(atPath: w + "/p.json", toPath: w + "/hard.json")
        Self.expectRefused(["exact", "--data", w + "/data", "--mark", w + "/p.json", "--html", w + "/link.json"],
                           option: "--html", input: w + "/p.json")
        Self.expectRefused(["exact", "--data", w + "/data", "--baseline", w + "/p.json", "--max-changes", "1", "--svg", w + "/hard.json"],
                           option: "--svg", input: w + "/p.json")
    }

    @Test func anOutputNamingTheScenarioOrTheFrontIsRefused() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: w) }
        Self.expectRefused(["project", w + "/p.json", "--data", w + "/data", "--scenario", w + "/scenario.json", "--svg", w + "/scenario.json"],
                           option: "--svg", input: w + "/scenario.json")
        #expect(runTool(["exact", "--data", w + "/data", "--out", w + "/front.json", "--quiet"]).status == 0)
        Self.expectRefused(["report", w + "/front.json", "--html", w + "/front.json"], option: "--html", input: w + "/front.json")
        Self.expectRefused(["report", w + "/front.json", "--svg", w + "/r.svg", "--mark", w + "/p.json", "--html", w + "/p.json", "--data", w + "/data"],
                           option: "--html", input: w + "/p.json")
    }

    @Test func theWarmStartRerunMayReplaceItsFrontButNoOtherOutputMay() throws {
        let w = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: w) }
        let front = w + "/front.json"
        let common = ["optimize", "--data", w + "/data", "--generations", "2", "--population", "8", "--quiet"]
        #expect(runTool(common + ["--out", front]).status == 0)
        Self.expectRefused(common + ["--warm-start", front, "--csv", front], option: "--csv", input: front)
        let rerun = runTool(common + ["--warm-start", front, "--out", front])
        #expect(rerun.status == 0, "\(rerun.err)")
        #expect(runTool(["pick", front, "--knee"]).status == 0)
    }
}
