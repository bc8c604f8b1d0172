/// One option — a setting or a route — per intent: what a team deploys, and the unit the
/// front is made of.
///
/// Its JSON form is the contract's `{"intents": {"faq": {"model": …, "max_tokens": …,
/// "temperature": …, "rag_chunks": …}, …}}`, where an intent's entry may also be
/// `{"route": {"router": …, "threshold": …, "low": {…}, "high": {…}}}` or
/// `{"route": {"share": …, "low": {…}, "high": {…}}}`.
public struct Configuration: Sendable, Hashable {
    /// Intent name and its option, in the data's intent order when made from a table.
    public var entries: [(intent: String, option: IntentOption)]

    /// Creates a configuration from ordered entries.
    public init(entries: [(intent: String, option: IntentOption)]) {
        self.entries = entries
    }

    /// Creates a configuration of one setting per intent (no routes).
    public init(settings: [(intent: String, setting: Setting)]) {
        self.entries = settings.map { ($0.intent, .setting($0.setting)) }
    }

    /// Compares intent by intent, in order.
    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.intent == $1.intent && $0.option == $1.option }
    }

    /// Hashes intent by intent, in order.
    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.intent)
            hasher.combine(entry.option)
        }
    }

    /// Whether some intent is routed: its evaluation needs the data's samples and their ids.
    public var hasRoutes: Bool {
        entries.contains { $0.option.routing != nil }
    }

    /// The option of `intent`, if the configuration names it.
    public func option(for intent: String) -> IntentOption? {
        entries.first { $0.intent == intent }?.option
    }

    /// The configuration JSON of the data contract.
    public var json: JSONValue {
        .object([("intents", .object(entries.map { ($0.intent, Configuration.json(of: $0.option)) }))])
    }

    /// One option in the contract's JSON form: a setting, or `{"route": {…}}`.
    public static func json(of option: IntentOption) -> JSONValue {
        switch option {
        case .setting(let setting): return json(of: setting)
        case .route(let route):
            var members: [(String, JSONValue)]
            switch route.rule {
            case .threshold(let router, let threshold):
                members = [("router", .string(router)), ("threshold", .number(threshold))]
            case .share(let share):
                members = [("share", .number(share))]
            }
            members += [("low", json(of: route.low)), ("high", json(of: route.high))]
            return .object([("route", .object(members))])
        }
    }

    /// One setting in the contract's JSON form.
    public static func json(of setting: Setting) -> JSONValue {
        .object([
            ("model", .string(setting.model)),
            ("max_tokens", .number(Double(setting.maxTokens))),
            ("temperature", .number(setting.temperature)),
            ("rag_chunks", .number(Double(setting.ragChunks))),
        ])
    }

    /// Reads the contract's JSON form; `file` names the source in errors.
    /// - Throws: ``DataError`` naming the field of `file`.
    public init(json: JSONValue, file: String, fieldPrefix: String = "") throws {
        guard let intents = json["intents"], let members = intents.members else {
            throw DataError(file: file, field: fieldPrefix + "intents",
                            "missing or not an object; expected {\"intents\": {\"<intent>\": {…}, …}}")
        }
        var entries: [(intent: String, option: IntentOption)] = []
        for (name, value) in members {
            let path = fieldPrefix + "intents." + name
            entries.append((name, try Configuration.option(from: value, file: file, path: path)))
        }
        self.entries = entries
    }

    /// Reads a configuration file (a regular file of at most 16 MiB).
    ///
    /// - Throws: ``DataError``: `.missingInput`, `.readFailure`, or `.badData` naming the field.
    public static func load(path: String) throws -> Configuration {
        try Configuration(json: JSONFile.read(path: path), file: path)
    }

    /// Reads one intent's entry: a setting, or a route (`{"route": {…}}`).
    static func option(from value: JSONValue, file: String, path: String) throws -> IntentOption {
        guard let route = value["route"] else {
            return .setting(try setting(from: value, file: file, path: path))
        }
        let routePath = path + ".route"
        guard route.members != nil else {
            throw DataError(file: file, field: routePath, "not an object; expected {\"router\", \"threshold\", \"low\", \"high\"} or {\"share\", \"low\", \"high\"}")
        }
        let rule: Route.Rule
        if let share = route["share"] {
            guard route["router"] == nil, route["threshold"] == nil else {
                throw DataError(file: file, field: routePath, "both a share and a router; expected a threshold route (router, threshold) or a share route (share)")
            }
            guard let value = share.number, value >= 0, value <= 1 else {
                throw DataError(file: file, field: routePath + ".share", "not a number in [0, 1]; expected the share of traffic sent to high")
            }
            rule = .share(value)
        } else {
            guard let router = route["router"]?.string, !router.isEmpty else {
                throw DataError(file: file, field: routePath + ".router", "missing or not a string; expected a router of routers.csv, or a \"share\"")
            }
            guard let threshold = route["threshold"]?.number else {
                throw DataError(file: file, field: routePath + ".threshold", "missing or not a number; expected the score at or above which a request goes to high")
            }
            rule = .threshold(router: router, threshold: threshold)
        }
        guard let low = route["low"] else {
            throw DataError(file: file, field: routePath + ".low", "missing; expected a setting {\"model\", \"max_tokens\", \"temperature\", \"rag_chunks\"}")
        }
        guard let high = route["high"] else {
            throw DataError(file: file, field: routePath + ".high", "missing; expected a setting {\"model\", \"max_tokens\", \"temperature\", \"rag_chunks\"}")
        }
        return .route(Route(rule: rule, low: try setting(from: low, file: file, path: routePath + ".low"),
                            high: try setting(from: high, file: file, path: routePath + ".high")))
    }

    static func setting(from value: JSONValue, file: String, path: String) throws -> Setting {
        guard value.members != nil else {
            throw DataError(file: file, field: path, "not an object; expected {\"model\", \"max_tokens\", \"temperature\", \"rag_chunks\"}")
        }
        guard let model = value["model"]?.string, !model.isEmpty else {
            throw DataError(file: file, field: path + ".model", "missing or not a string; expected a model name")
        }
        func integer(_ key: String, minimum: Int) throws -> Int {
            guard let number = value[key]?.number, number == number.rounded(), number >= Double(minimum), number < 1e9 else {
                throw DataError(file: file, field: path + "." + key, "missing or not an integer >= \(minimum)")
            }
            return Int(number)
        }
        guard let temperature = value["temperature"]?.number, temperature >= 0 else {
            throw DataError(file: file, field: path + ".temperature", "missing or not a number >= 0")
        }
        return Setting(model: model, maxTokens: try integer("max_tokens", minimum: 1),
                       temperature: temperature, ragChunks: try integer("rag_chunks", minimum: 0))
    }
}
