extension Front {
    /// The assumptions a front was made under, one short phrase each, read from its
    /// settings: global constraints, scope, what-if overrides, confidence and a cap.
    ///
    /// The text table and the SVG print them so that a front on paper says what produced
    /// it, as the JSON does; an unscoped run on the data as measured has none.
    public var assumptions: [String] {
        var phrases: [String] = []
        func setting(_ key: String) -> JSONValue? {
            settings.first { $0.0 == key }?.1
        }
        func names(_ value: JSONValue?) -> String? {
            guard let items = value?.array, !items.isEmpty else { return nil }
            return items.compactMap(\.string).joined(separator: ", ")
        }
        func entries(_ value: JSONValue?, _ render: (JSONValue) -> String) -> [(String, String)] {
            (value?.members ?? []).map { ($0.0, render($0.1)) }
        }
        if let cap = setting("max_monthly_cost_usd")?.number { phrases.append("monthly cost ≤ \(formatUSD(cap))") }
        if let floor = setting("min_quality")?.number { phrases.append("quality ≥ \(formatNumber(floor))") }
        if let excluded = names(setting("excluded_models")) { phrases.append("excluded models: \(excluded)") }
        for (intent, models) in entries(setting("allowed_models"), { names($0) ?? "" }) {
            phrases.append("\(intent) limited to \(models)")
        }
        if let baseline = setting("baseline")?["intents"]?.members {
            let limit = setting("max_changes")?.number.map { ", at most \(formatNumber($0)) changed" } ?? ""
            let feasible = setting("feasible_only") == .bool(true) ? ", every kept cell feasible" : ""
            phrases.append("baseline of \(baseline.count) intents\(limit)\(feasible)")
        }
        if let pinned = names(setting("pinned_intents")) { phrases.append("pinned: \(pinned)") }
        let whatIf = setting("what_if")
        for (model, price) in entries(whatIf?["prices"], { price in
            "$\(formatNumber(price["input_usd_per_mtok"]?.number ?? 0)) in / $\(formatNumber(price["output_usd_per_mtok"]?.number ?? 0)) out"
        }) {
            phrases.append("what if \(model) cost \(price) per Mtok")
        }
        for (model, fee) in entries(whatIf?["fixed_fees_usd"], { formatUSD($0.number ?? 0) }) {
            phrases.append("what if \(model)'s fee were \(fee)/month")
        }
        if let scale = whatIf?["volume_scale"]?.number { phrases.append("what if volumes were ×\(formatNumber(scale))") }
        for (intent, volume) in entries(whatIf?["daily_volumes"], { formatNumber($0.number ?? 0) }) {
            phrases.append("what if \(intent) had \(volume) conversations/day")
        }
        for (intent, rate) in entries(whatIf?["cache_hit_rates"], { formatNumber($0.number ?? 0) }) {
            phrases.append("what if \(intent)'s cache hit rate were \(rate)")
        }
        if let confidence = setting("confidence")?.number { phrases.append("floors and caps at \(formatNumber(confidence * 100))% confidence") }
        if let cap = setting("max_points")?.number { phrases.append("capped at \(formatNumber(cap)) points") }
        return phrases
    }
}
