import Foundation
import Testing
@testable import ParetoRouteCLI

/// An input that never ends (`/dev/zero`, `/dev/urandom`) or never answers (a FIFO whose
/// writer never writes or closes) is refused at once, in every role a file plays: data,
/// configuration, front, scenario, eval log. Before, `pick /dev/zero --knee` grew to
/// 3.3 GB in 5 seconds.
@Suite(.serialized) struct HostileInputTests {
    /// A FIFO with a writer that holds it open and never writes: a reader would wait forever.
    final class NeverClosingFIFO {
        let path: String
        private let writer: Int32

        init(directory: String) throws {
            path = directory + "/never-closes"
            guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
            // O_RDWR never blocks on Linux: the FIFO has a writer from now on.
            writer = open(path, O_RDWR | O_NONBLOCK)
            guard writer >= 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        deinit { close(writer) }
    }

    /// A data directory like the tiny fixture, with `file` replaced by a symlink to `hostile`.
    static func dataDirectory(in directory: String, replacing file: String, with hostile: String) throws -> String {
        let data = directory + "/data-\(file.replacingOccurrences(of: "/", with: "-"))"
        let manager = FileManager.default
        try manager.createDirectory(atPath: data + "/evals", withIntermediateDirectories: true)
        for name in ["models.csv", "intents.csv", "evals/a.csv", "evals/b.csv"] {
            let target = name == file ? hostile : Paths.tiny + "/" + name
            try manager.createSymbolicLink(atPath: data + "/" + name, withDestinationPath: target)
        }
        return data
    }

    /// Runs `arguments`, checking a non-zero status within a second and a one-line error.
    static func expectRefused(_ arguments: [String], _ comment: String) {
        let start = Date()
        let result = runTool(arguments)
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status != 0, "\(comment): \(arguments) exited 0")
        #expect(seconds < 1, "\(comment): \(arguments) took \(seconds) s")
        #expect(result.err.split(separator: "\n").count >= 1, "\(comment): no error")
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "fifo"])
    func everyRoleRefusesAnEndlessInput(_ source: String) throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = try NeverClosingFIFO(directory: directory)
        let hostile = source == "fifo" ? fifo.path : source
        let config = Paths.fixture("configs/tiny-production.json")
        let front = directory + "/front.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--out", front, "--quiet"]).status == 0)

        // Data: each file of the directory, and the directory itself.
        for file in ["models.csv", "intents.csv", "evals/a.csv"] {
            let data = try Self.dataDirectory(in: directory, replacing: file, with: hostile)
            Self.expectRefused(["validate", "--data", data], "data file \(file)")
            Self.expectRefused(["evaluate", config, "--data", data], "data file \(file)")
        }
        Self.expectRefused(["validate", "--data", hostile], "data directory")
        // Configuration.
        Self.expectRefused(["evaluate", hostile, "--data", Paths.tiny], "configuration")
        Self.expectRefused(["check", hostile, "--data", Paths.tiny], "configuration")
        Self.expectRefused(["exact", "--data", Paths.tiny, "--baseline", hostile, "--max-changes", "1"], "baseline")
        Self.expectRefused(["ladder", "--budget", "1000", "--data", Paths.tiny, "--from", hostile], "ladder --from")
        Self.expectRefused(["report", front, "--svg", directory + "/f.svg", "--mark", hostile, "--data", Paths.tiny], "--mark")
        // Front.
        Self.expectRefused(["pick", hostile, "--knee"], "front")
        Self.expectRefused(["check", config, "--front", hostile, "--data", Paths.tiny], "check --front")
        Self.expectRefused(["diff", front, hostile], "diff")
        Self.expectRefused(["report", hostile, "--svg", directory + "/f.svg"], "report")
        Self.expectRefused(["project", hostile, "--knee", "--data", Paths.tiny, "--runs", "10"], "project")
        Self.expectRefused(["optimize", "--data", Paths.tiny, "--warm-start", hostile, "--generations", "1"], "warm start")
        // Scenario.
        Self.expectRefused(["project", config, "--data", Paths.tiny, "--scenario", hostile, "--runs", "10"], "scenario")
        Self.expectRefused(["pick", front, "--budget", "1000", "--risk", "0.9", "--data", Paths.tiny,
                            "--scenario", hostile, "--runs", "10"], "pick --risk --scenario")
        // Eval logs.
        Self.expectRefused(["import", "inspect", hostile, "--data", directory + "/new", "--dry-run"], "inspect log")
        Self.expectRefused(["import", "promptfoo", hostile, "--data", directory + "/new", "--dry-run"], "promptfoo results")
    }

    @Test func theErrorNamesTheKindOfFile() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = try NeverClosingFIFO(directory: directory)
        let device = runTool(["pick", "/dev/zero", "--knee"])
        #expect(device.status == 65)
        #expect(device.err == "paretoroute: /dev/zero: is a character device, not a regular file; expected a JSON file (inputs are never read from devices, pipes or sockets)\n")
        let pipe = runTool(["check", fifo.path, "--data", Paths.tiny])
        #expect(pipe.status == 65)
        #expect(pipe.err.contains("is a FIFO (named pipe), not a regular file"))
    }

    @Test func aLargeFileThatCannotBeJSONFailsOnItsFirstChunk() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // 8 MiB of zero bytes: a regular file, read no further than its first 64 KiB.
        let path = directory + "/zeros.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 8 << 20)))
        let result = runTool(["pick", path, "--knee"])
        #expect(result.status == 65)
        #expect(result.err.hasPrefix("paretoroute: \(path):1: "))
        // A configuration larger than its documented 16 MiB limit.
        let big = directory + "/big.json"
        #expect(FileManager.default.createFile(atPath: big, contents: Data(repeating: 0x20, count: (16 << 20) + 1)))
        let tooLarge = runTool(["evaluate", big, "--data", Paths.tiny])
        #expect(tooLarge.status == 65)
        #expect(tooLarge.err.contains("is larger than 16 MiB, the limit for a JSON file"))
    }
}
