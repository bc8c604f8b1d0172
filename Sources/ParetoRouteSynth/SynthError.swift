/// Why generation could not run, with the exit status the command-line tool reports.
public enum SynthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command line is wrong (unknown flag, missing or malformed value).
    case usage(String)
    /// A data set specification is inconsistent (e.g. a model without an expected quality).
    case invalidSpec(String)
    /// A file or directory could not be created or written.
    case cannotWrite(path: String, reason: String)

    /// One line for stderr.
    public var description: String {
        switch self {
        case .usage(let message): "usage error: \(message) (see --help)"
        case .invalidSpec(let message): "invalid data set specification: \(message)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }

    /// The sysexits status: 64 (EX_USAGE), 65 (EX_DATAERR) or 73 (EX_CANTCREAT).
    public var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .invalidSpec: 65
        case .cannotWrite: 73
        }
    }
}
