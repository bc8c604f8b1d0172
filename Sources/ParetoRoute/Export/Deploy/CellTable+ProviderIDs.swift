extension CellTable {
    /// The table with each model in `ids` (data model name → provider id) given that id as its
    /// first `provider_ids` entry, the one exports write: data without a `provider_ids` column
    /// (the default data's `sonnet`) can then be exported as `bedrock/anthropic.claude-…`.
    /// - Throws: ``RequestError`` on ``RequestError/Option/modelIDs`` for a model the data
    ///   lacks or an empty id.
    public func withProviderIDs(_ ids: [String: String]) throws -> CellTable {
        var copy = self
        for (name, id) in ids.sorted(by: { $0.key < $1.key }) {
            guard let m = modelIndex(named: name) else {
                throw RequestError([.modelIDs], "'\(name)' is not a model of the data; expected one of \(models.map(\.name).joined(separator: ", "))")
            }
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace }) else {
                throw RequestError([.modelIDs], "'\(id)' for \(name) is not a model id; expected a non-empty id without spaces, such as bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")
            }
            copy.models[m].providerIDs.removeAll { $0 == id }
            copy.models[m].providerIDs.insert(id, at: 0)
        }
        return copy
    }

    /// Reads `MODEL=ID` specifications (repeated `--model-id` flags) into a map.
    /// - Throws: ``RequestError`` on ``RequestError/Option/modelIDs``.
    public static func providerIDs(specifications: [String]) throws -> [String: String] {
        var ids: [String: String] = [:]
        for text in specifications {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw RequestError([.modelIDs], "'\(text)' is not MODEL=ID; expected e.g. sonnet=bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0")
            }
            guard ids[parts[0]] == nil else {
                throw RequestError([.modelIDs], "the model '\(parts[0])' is given twice; expected one id per model")
            }
            ids[parts[0]] = parts[1]
        }
        return ids
    }
}
