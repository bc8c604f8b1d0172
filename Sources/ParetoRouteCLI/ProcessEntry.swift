import Foundation

/// The `paretoroute` process: the tool on the real standard streams, and its exit status.
///
/// Public so that the thin executable (`Sources/ParetoRouteTool`) can call it; the tests
/// and the argument fuzzer call ``CommandLineTool/run(_:console:)`` with a recording console.
public enum ProcessEntry {
    /// Runs the tool with `arguments` (without the program name); returns the exit status,
    /// 73 when a result could not be written to stdout (a full disk, say).
    public static func run(_ arguments: [String]) -> Int32 {
        var status = CommandLineTool.run(arguments, console: .standard)
        if StandardOutput.failed.isSet, status == ExitStatus.ok || status == ExitStatus.noAnswer || status == ExitStatus.gateFailed {
            try? FileHandle.standardError.write(contentsOf: Data("paretoroute: <stdout>: cannot write the results\n".utf8))
            status = ExitStatus.cannotWrite
        }
        return status
    }
}
