/// A malformed request log line: where it is and what is wrong with it.
public struct UsageLineIssue: Sendable, Hashable {
    /// The file (`-` for standard input).
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The problem.
    public var problem: UsageLineProblem

    /// Creates an issue.
    public init(file: String, line: Int, problem: UsageLineProblem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// The issue as a ``DataError`` (`file:line: field 'x': message`), for `--strict`.
    public var error: DataError {
        DataError(.badData, file: file, line: line, field: problem.field, problem.message)
    }
}
