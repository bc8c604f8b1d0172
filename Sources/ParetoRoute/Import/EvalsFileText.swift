import Foundation

/// The text of an evals file written by `import`: the contract's columns, rows sorted.
///
/// Rows are sorted by cell (intent, then setting) and then by sample id, so the same logs
/// give the same bytes whatever order the tool wrote them in.
///
/// The optional `cache_read_tokens` and `cache_write_tokens` columns (contract version 2)
/// are written only when some sample of the import read from or wrote to the provider's
/// prompt cache. A run without cached tokens keeps the version-1 header, so re-importing
/// logs that have none gives the same bytes as before and the file stays readable by tools
/// that know only version 1; a run with them writes both columns on every row (0 where a
/// sample had none), since the contract reads an absent column as 0 for the whole file.
package enum EvalsFileText {
    /// The header without cache columns, in the contract's column order.
    package static let header = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms"
    /// The header when some sample has cached tokens: the two optional columns appended.
    package static let headerWithCache = header + ",cache_read_tokens,cache_write_tokens"

    /// The file's text; `samples` must not repeat a sample id within a cell.
    package static func render(_ samples: [ImportedSample]) -> String {
        let sorted = samples.sorted { a, b in
            a.cell != b.cell ? a.cell < b.cell : Array(a.sampleID.utf8).lexicographicallyPrecedes(Array(b.sampleID.utf8))
        }
        let withCache = samples.contains { $0.hasCachedTokens }
        var text = (withCache ? headerWithCache : header) + "\n"
        for s in sorted {
            var fields = [csvField(s.intent), csvField(s.setting.model), String(s.setting.maxTokens), formatNumber(s.setting.temperature),
                          String(s.setting.ragChunks), csvField(s.sampleID), formatNumber(s.quality), String(s.inputTokens),
                          String(s.outputTokens), formatNumber(s.latencyMs)]
            if withCache { fields += [String(s.cacheReadTokens), String(s.cacheWriteTokens)] }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

}
