/// The front as CSV: one row per point, four columns per intent, for spreadsheets.
public enum FrontCSV {
    /// Renders `front` (RFC 4180; names with commas or quotes are quoted).
    public static func render(_ front: Front) -> String {
        let intentNames = front.points.first?.intents.map(\.intent) ?? []
        var header = ["point", "monthly_cost_usd", "quality", "fixed_fees_usd", "feasible"]
        for name in intentNames {
            header += ["\(name).model", "\(name).max_tokens", "\(name).temperature", "\(name).rag_chunks"]
        }
        var lines = [header.map(csvField).joined(separator: ",")]
        for (index, point) in front.points.enumerated() {
            var row = ["\(index + 1)", JSONValue.format(point.monthlyCostUSD), JSONValue.format(point.quality),
                       JSONValue.format(point.fixedFeesUSD), point.isFeasible ? "true" : "false"]
            for figures in point.intents {
                row += [figures.setting.model, "\(figures.setting.maxTokens)", formatNumber(figures.setting.temperature),
                        "\(figures.setting.ragChunks)"]
            }
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
