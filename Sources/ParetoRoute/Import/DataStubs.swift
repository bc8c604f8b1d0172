/// models.csv and intents.csv for a directory that has neither yet, listing the names an
/// import found with the figures only a person knows left empty.
///
/// Prices, daily volumes, quality floors and P99 caps are left empty on purpose: a
/// guessed figure would produce a plausible front from invented costs. `validate` then
/// names every empty field. The response-cache hit rate starts at 0 (no cache), the fee
/// and the quality weight take the contract's defaults (empty).
package enum DataStubs {
    /// models.csv with one row per model, prices empty.
    package static func models(_ names: [String]) -> String {
        "model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd\n"
            + names.map { csvField($0) + ",,,\n" }.joined()
    }

    /// intents.csv with one row per intent, volume, floor and cap empty.
    package static func intents(_ names: [String]) -> String {
        "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight\n"
            + names.map { csvField($0) + ",,0,,,\n" }.joined()
    }
}
