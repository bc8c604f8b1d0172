import Foundation
@testable import ParetoRouteCLI

/// Captures what a command writes, for assertions.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }

    var console: Console {
        Console(out: { text in self.lock.withLock { self.outText += text } },
                err: { text in self.lock.withLock { self.errText += text } },
                errIsTerminal: false)
    }
}

/// Runs the tool in-process; returns (status, stdout, stderr).
func runTool(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let recorder = Recorder()
    let status = CommandLineTool.run(arguments, console: recorder.console)
    return (status, recorder.out, recorder.err)
}

enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ name: String) -> String { tests.appendingPathComponent("Fixtures/" + name).path }
    static var tiny: String { fixture("tiny") }
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
