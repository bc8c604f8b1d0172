/// A LiteLLM proxy `config.yaml` for a deployment: one model group per intent.
///
/// Name rule: the group of intent `faq` is `intent/faq`. A share route is two deployments of
/// that group whose `weight`s are 1 − share and share (LiteLLM's default simple-shuffle picks
/// a deployment in proportion to its weight). A threshold route is two groups,
/// `intent/faq/low` and `intent/faq/high`: the application asks its router and calls one of
/// them, so each carries the router's name and threshold in `model_info`.
///
/// `litellm_params` holds what LiteLLM sends: `model` (the model's first `provider_ids`
/// entry, else its name), `max_tokens`, `temperature`, and, only when asked for, `api_key:
/// os.environ/NAME`. `model_info` holds what the gateway does not act on but the
/// application and `check --litellm` need: RAG chunks (the gateway does not retrieve) and
/// the expected figures.
public enum LiteLLMConfig {
    /// The prefix of every intent's group name.
    public static let groupPrefix = "intent/"

    /// The group serving `intent` (`intent/faq`), or one side of its threshold route (`intent/faq/low`).
    public static func groupName(intent: String, side: String? = nil) -> String {
        groupPrefix + intent + (side.map { "/" + $0 } ?? "")
    }

    /// The groups an entry is served by, in the order they are written.
    public static func groupNames(of entry: Deployment.Entry) -> [String] {
        if case .route(let route) = entry.option, case .threshold = route.rule {
            return [groupName(intent: entry.intent, side: "low"), groupName(intent: entry.intent, side: "high")]
        }
        return [groupName(intent: entry.intent)]
    }

    /// The config as a YAML value.
    /// - Throws: ``DataError`` of kind `.badRequest` when two intents' groups would share a
    ///   name (an intent called `faq/low` beside a threshold route of `faq`).
    public static func yaml(_ deployment: Deployment, apiKeys: APIKeyReferences = APIKeyReferences()) throws -> YAMLValue {
        var list: [YAMLValue] = []
        var seen: [String: String] = [:]
        for entry in deployment.entries {
            for group in groupNames(of: entry) {
                if let other = seen[group] {
                    throw DataError(.badRequest, file: "litellm", "the intents '\(other)' and '\(entry.intent)' would both be served by the group '\(group)'; expected distinct group names (rename an intent)")
                }
                seen[group] = entry.intent
            }
            let settings = entry.option.settings
            switch entry.option {
            case .setting(let setting):
                list.append(deploymentValue(entry, group: groupName(intent: entry.intent), setting: setting, modelID: entry.modelIDs[0],
                                            id: groupName(intent: entry.intent), extra: [], apiKeys: apiKeys))
            case .route(let route):
                for (k, side) in ["low", "high"].enumerated() {
                    var extra: [(String, YAMLValue)] = [("route_side", .string(side))]
                    var weight: Double?
                    let group: String
                    switch route.rule {
                    case .share(let s):
                        group = groupName(intent: entry.intent)
                        weight = k == 0 ? 1 - s : s
                        extra.append(("share", .number(s)))
                    case .threshold(let router, let threshold):
                        group = groupName(intent: entry.intent, side: side)
                        extra += [("router", .string(router)), ("threshold", .number(threshold)),
                                  ("route_rule", .string(side == "high" ? "score >= threshold" : "score < threshold"))]
                    }
                    list.append(deploymentValue(entry, group: group, setting: settings[k], modelID: entry.modelIDs[k],
                                                id: groupName(intent: entry.intent, side: side), extra: extra,
                                                apiKeys: apiKeys, weight: weight))
                }
            }
        }
        return .mapping([
            ("model_list", .sequence(list)),
            ("router_settings", .mapping([("routing_strategy", .string("simple-shuffle"))])),
        ])
    }

    /// The config file's text, with a header saying where it came from and the name rule.
    /// - Throws: as ``yaml(_:apiKeys:)``.
    public static func render(_ deployment: Deployment, apiKeys: APIKeyReferences = APIKeyReferences()) throws -> String {
        YAMLWriter.render(try yaml(deployment, apiKeys: apiKeys), comments: [
            "LiteLLM proxy config written by paretoroute export from \(deployment.source) (data \(deployment.dataFingerprint)).",
            "One model group per intent: intent/<name>; a threshold route is intent/<name>/low and /high, chosen by",
            "the application's router (model_info.router, threshold). model_info: RAG chunks and expected figures.",
        ])
    }

    private static func deploymentValue(_ entry: Deployment.Entry, group: String, setting: Setting, modelID: String, id: String,
                                        extra: [(String, YAMLValue)], apiKeys: APIKeyReferences, weight: Double? = nil) -> YAMLValue {
        var params: [(String, YAMLValue)] = [
            ("model", .string(modelID)),
            ("max_tokens", .number(Double(setting.maxTokens))),
            ("temperature", .number(setting.temperature)),
        ]
        if let weight { params.append(("weight", .number(weight))) }
        if let key = apiKeys.reference(for: setting.model) { params.append(("api_key", .string(key))) }
        let expected = entry.expected
        var info: [(String, YAMLValue)] = [
            ("id", .string(id)),
            ("paretoroute_intent", .string(entry.intent)),
            ("paretoroute_model", .string(setting.model)),
            ("rag_chunks", .number(Double(setting.ragChunks))),
        ]
        info += extra
        info += [
            ("expected_cost_per_conversation_usd", .number(expected.costPerConversationUSD)),
            ("expected_monthly_cost_usd", .number(expected.monthlyCostUSD)),
            ("expected_quality", .number(expected.quality)),
            ("expected_p99_latency_ms", expected.p99LatencyMs.map { .number($0) } ?? .null),
        ]
        return .mapping([("model_name", .string(group)), ("litellm_params", .mapping(params)), ("model_info", .mapping(info))])
    }
}
