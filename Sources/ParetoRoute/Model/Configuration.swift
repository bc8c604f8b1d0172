/// One setting per intent: what a team deploys, and the unit the front is made of.
///
/// Its JSON form is the contract's `{"intents": {"faq": {"model": …, "max_tokens": …,
/// "temperature": …, "rag_chunks": …}, …}}`.
public struct Configuration: Sendable, Hashable {
    /// Intent name and its setting, in the data's intent order when made from a table.
    public var entries: [(intent: String, setting: Setting)]

    /// Creates a configuration from ordered entries.
    public init(entries: [(intent: String, setting: Setting)]) {
        self.entries = entries
    }

    /// Compares intent by intent, in order.
    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.intent == $1.intent && $0.setting == $1.setting }
    }

    /// Hashes intent by intent, in order.
    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.intent)
            hasher.combine(entry.setting)
        }
    }

    /// The setting of `intent`, if the configuration names it.
    public func setting(for intent: String) -> Setting? {
        entries.first { $0.intent == intent }?.setting
    }

    /// The configuration JSON of the data contract.
    public var json: JSONValue {
        .object([("intents", .object(entries.map { ($0.intent, Configuration.json(of: $0.setting)) }))])
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
        var entries: [(intent: String, setting: Setting)] = []
        for (name, value) in members {
            let path = fieldPrefix + "intents." + name
            entries.append((name, try Configuration.setting(from: value, file: file, path: path)))
        }
        self.entries = entries
    }

    /// Reads a configuration file (a regular file of at most 16 MiB).
    ///
    /// - Throws: ``DataError``: `.missingInput`, `.readFailure`, or `.badData` naming the field.
    public static func load(path: String) throws -> Configuration {
        try Configuration(json: JSONFile.read(path: path), file: path)
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
