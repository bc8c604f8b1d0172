/// Running figures of one cell while its rows stream past.
///
/// Per row it keeps only what the contract needs: the latency (for the P99) and an
/// 8-byte hash of the sample id (for the duplicate check); everything else is a sum.
struct CellAccumulator {
    var count = 0
    var qualitySum = 0.0
    var qualitySquareSum = 0.0
    var inputTokenSum = 0
    var outputTokenSum = 0
    var cacheReadTokenSum = 0
    var cacheWriteTokenSum = 0
    var latencies: [Double] = []
    /// Per-sample qualities, kept only when the caller asked for samples (bootstrap).
    var qualities: [Double]?
    /// Per-sample token counts (input, output), kept with the qualities (cost projection).
    var inputTokens: [Int] = []
    var outputTokens: [Int] = []
    /// Per-sample prompt-cache reads and writes, kept with the qualities when the data has them.
    var cacheReadTokens: [Int] = []
    var cacheWriteTokens: [Int] = []
    /// Sample identifiers in file order, kept with the qualities when asked for.
    var sampleIDs: [String] = []
    /// Hashes of the sample identifiers in file order, kept with the qualities.
    var sampleKeys: [UInt64] = []
    var sampleHashes: Set<UInt64> = []
    let file: String

    init(file: String) {
        self.file = file
    }

    /// The samples a bootstrap needs, when they were kept.
    var samples: CellSamples? {
        qualities.map {
            var samples = CellSamples(qualities: $0, sortedLatencies: latencies.sorted(), inputTokens: inputTokens, outputTokens: outputTokens,
                                      cacheReadTokens: cacheReadTokens, cacheWriteTokens: cacheWriteTokens)
            samples.sampleIDs = sampleIDs
            samples.sampleKeys = sampleKeys
            samples.latencies = latencies
            return samples
        }
    }

    /// Derives the cell's figures; `sampleHashes` are dropped here.
    func makeCell(setting: Setting, modelIndex: Int, intent: Intent, model: Model) -> Cell {
        let n = Double(count)
        let quality = qualitySum / n
        var standardError = 0.0
        if count > 1 {
            let variance = max(0, (qualitySquareSum - n * quality * quality) / (n - 1))
            standardError = (variance / n).squareRoot()
        }
        let meanIn = Double(inputTokenSum) / n
        let meanOut = Double(outputTokenSum) / n
        let tokens = TokenCounts(input: meanIn, cacheRead: Double(cacheReadTokenSum) / n,
                                 cacheWrite: Double(cacheWriteTokenSum) / n, output: meanOut)
        return Cell(
            setting: setting, modelIndex: modelIndex, sampleCount: count, quality: quality,
            qualityStandardError: standardError, meanInputTokens: meanIn, meanOutputTokens: meanOut,
            p99LatencyMs: percentile99(sorted: latencies.sorted()),
            monthlyCostUSD: Cell.monthlyCost(intent: intent, prices: model.prices, meanTokens: tokens),
            sourceFile: file, meanCacheReadTokens: tokens.cacheRead, meanCacheWriteTokens: tokens.cacheWrite)
    }
}

/// The key of a cell: numeric values, so `0.2` and `2e-1` meet.
struct CellKey: Hashable {
    var intent: Int
    var model: Int
    var maxTokens: Int
    var temperatureBits: UInt64
    var ragChunks: Int
}
