/// The orchestrator's intent table as JSON: the design doc's A2 `INTENT_TOKEN_BUDGETS` and
/// A6 intent budget table, from one ``Deployment``.
///
/// Each intent's entry is the contract's configuration entry (a setting, or `{"route": …}`)
/// with more members beside it — the gateway group(s), the provider model id(s), the output
/// cap and the expected figures — so the file is itself a configuration: `check` reads it
/// back and judges what is deployed.
public enum IntentTable {
    /// The `format` member, so readers can tell the table from a bare configuration.
    public static let format = "paretoroute-intent-table/1"

    /// The table: format, source, data fingerprint, totals, then `intents` in the data's order.
    public static func json(_ deployment: Deployment) -> JSONValue {
        let intents: [(String, JSONValue)] = deployment.entries.map { entry in
            var members = Configuration.json(of: entry.option).members ?? []
            let groups = LiteLLMConfig.groupNames(of: entry)
            members.append(("gateway_groups", .array(groups.map { .string($0) })))
            members.append(("model_ids", .array(entry.modelIDs.map { .string($0) })))
            members.append(("max_output_tokens", .number(Double(entry.maxOutputTokens))))
            let expected = entry.expected
            var figures: [(String, JSONValue)] = [
                ("cost_per_conversation_usd", .number(expected.costPerConversationUSD)),
                ("monthly_cost_usd", .number(expected.monthlyCostUSD)),
                ("quality", .number(expected.quality)),
                ("p99_latency_ms", expected.p99LatencyMs.map { .number($0) } ?? .null),
            ]
            if let share = expected.highShare { figures.append(("high_share", .number(share))) }
            members.append(("expected", .object(figures)))
            return (entry.intent, .object(members))
        }
        return .object([
            ("format", .string(format)),
            ("source", .string(deployment.source)),
            ("data_fingerprint", .string(deployment.dataFingerprint)),
            ("monthly_cost_usd", .number(deployment.monthlyCostUSD)),
            ("fixed_fees_usd", .number(deployment.fixedFeesUSD)),
            ("quality", .number(deployment.quality)),
            ("intents", .object(intents)),
        ])
    }

    /// What a deployed table records and the data no longer gives: one sentence per intent
    /// whose expected cost, quality or P99 moved by more than `tolerance` (relative), and
    /// the totals. Empty when `json` is not an intent table or nothing moved.
    public static func drift(recorded json: JSONValue, now deployment: Deployment, tolerance: Double = 1e-9) -> [String] {
        guard json["format"]?.string == format else { return [] }
        func moved(_ old: Double?, _ new: Double?) -> Bool {
            guard let old, let new else { return (old == nil) != (new == nil) }
            return abs(old - new) > tolerance * max(1, abs(old), abs(new))
        }
        func usd(_ value: Double?) -> String { value.map(formatUSD) ?? "null" }
        func quality(_ value: Double?) -> String { value.map(formatQuality) ?? "null" }
        func ms(_ value: Double?) -> String { value.map { formatFixed($0, decimals: 0) + " ms" } ?? "null" }
        var lines: [String] = []
        for entry in deployment.entries {
            guard let figures = json["intents"]?[entry.intent]?["expected"] else { continue }
            let pairs: [(String, Double?, Double?, (Double?) -> String)] = [
                ("monthly cost", figures["monthly_cost_usd"]?.number, entry.expected.monthlyCostUSD, usd),
                ("quality", figures["quality"]?.number, entry.expected.quality, quality),
                ("p99", figures["p99_latency_ms"]?.number, entry.expected.p99LatencyMs, ms),
            ]
            let changes = pairs.filter { moved($0.1, $0.2) }.map { "\($0.0) \($0.3($0.1)) → \($0.3($0.2))" }
            if !changes.isEmpty { lines.append("\(entry.intent): \(changes.joined(separator: ", "))") }
        }
        if moved(json["monthly_cost_usd"]?.number, deployment.monthlyCostUSD) {
            lines.append("total monthly cost \(usd(json["monthly_cost_usd"]?.number)) → \(usd(deployment.monthlyCostUSD))")
        }
        return lines
    }
}

extension IntentTable {
    /// The deployment for people: its source and totals, then one row per gateway deployment
    /// (group, provider model id, max_tokens, temperature, RAG chunks, share, expected cost,
    /// quality and P99), fitted to `width` columns when given.
    public static func text(_ deployment: Deployment, width: Int? = nil) -> String {
        var table = TextTable(columns: [
            TextTable.Column("group"),
            TextTable.Column("model id", cuttable: true),
            TextTable.Column("max_tokens", compact: "tokens", .right),
            TextTable.Column("temperature", compact: "temp", .right),
            TextTable.Column("rag", .right),
            TextTable.Column("share", .right, dropRank: 1),
            TextTable.Column("cost/month", .right),
            TextTable.Column("quality", .right),
            TextTable.Column("p99 ms", .right, dropRank: 2),
        ], indent: "  ")
        for entry in deployment.entries {
            let settings = entry.option.settings
            var groups = LiteLLMConfig.groupNames(of: entry)
            if groups.count == 1, settings.count == 2 { groups = [groups[0], groups[0]] }
            for (k, setting) in settings.enumerated() {
                var share = "1"
                if case .route(let route) = entry.option {
                    switch route.rule {
                    case .share(let s): share = formatNumber(k == 0 ? 1 - s : s)
                    case .threshold: share = entry.expected.highShare.map { formatFixed(k == 0 ? 1 - $0 : $0, decimals: 2) } ?? "?"
                    }
                }
                let figures = k == 0
                    ? [formatUSD(entry.expected.monthlyCostUSD), formatQuality(entry.expected.quality),
                       entry.expected.p99LatencyMs.map { formatFixed($0, decimals: 0) } ?? "n/a"]
                    : ["", "", ""]
                table.rows.append([groups[k], entry.modelIDs[k], String(setting.maxTokens), formatNumber(setting.temperature),
                                   String(setting.ragChunks), share] + figures)
            }
        }
        let head = "\(deployment.source): \(formatUSD(deployment.monthlyCostUSD))/month (fees \(formatUSD(deployment.fixedFeesUSD))), quality \(formatQuality(deployment.quality))"
        return wrapLines(head + "\n", width: width) + table.lines(width: width).joined(separator: "\n") + "\n"
    }
}

extension IntentTable {
    /// ``drift(recorded:now:tolerance:)`` of the file at `path` against `table`; empty when the
    /// file is not an intent table.
    /// - Throws: ``DataError`` when the file cannot be read or its entries do not fit the data.
    public static func drift(path: String, table: CellTable) throws -> [String] {
        let json = try JSONFile.read(path: path)
        guard json["format"]?.string == format else { return [] }
        let deployment = try Deployment(options: Configuration(json: json, file: path).entries, table: table, file: path)
        return drift(recorded: json, now: deployment)
    }
}

extension IntentTable {
    /// The configuration in the file at `path` (an intent table is one: its entries are the
    /// contract's, with more members beside them), as ``Configuration/load(path:)`` reads it.
    /// - Throws: ``DataError`` naming the field.
    public static func configuration(path: String) throws -> Configuration {
        let json = try JSONFile.read(path: path)
        return try Configuration(json: json, file: path)
    }
}
