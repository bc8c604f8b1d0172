/// Why a request log line was not counted: the field at fault (nil when the line is not a
/// JSON object) and what was expected.
public struct UsageLineProblem: Sendable, Hashable, Error {
    /// The field at fault, or nil for a line that is not a JSON object.
    public var field: String?
    /// What was wrong and what was expected.
    public var message: String

    /// Creates a problem.
    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }
}
