import Foundation
import ParetoRouteCLI

exit(ProcessEntry.run(Array(CommandLine.arguments.dropFirst())))
