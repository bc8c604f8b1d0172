/// What serves one intent in a deployment: one setting (a cell), or a route between two.
///
/// The exporter is written over this so that a gateway config, the orchestrator's table and
/// the mode table carry routes as well as cells.
public enum DeploymentOption: Sendable, Hashable {
    /// One setting serves every request.
    case setting(Setting)
    /// A route splits requests between two settings.
    case route(DeploymentRoute)

    /// The settings it uses: one, or a route's low and high.
    public var settings: [Setting] {
        switch self {
        case .setting(let setting): return [setting]
        case .route(let route): return [route.low, route.high]
        }
    }

    /// The contract's JSON of the entry: a setting, or `{"route": {…}}`.
    public var json: JSONValue {
        switch self {
        case .setting(let setting): return Configuration.json(of: setting)
        case .route(let route): return route.json
        }
    }

    /// `haiku/250/t0.3/rag2`, or `haiku/250/t0.3/rag2 | sonnet/400/t0.3/rag2 (share 0.3)`.
    public var description: String {
        switch self {
        case .setting(let setting): return setting.description
        case .route(let route):
            let how: String
            switch route.split {
            case .share(let s): how = "share \(formatNumber(s))"
            case .threshold(let router, let t): how = "\(router) >= \(formatNumber(t))"
            }
            return "\(route.low) | \(route.high) (\(how))"
        }
    }

    /// Reads one intent's entry at `path` of `file`: a setting, or a `{"route": …}` object.
    /// - Throws: ``DataError`` naming the field.
    public init(json: JSONValue, file: String, path: String) throws {
        if json["route"] != nil {
            self = .route(try DeploymentRoute(json: json, file: file, path: path))
        } else {
            self = .setting(try Configuration.setting(from: json, file: file, path: path))
        }
    }

    /// The entries of a configuration document (`{"intents": {…}}`, pick's JSON, an intent
    /// table), in the file's order.
    /// - Throws: ``DataError`` naming the field.
    public static func entries(of json: JSONValue, file: String) throws -> [(intent: String, option: DeploymentOption)] {
        guard let members = json["intents"]?.members else {
            throw DataError(file: file, field: "intents", "missing or not an object; expected {\"intents\": {\"<intent>\": {…}, …}}")
        }
        return try members.map { name, value in (name, try DeploymentOption(json: value, file: file, path: "intents." + name)) }
    }
}
