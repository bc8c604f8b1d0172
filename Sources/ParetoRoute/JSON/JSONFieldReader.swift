/// Typed reads of a parsed JSON document whose errors name the file and the field.
///
/// Front files record typed settings and statistics; reading them back must fail on
/// the field that is wrong (`settings.seed: expected an integer`), not on a key lookup
/// that silently yields nothing.
struct JSONFieldReader {
    /// The file named in errors.
    var file: String
    /// The path of the object being read (`settings`), prefixed to every field.
    var prefix: String

    private func path(_ field: String) -> String {
        prefix.isEmpty ? field : prefix + "." + field
    }

    /// A failure at `field`.
    func error(_ field: String, _ message: String) -> DataError {
        DataError(file: file, field: path(field), message)
    }

    /// A finite number.
    func number(_ value: JSONValue?, _ field: String) throws -> Double {
        guard let number = value?.number, number.isFinite else { throw error(field, "missing or not a number") }
        return number
    }

    /// The number under `key` of `object`.
    func number(_ object: JSONValue, _ field: String, key: String) throws -> Double {
        try number(object[key], field)
    }

    /// A number, or nil when absent or null.
    func optionalNumber(_ value: JSONValue?, _ field: String) throws -> Double? {
        guard let value, value != .null else { return nil }
        return try number(value, field)
    }

    /// A non-negative integer below 2⁵³ (exact in a JSON number).
    func integer(_ value: JSONValue?, _ field: String) throws -> Int {
        guard let number = value?.number, number == number.rounded(), number >= 0, number < 9_007_199_254_740_992 else {
            throw error(field, "missing or not a non-negative integer")
        }
        return Int(number)
    }

    /// An integer, or nil when absent or null.
    func optionalInteger(_ value: JSONValue?, _ field: String) throws -> Int? {
        guard let value, value != .null else { return nil }
        return try integer(value, field)
    }

    /// `true` or `false`.
    func bool(_ value: JSONValue?, _ field: String) throws -> Bool {
        guard case .bool(let flag)? = value else { throw error(field, "missing or not true/false") }
        return flag
    }

    /// A string.
    func string(_ value: JSONValue?, _ field: String) throws -> String {
        guard let text = value?.string else { throw error(field, "missing or not a string") }
        return text
    }

    /// An array of strings (absent or null: empty).
    func strings(_ value: JSONValue?, _ field: String) throws -> [String] {
        guard let value, value != .null else { return [] }
        guard let items = value.array else { throw error(field, "not an array of strings") }
        return try items.enumerated().map { try string($1, "\(field)[\($0)]") }
    }

    /// The members of the object under `key` (absent or null: none).
    func object(_ parent: JSONValue, _ key: String) throws -> [(String, JSONValue)] {
        guard let value = parent[key], value != .null else { return [] }
        guard let members = value.members else { throw error(key, "not an object") }
        return members
    }
}
