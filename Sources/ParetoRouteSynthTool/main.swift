import Foundation
import ParetoRouteSynth

// Thin entry point: everything, including exit codes, is in the library's SynthCommand.
exit(SynthCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
