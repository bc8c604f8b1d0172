import ParetoRoute

/// A usage mistake on the command line (exit 64).
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Hand-written parsing of `--flag`, `--option VALUE`, `--option=VALUE` and positionals.
///
/// Each command declares what it takes; anything else is a usage error naming the
/// command's `--help`.
struct Arguments {
    /// An option a command accepts.
    struct Option {
        var name: String
        var takesValue: Bool
        var repeatable = false
    }

    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], options: [Option], command: String) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError("\(command): unknown option --\(name); see 'paretoroute \(command) --help'")
            }
            if option.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("\(command): --\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                if !option.repeatable, values[name] != nil {
                    throw UsageError("\(command): --\(name) given twice")
                }
                values[name, default: []].append(value)
            } else {
                guard inlineValue == nil else { throw UsageError("\(command): --\(name) takes no value") }
                flags.insert(name)
            }
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func value(_ name: String) -> String? { values[name]?.last }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func double(_ name: String, command: String, minimum: Double? = nil) throws -> Double? {
        guard let text = value(name) else { return nil }
        guard case .success(let number) = DecimalNumber.parseDouble(Array(text.utf8)), number >= (minimum ?? -Double.greatestFiniteMagnitude) else {
            throw UsageError("\(command): --\(name) '\(text)' is not a number\(minimum.map { " >= \(formatNumber($0))" } ?? "")")
        }
        return number
    }

    func int(_ name: String, command: String, minimum: Int, maximum: Int = 1_000_000_000) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard !text.hasPrefix("+"), let number = Int(text),
              number >= minimum, number <= maximum else {
            throw UsageError("\(command): --\(name) '\(text)' is not an integer in [\(minimum), \(maximum)]")
        }
        return number
    }

    func requirePositionals(_ count: Int, command: String, names: String) throws {
        guard positionals.count == count else {
            throw UsageError("\(command): expected \(names), got \(positionals.count) argument(s); see 'paretoroute \(command) --help'")
        }
    }
}
