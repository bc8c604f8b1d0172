import Foundation

/// Where a command writes: results to `out`, diagnostics and progress to `err`.
///
/// Tests pass a recording console; the tool passes the process's streams.
struct Console: Sendable {
    /// Writes results (stdout).
    var out: @Sendable (String) -> Void
    /// Writes diagnostics and progress (stderr).
    var err: @Sendable (String) -> Void
    /// Whether stderr is a terminal, so progress is worth printing.
    var errIsTerminal: Bool

    /// The process's standard output and error.
    static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        err: { text in FileHandle.standardError.write(Data(text.utf8)) },
        errIsTerminal: isatty(2) == 1)
}

/// Exit statuses of the tool (sysexits where one fits).
enum ExitStatus {
    static let ok: Int32 = 0
    static let noAnswer: Int32 = 1
    static let dominated: Int32 = 3
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    static let cannotWrite: Int32 = 73
    static let readFailure: Int32 = 74
}
