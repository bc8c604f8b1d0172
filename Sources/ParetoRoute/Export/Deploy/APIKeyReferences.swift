/// Which environment variable holds each model's API key, for a gateway config that must
/// never hold a key itself: LiteLLM reads `api_key: os.environ/NAME` at start-up.
public struct APIKeyReferences: Sendable, Hashable {
    /// The variable for every model without its own (nil: none).
    public var all: String?
    /// The variable per model name (the data's name, not the provider id).
    public var perModel: [String: String]

    /// No key references: the gateway finds keys its own way (the default).
    public init(all: String? = nil, perModel: [String: String] = [:]) {
        self.all = all
        self.perModel = perModel
    }

    /// Reads `NAME` (every model) or `MODEL=NAME` (one model) specifications, e.g. from
    /// repeated `--api-key-env` flags; names must be environment variable names.
    /// - Throws: ``RequestError`` on ``RequestError/Option/apiKeyEnvironment``.
    public init(specifications: [String]) throws {
        self.init()
        for text in specifications {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = parts.count == 2 ? parts[1] : parts[0]
            guard APIKeyReferences.isVariableName(name), parts.count == 1 || !parts[0].isEmpty else {
                throw RequestError([.apiKeyEnvironment], "'\(text)' is not NAME or MODEL=NAME; expected an environment variable name such as ANTHROPIC_API_KEY (the key itself never goes into the config)")
            }
            if parts.count == 2 {
                guard perModel[parts[0]] == nil else {
                    throw RequestError([.apiKeyEnvironment], "the model '\(parts[0])' is given twice; expected one variable per model")
                }
                perModel[parts[0]] = name
            } else {
                guard all == nil else {
                    throw RequestError([.apiKeyEnvironment], "two variables for every model ('\(all ?? "")' and '\(name)'); expected one, plus MODEL=NAME for exceptions")
                }
                all = name
            }
        }
    }

    /// `os.environ/NAME` for `model`, or nil when no variable applies.
    public func reference(for model: String) -> String? {
        (perModel[model] ?? all).map { "os.environ/" + $0 }
    }

    /// Letters, digits and `_`, not starting with a digit.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
