/// Averages the epochs of each sample into one row (``EpochMode/mean``).
///
/// Epochs are repeated runs of the same golden sample; averaging them gives one row per
/// sample, so the cell's sample count (and its standard error) rests on the distinct
/// samples. Tokens of each kind (input, cache read, cache write, output) are averaged and
/// rounded to whole tokens (half away from zero), the latency to 0.001 ms; the P99 is then
/// taken over per-sample means, not single calls.
public enum EpochAveraging {
    /// One sample per (cell, sample id), in order of first appearance.
    public static func average(_ samples: [ImportedSample]) -> [ImportedSample] {
        struct Key: Hashable { let cell: ImportedCell; let id: String }
        var order: [Key] = []
        var groups: [Key: [ImportedSample]] = [:]
        for sample in samples {
            let key = Key(cell: sample.cell, id: sample.sampleID)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(sample)
        }
        return order.map { key in
            let group = groups[key] ?? []
            let n = Double(group.count)
            var first = group[0]
            first.quality = group.reduce(0) { $0 + $1.quality } / n
            let mean: (KeyPath<ImportedSample, Int>) -> Int = { path in Int((Double(group.reduce(0) { $0 + $1[keyPath: path] }) / n).rounded()) }
            first.inputTokens = mean(\.inputTokens)
            first.cacheReadTokens = mean(\.cacheReadTokens)
            first.cacheWriteTokens = mean(\.cacheWriteTokens)
            first.outputTokens = mean(\.outputTokens)
            first.latencyMs = ImportedSample.roundedLatency(milliseconds: group.reduce(0) { $0 + $1.latencyMs } / n)
            return first
        }
    }
}
