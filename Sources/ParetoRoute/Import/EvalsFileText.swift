import Foundation

/// The text of an evals file written by `import`: the contract's columns, rows sorted.
///
/// Rows are sorted by cell (intent, then setting) and then by sample id, so the same logs
/// give the same bytes whatever order the tool wrote them in.
package enum EvalsFileText {
    /// The header, in the contract's column order.
    package static let header = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms"

    /// The file's text; `samples` must not repeat a sample id within a cell.
    package static func render(_ samples: [ImportedSample]) -> String {
        let sorted = samples.sorted { a, b in
            a.cell != b.cell ? a.cell < b.cell : Array(a.sampleID.utf8).lexicographicallyPrecedes(Array(b.sampleID.utf8))
        }
        var text = header + "\n"
        for s in sorted {
            text += [field(s.intent), field(s.setting.model), String(s.setting.maxTokens), formatNumber(s.setting.temperature),
                     String(s.setting.ragChunks), field(s.sampleID), formatNumber(s.quality), String(s.inputTokens),
                     String(s.outputTokens), formatNumber(s.latencyMs)].joined(separator: ",") + "\n"
        }
        return text
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
