import ParetoRouteSynth

/// One cell's key: (intent, model, max_tokens, temperature as written, rag_chunks).
struct CellKey: Hashable, Sendable {
    var intent: String
    var model: String
    var maxTokens: Int
    var temperature: String
    var ragChunks: Int
}

/// The contract's derived figures of one cell, recomputed here from the generated rows.
struct CellFigures: Sendable {
    var quality: Double
    var p99: Double
    var meanInput: Double
    var meanOutput: Double
    /// Mean prompt-cache reads and writes (0 for version-1 files).
    var meanCacheRead = 0.0
    var meanCacheWrite = 0.0
    var maxOutput: Int
    var samples: Int

    /// Cells of an evals CSV written by the generator (no quoted fields, LF line ends).
    static func table(_ bytes: [UInt8]) -> [CellKey: CellFigures] {
        var rows: [CellKey: [(quality: Double, input: Int, output: Int, latency: Double, read: Int, write: Int)]] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
            let field = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard field.count == 10 || field.count == 12, let maxTokens = Int(field[2]), let chunks = Int(field[4]),
                  let quality = Double(field[6]), let input = Int(field[7]), let output = Int(field[8]),
                  let latency = Double(field[9]) else { continue }
            let read = field.count == 12 ? Int(field[10]) ?? -1 : 0
            let write = field.count == 12 ? Int(field[11]) ?? -1 : 0
            let key = CellKey(intent: field[0], model: field[1], maxTokens: maxTokens, temperature: field[3],
                              ragChunks: chunks)
            rows[key, default: []].append((quality, input, output, latency, read, write))
        }
        return rows.mapValues { samples in
            let count = Double(samples.count)
            let latencies = samples.map(\.latency).sorted()
            let rank = Double(latencies.count - 1) * 0.99
            let low = Int(rank)
            let p99 = low + 1 < latencies.count
                ? latencies[low] + (rank - Double(low)) * (latencies[low + 1] - latencies[low])
                : latencies[low]
            return CellFigures(
                quality: samples.map(\.quality).reduce(0, +) / count, p99: p99,
                meanInput: Double(samples.map(\.input).reduce(0, +)) / count,
                meanOutput: Double(samples.map(\.output).reduce(0, +)) / count,
                meanCacheRead: Double(samples.map(\.read).reduce(0, +)) / count,
                meanCacheWrite: Double(samples.map(\.write).reduce(0, +)) / count,
                maxOutput: samples.map(\.output).max() ?? 0, samples: samples.count)
        }
    }

    /// Whether the cell meets its intent's floor and P99 cap.
    func isFeasible(for intent: IntentProfile) -> Bool {
        quality >= intent.minQuality && p99 <= intent.maxP99LatencyMS
    }

    /// Monthly token cost of serving the intent with this cell (fees excluded), the cached prefix
    /// billed by the intent's read share at the model's cache prices (the contract's formula).
    func monthlyCost(for intent: IntentProfile, model: ModelProfile) -> Double {
        let prefix = meanCacheRead + meanCacheWrite
        let read = intent.promptCacheReadShare.map { $0 * prefix } ?? meanCacheRead
        let write = prefix - read
        return Double(intent.dailyVolume) * 30 * (1 - intent.responseCacheHitRate)
            * (meanInput * model.inputUSDPerMTok + read * (model.cacheReadUSDPerMTok ?? model.inputUSDPerMTok)
               + write * (model.cacheWriteUSDPerMTok ?? model.inputUSDPerMTok) + meanOutput * model.outputUSDPerMTok) / 1e6
    }
}
