/// A route as a deployment holds it: two settings of one intent and how traffic splits
/// between them (the contract's version 2, "Routers and routes").
///
/// Local to the exporter until the configuration type carries routes (issue 31); its JSON
/// is the contract's `{"route": {…}}` entry, so the two read the same files.
public struct DeploymentRoute: Sendable, Hashable {
    /// How a request chooses `low` or `high`.
    public enum Split: Sendable, Hashable {
        /// The router's score of the request: `high` when it is at least `threshold`.
        case threshold(router: String, threshold: Double)
        /// A random share of the traffic, in [0, 1], goes to `high`.
        case share(Double)
    }

    /// How traffic splits.
    public var split: Split
    /// The weaker setting.
    public var low: Setting
    /// The stronger setting.
    public var high: Setting

    /// Creates a route.
    public init(split: Split, low: Setting, high: Setting) {
        self.split = split
        self.low = low
        self.high = high
    }

    /// The contract's JSON: `{"route": {"router", "threshold" | "share", "low", "high"}}`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        switch split {
        case .threshold(let router, let threshold):
            members = [("router", .string(router)), ("threshold", .number(threshold))]
        case .share(let share):
            members = [("share", .number(share))]
        }
        members += [("low", Configuration.json(of: low)), ("high", Configuration.json(of: high))]
        return .object([("route", .object(members))])
    }

    /// Reads the contract's `{"route": {…}}` entry at `path` of `file`.
    /// - Throws: ``DataError`` naming the field.
    public init(json: JSONValue, file: String, path: String) throws {
        guard let route = json["route"], route.members != nil else {
            throw DataError(file: file, field: path + ".route", "not an object; expected {\"router\", \"threshold\", \"low\", \"high\"} or {\"share\", \"low\", \"high\"}")
        }
        let field = path + ".route"
        switch (route["router"], route["threshold"], route["share"]) {
        case (let router?, let threshold?, nil):
            guard let name = router.string, !name.isEmpty else {
                throw DataError(file: file, field: field + ".router", "not a string; expected a router's name")
            }
            guard let t = threshold.number else {
                throw DataError(file: file, field: field + ".threshold", "not a number; expected the router's score threshold")
            }
            split = .threshold(router: name, threshold: t)
        case (nil, nil, let share?):
            guard let s = share.number, s >= 0, s <= 1 else {
                throw DataError(file: file, field: field + ".share", "not a number in [0, 1]; expected the share of traffic sent to high")
            }
            split = .share(s)
        default:
            throw DataError(file: file, field: field, "expected either \"router\" and \"threshold\", or \"share\"")
        }
        guard let low = route["low"], let high = route["high"] else {
            throw DataError(file: file, field: field, "missing \"low\" or \"high\"; expected both settings")
        }
        self.low = try Configuration.setting(from: low, file: file, path: field + ".low")
        self.high = try Configuration.setting(from: high, file: file, path: field + ".high")
    }
}
