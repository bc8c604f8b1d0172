import Foundation
import ParetoRouteSynth

// Thin entry point: everything, including exit codes, is in the library's SynthCommand;
// `paretoroute-synth logs ...` writes request logs (LogsCommand).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "logs" {
    exit(LogsCommand.main(arguments: Array(arguments.dropFirst())))
}
exit(SynthCommand.main(arguments: arguments))
