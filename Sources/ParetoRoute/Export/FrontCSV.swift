/// The front as CSV: one row per point, four columns per intent, for spreadsheets.
///
/// A front with routes gets five more per intent: the rule (`complexity>=0.62`, `share 0.3`;
/// empty for a single setting) and the `high` setting; the first four then hold `low`'s.
public enum FrontCSV {
    /// Renders `front` (RFC 4180; names with commas or quotes are quoted).
    public static func render(_ front: Front) -> String {
        let intentNames = front.points.first?.intents.map(\.intent) ?? []
        let routed = front.points.first.map { point in point.catalog.cells.contains { $0.contains { $0.option.routing != nil } } } ?? false
        var header = ["point", "monthly_cost_usd", "quality", "fixed_fees_usd", "feasible"]
        for name in intentNames {
            header += ["\(name).model", "\(name).max_tokens", "\(name).temperature", "\(name).rag_chunks"]
            if routed {
                header += ["\(name).route", "\(name).high.model", "\(name).high.max_tokens", "\(name).high.temperature", "\(name).high.rag_chunks"]
            }
        }
        var lines = [header.map(csvField).joined(separator: ",")]
        for (index, point) in front.points.enumerated() {
            var row = ["\(index + 1)", JSONValue.format(point.monthlyCostUSD), JSONValue.format(point.quality),
                       JSONValue.format(point.fixedFeesUSD), point.isFeasible ? "true" : "false"]
            for figures in point.intents {
                let settings = figures.option.settings
                func knobs(_ setting: Setting) -> [String] {
                    [setting.model, "\(setting.maxTokens)", formatNumber(setting.temperature), "\(setting.ragChunks)"]
                }
                row += knobs(settings[0])
                if routed {
                    let rule = figures.option.routing.map { $0.ruleDescription.replacingOccurrences(of: "≥", with: ">=") } ?? ""
                    row += [rule] + (settings.count == 2 ? knobs(settings[1]) : ["", "", "", ""])
                }
            }
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
