extension LiteLLMConfig {
    /// One deployment of a config as read back, before it is joined into an intent's option.
    private struct ReadDeployment {
        var index: Int
        var side: String?
        var setting: Setting
        var weight: Double?
        var routeSide: String?
        var router: String?
        var threshold: Double?
    }

    /// Reads back, per intent of `table`, the setting or route a LiteLLM config serves it by,
    /// where that is unambiguous: groups follow the name rule (`intent/<name>`, `…/low`,
    /// `…/high`; other groups are ignored); a deployment's model is its `model_info.paretoroute_model`,
    /// else the data's model whose name or `provider_ids` holds `litellm_params.model`; its RAG
    /// chunks are `model_info.rag_chunks`, else those of the only evaluated cell with that
    /// model, `max_tokens` and temperature; a share route's deployments say `route_side`.
    ///
    /// - Returns: the options in the data's intent order (intents without a group are left
    ///   out, so evaluating them names the missing intent).
    /// - Throws: ``DataError`` naming `file`, the line and the field, and what was expected.
    public static func options(of document: YAMLReader.Document, file: String, table: CellTable) throws -> [(intent: String, option: IntentOption)] {
        func fail(_ path: String, _ message: String) -> DataError {
            // A missing field is blamed on the line of the nearest value that is there.
            var known = path
            while document.line(of: known) == nil, let cut = known.lastIndex(where: { $0 == "." || $0 == "[" }) {
                known = String(known[..<cut])
            }
            return DataError(file: file, line: document.line(of: known), field: path.isEmpty ? nil : path, message)
        }
        guard let list = document.value["model_list"]?.elements else {
            throw fail("model_list", "missing or not a list; expected a LiteLLM config with a model_list")
        }
        var byIntent: [Int: [ReadDeployment]] = [:]
        for (k, item) in list.enumerated() {
            let path = "model_list[\(k)]"
            guard let group = item["model_name"]?.string else {
                throw fail(path + ".model_name", "missing or not a string; expected the deployment's model group")
            }
            guard group.hasPrefix(groupPrefix) else { continue }
            let name = String(group.dropFirst(groupPrefix.count))
            var intent = table.intentIndex(named: name)
            var side: String?
            if intent == nil {
                for candidate in ["low", "high"] where name.hasSuffix("/" + candidate) {
                    if let i = table.intentIndex(named: String(name.dropLast(candidate.count + 1))) {
                        intent = i
                        side = candidate
                    }
                }
            }
            guard let i = intent else {
                throw fail(path + ".model_name", "the group '\(group)' names no intent of the data; expected intent/<name> or intent/<name>/low|high for one of \(table.intents.map(\.name).joined(separator: ", "))")
            }
            let params = path + ".litellm_params", info = path + ".model_info"
            guard let modelID = item["litellm_params"]?["model"]?.string else {
                throw fail(params + ".model", "missing or not a string; expected the provider's model id")
            }
            guard let maxTokens = item["litellm_params"]?["max_tokens"]?.number, maxTokens >= 1, maxTokens == maxTokens.rounded(), maxTokens < 1e9 else {
                throw fail(params + ".max_tokens", "missing or not an integer >= 1; expected the setting's max_tokens")
            }
            guard let temperature = item["litellm_params"]?["temperature"]?.number, temperature >= 0 else {
                throw fail(params + ".temperature", "missing or not a number >= 0; expected the setting's temperature")
            }
            let model: String
            if let named = item["model_info"]?["paretoroute_model"]?.string {
                guard table.modelIndex(named: named) != nil else {
                    throw fail(info + ".paretoroute_model", "'\(named)' is not a model of the data; expected one of \(table.models.map(\.name).joined(separator: ", "))")
                }
                model = named
            } else {
                let matches = table.models.filter { $0.name == modelID || $0.providerIDs.contains(modelID) }
                guard matches.count == 1 else {
                    throw fail(params + ".model", matches.isEmpty
                        ? "'\(modelID)' is no model's name or provider id in models.csv; expected one of \(table.models.map(\.name).joined(separator: ", "))"
                        : "'\(modelID)' is a provider id of \(matches.map(\.name).joined(separator: " and ")); ambiguous: expected model_info.paretoroute_model")
                }
                model = matches[0].name
            }
            let ragChunks: Int
            if let rag = item["model_info"]?["rag_chunks"] {
                guard let n = rag.number, n >= 0, n == n.rounded(), n < 1e9 else {
                    throw fail(info + ".rag_chunks", "not an integer >= 0; expected the setting's RAG chunks")
                }
                ragChunks = Int(n)
            } else {
                let cells = table.cells[i].filter { $0.setting.model == model && $0.setting.maxTokens == Int(maxTokens) && $0.setting.temperature == temperature }
                guard cells.count == 1 else {
                    throw fail(path + ".model_info", cells.isEmpty
                        ? "no evaluated cell of \(table.intents[i].name) has \(model), max_tokens \(Int(maxTokens)) and temperature \(formatNumber(temperature))"
                        : "\(cells.count) evaluated cells of \(table.intents[i].name) differ only in RAG chunks; ambiguous: expected model_info.rag_chunks")
                }
                ragChunks = cells[0].setting.ragChunks
            }
            let weight = item["litellm_params"]?["weight"]?.number
            let setting = Setting(model: model, maxTokens: Int(maxTokens), temperature: temperature, ragChunks: ragChunks)
            guard table.cellIndex(intent: i, setting: setting) != nil else {
                let near = table.nearestSettings(intent: i, to: setting).map(\.description).joined(separator: ", ")
                throw fail(params, "no evaluated cell of \(table.intents[i].name) for \(setting); nearest evaluated settings: \(near)")
            }
            byIntent[i, default: []].append(ReadDeployment(
                index: k, side: side, setting: setting, weight: weight, routeSide: item["model_info"]?["route_side"]?.string,
                router: item["model_info"]?["router"]?.string, threshold: item["model_info"]?["threshold"]?.number))
        }
        return try byIntent.keys.sorted().map { i in
            let name = table.intents[i].name
            let deployments = byIntent[i] ?? []
            let path = "model_list[\(deployments[0].index)]"
            let plain = deployments.filter { $0.side == nil }
            let low = deployments.filter { $0.side == "low" }, high = deployments.filter { $0.side == "high" }
            if plain.count == 1, deployments.count == 1 {
                return (name, .setting(plain[0].setting))
            }
            if plain.count == 2, deployments.count == 2 {
                guard let l = plain.first(where: { $0.routeSide == "low" }), let h = plain.first(where: { $0.routeSide == "high" }) else {
                    throw fail(path + ".model_info.route_side", "the group \(groupName(intent: name)) has two deployments; expected route_side low and high to tell a share route's sides apart")
                }
                let wl = l.weight ?? 1, wh = h.weight ?? 1
                guard wl >= 0, wh >= 0, wl + wh > 0 else {
                    throw fail("model_list[\(h.index)].litellm_params.weight", "weights \(formatNumber(wl)) and \(formatNumber(wh)); expected numbers >= 0, not both 0")
                }
                return (name, .route(Route(rule: .share(wh / (wl + wh)), low: l.setting, high: h.setting)))
            }
            if plain.isEmpty, low.count == 1, high.count == 1 {
                let l = low[0], h = high[0]
                guard let router = l.router, let threshold = l.threshold, h.router == router, h.threshold == threshold else {
                    throw fail("model_list[\(l.index)].model_info", "the groups \(groupName(intent: name, side: "low")) and /high need the same model_info.router and threshold; expected both")
                }
                return (name, .route(Route(rule: .threshold(router: router, threshold: threshold), low: l.setting, high: h.setting)))
            }
            throw fail(path + ".model_name", "\(name) is served by \(deployments.count) deployment(s) in groups \(Set(deployments.map { groupName(intent: name, side: $0.side) }).sorted().joined(separator: ", ")); expected one deployment, a share route's two, or one each in /low and /high")
        }
    }
}

extension LiteLLMConfig {
    /// The configuration a LiteLLM config at `path` deploys on `table`, read back by
    /// ``options(of:file:table:)``, for `check --litellm`.
    /// - Throws: ``DataError`` naming the file, line and field.
    public static func configuration(path: String, table: CellTable) throws -> Configuration {
        let document = try YAMLReader.read(path: path)
        let options = try self.options(of: document, file: path, table: table)
        return Configuration(entries: options)
    }
}
