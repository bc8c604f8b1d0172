import Foundation

var status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: .standard)
if StandardOutput.failed.isSet, status == ExitStatus.ok || status == ExitStatus.noAnswer || status == ExitStatus.gateFailed {
    try? FileHandle.standardError.write(contentsOf: Data("paretoroute: <stdout>: cannot write the results\n".utf8))
    status = ExitStatus.cannotWrite
}
exit(status)
