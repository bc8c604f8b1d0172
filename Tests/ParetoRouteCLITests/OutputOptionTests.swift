import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// Every output option of `optimize`/`exact` goes through one checked target.
@Suite struct OutputOptionTests {
    @Test func dashIsStandardOutputCarryingOnlyThatOutput() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = runTool(["exact", "--data", Paths.tiny, "--quiet", "--out", directory + "/front.json"])
        let json = try #require(FileManager.default.contents(atPath: directory + "/front.json"))
        #expect(file.status == 0 && file.out.hasPrefix("ParetoRoute front (exact): 2 points"))
        let dash = runTool(["exact", "--data", Paths.tiny, "--quiet", "--out", "-"])
        #expect(dash.status == 0)
        #expect(Data(dash.out.utf8) == json)  // the JSON alone: no table before or after it
        #expect(!FileManager.default.fileExists(atPath: "-"))
        let csv = runTool(["exact", "--data", Paths.tiny, "--quiet", "--csv", "-", "--out", directory + "/again.json"])
        #expect(csv.out.hasPrefix("point,monthly_cost_usd,quality,"))
        #expect(csv.out.split(separator: "\n").count == 3)
        let text = runTool(["exact", "--data", Paths.tiny, "--quiet", "--text", "-"])
        #expect(text.out == file.out)
    }

    @Test func aSymlinkedOutputReplacesItsTarget() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old\n".write(toFile: directory + "/target.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: "target.csv")
        #expect(runTool(["exact", "--data", Paths.tiny, "--quiet", "--csv", directory + "/link.csv"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link.csv") == "target.csv")
        let written = String(decoding: try #require(FileManager.default.contents(atPath: directory + "/target.csv")), as: UTF8.self)
        #expect(written.hasPrefix("point,monthly_cost_usd,") && written.hasSuffix("\n") && written.split(separator: "\n").count == 3)
    }

    @Test func twoOutputsNamingOneFileExit64WithNoFileChanged() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "old\n".write(toFile: directory + "/f.json", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.csv", withDestinationPath: "f.json")
        for arguments in [["--svg", directory + "/f.json", "--out", directory + "/f.json"],
                          ["--out", directory + "/f.json", "--csv", directory + "/link.csv"],
                          ["--out", "-", "--text", "-"],
                          ["--out", directory + "/new.json", "--text", directory + "/./new.json"]] {
            let run = runTool(["optimize", "--data", Paths.tiny] + arguments)
            #expect(run.status == 64)
            #expect(run.out.isEmpty)
            #expect(run.err.contains("names the same file as"))
            #expect(!run.err.contains("pruned"))  // refused before loading the data or searching
        }
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: directory + "/f.json")), as: UTF8.self) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["f.json", "link.csv"])
    }

    @Test func theWarmStartRerunMayReplaceTheFrontItReads() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = directory + "/front.json"
        #expect(runTool(["optimize", "--data", Paths.tiny, "--quiet", "--out", front]).status == 0)
        let rerun = runTool(["optimize", "--data", Paths.tiny, "--warm-start", front, "--out", front])
        #expect(rerun.status == 0)
        #expect(rerun.err.contains("warm start: 2 configurations seeded"))
        let reread = try Front.load(path: front)
        #expect(reread.points.count == 2)
        guard case .nsga2(_, _, _, let warmStartPoints, _) = reread.statistics.search else {
            Issue.record("an NSGA-II front")
            return
        }
        #expect(warmStartPoints == 2)
    }

    @Test func aBadDirectoryFailsBeforeTheSearchInWords() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = runTool(["optimize", "--data", Paths.tiny, "--out", directory + "/none/f.json"])
        #expect(missing.status == 73)
        #expect(missing.err == "paretoroute: --out \(directory)/none/f.json: cannot write: the directory \(directory)/none does not exist\n")
        let isDirectory = runTool(["optimize", "--data", Paths.tiny, "--csv", directory])
        #expect(isDirectory.status == 73)
        #expect(isDirectory.err == "paretoroute: --csv \(directory): cannot write: is a directory\n")
    }
}
