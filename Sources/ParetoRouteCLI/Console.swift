import Foundation
import ParetoRoute

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
    /// Whether stdout is a terminal, so text output is fitted to its width.
    var outIsTerminal = false
    /// The columns text output must fit (a terminal's width, `--width N`), or nil: as wide
    /// as it needs (`--wide`, or stdout is a pipe or a file, so nothing is lost).
    var width: Int?

    /// Writes text for people (tables, summaries), long lines wrapped to ``width``.
    /// Machine output (JSON) goes through ``out`` unchanged.
    func text(_ text: String) {
        out(wrapLines(text, width: width))
    }

    /// Writes a diagnostic for people on stderr, wrapped to ``width``; errors stay one line
    /// (they go through ``err``).
    func note(_ text: String) {
        err(wrapLines(text, width: width))
    }

    /// The process's standard output and error.
    ///
    /// `FileHandle.write(_:)` traps on failure on Linux; these use the throwing form and
    /// remember a failed stdout write (a full disk, say) so the tool exits 73. A reader that
    /// closes the pipe early ends the tool by SIGPIPE, as it does any Unix filter.
    static let standard = Console(
        out: { text in
            do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch { StandardOutput.failed.set() }
        },
        err: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) },
        errIsTerminal: isatty(2) == 1, outIsTerminal: isatty(1) == 1)
}

/// Whether writing results to standard output failed during this run.
enum StandardOutput {
    /// Set once a write to stdout failed; read by `main` before exiting.
    static let failed = Flag()

    /// A one-way flag shared by the console's closures.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        /// Raises the flag.
        func set() { lock.lock(); value = true; lock.unlock() }
        /// Whether the flag was raised.
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }
}

/// Exit statuses of the tool (sysexits where one fits).
enum ExitStatus {
    static let ok: Int32 = 0
    static let noAnswer: Int32 = 1
    /// A pipeline gate failed: `check --fail-if-dominated` or `--fail-if-infeasible`,
    /// `diff --fail-if-worse`.
    static let gateFailed: Int32 = 3
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    static let cannotWrite: Int32 = 73
    static let readFailure: Int32 = 74
}
