/// A dotted path into a log's JSON with an explicit root: `metadata.intent`, `eval.task_args.rag`, `vars.intent`.
///
/// The root says which part of the log the value comes from (the sample's metadata, the
/// run's task arguments, a test's vars), so a path cannot silently read the wrong object;
/// each tool lists the roots it allows.
public struct FieldPath: Sendable, Equatable, CustomStringConvertible {
    /// The first component (`metadata`, `eval`, `vars`).
    public var root: String
    /// The keys below the root.
    public var keys: [String]

    /// Parses `text`; nil unless it is `root.key…` with a root from `roots` (a root listed
    /// with its keys, like `eval.task`, must be given whole).
    ///
    /// - Parameter roots: allowed prefixes, e.g. `["metadata.", "eval.task_args.", "eval.task"]`:
    ///   a prefix ending in `.` takes one or more keys, any other must match exactly.
    public init?(_ text: String, roots: [String]) {
        for allowed in roots {
            if allowed.hasSuffix(".") {
                guard text.hasPrefix(allowed), text.count > allowed.count else { continue }
                let rest = text.dropFirst(allowed.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard !rest.contains(where: \.isEmpty) else { return nil }
                let prefix = allowed.dropLast().split(separator: ".").map(String.init)
                root = prefix[0]
                keys = Array(prefix.dropFirst()) + rest
                return
            } else if text == allowed {
                let parts = allowed.split(separator: ".").map(String.init)
                root = parts[0]
                keys = Array(parts.dropFirst())
                return
            }
        }
        return nil
    }

    /// `metadata.intent`.
    public var description: String { ([root] + keys).joined(separator: ".") }

    /// The value at the keys below `base` (the root's object), or nil when a key is missing.
    public func value(in base: JSONValue?) -> JSONValue? {
        var current = base
        for key in keys {
            guard let next = current?[key] else { return nil }
            current = next
        }
        if case .null = current { return nil }
        return current
    }
}
