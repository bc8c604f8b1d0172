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

extension UsageLineProblem {
    // The field rules' messages, shared by the fast scan and the strict path.
    static let badTimestamp = UsageLineProblem(field: "timestamp", "expected an ISO 8601 timestamp like 2025-03-15T14:23:01Z")
    static let notTimestamp = UsageLineProblem(field: "timestamp", "expected an ISO 8601 timestamp")
    static let timestampRange = UsageLineProblem(field: "timestamp", "expected seconds since 1970 within the years 1 to 9999")
    static let notBool = UsageLineProblem(field: "cache_hit", "expected true or false")
    static let missingTimestamp = UsageLineProblem(field: "timestamp", "missing; expected an ISO 8601 timestamp")
    static let missingIntent = UsageLineProblem(field: "intent", "missing; expected the intent's name")
    static let missingModel = UsageLineProblem(field: "model_id", "missing; expected the model of an LLM call (only a cache hit may omit it)")

    static func notString(_ field: String) -> UsageLineProblem { UsageLineProblem(field: field, "expected a string") }
    static func notNumber(_ field: String) -> UsageLineProblem { UsageLineProblem(field: field, "expected a number >= 0") }
    static func negative(_ field: String, _ number: Double) -> UsageLineProblem {
        UsageLineProblem(field: field, "expected a number >= 0, got \(formatNumber(number))")
    }
}
