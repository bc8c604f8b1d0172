import NSGA2

/// One cell evaluated in two runs, compared on the golden samples both answered.
///
/// Every cell of an intent answers the same golden samples, and a rerun answers them again, so
/// old and new scores pair up by `sample_id`: the quality change, its paired standard error and
/// test, the P99 and token changes, and the samples whose quality fell (the design doc's A11 scan).
public struct CellComparison: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The cell's setting.
    public var setting: Setting
    /// Samples behind the cell in the old and the new run.
    public var oldSamples: Int
    /// Samples behind the cell in the new run.
    public var newSamples: Int
    /// The quality change on shared samples.
    public var quality: PairedDifference
    /// The change of total input tokens (fresh and cached) per call, on shared samples.
    public var inputTokens: PairedDifference
    /// The change of output tokens per call, on shared samples.
    public var outputTokens: PairedDifference
    /// New P99 minus old P99, both over the shared samples (0 under 1 pair).
    public var p99Change: Double
    /// Old samples the new run did not score again (no new row with their id).
    public var unmatchedOld: Int
    /// New samples whose id the old run does not have (left out of every paired figure).
    public var unmatchedNew: Int
    /// The 95 % paired-bootstrap interval of the P99 change over shared samples (nil under 2 pairs).
    public var p99Interval: ClosedRange<Double>?
    /// The Benjamini–Hochberg adjusted p-value of the quality change among the compared cells.
    public var adjustedPValue: Double
    /// Samples whose quality fell by more than the scan's share, the largest relative drop first.
    public var regressions: [SampleRegression]

    /// Whether the quality change is a discovery at false-discovery level `level`.
    public func isBeyondNoise(level: Double) -> Bool {
        adjustedPValue <= level
    }

    /// `faq haiku/500/t0.1/rag2`.
    public var name: String { "\(intent) \(setting)" }
}

/// A golden sample whose quality dropped between two runs of one cell.
public struct SampleRegression: Sendable, Hashable {
    /// The sample's identifier.
    public var sampleID: String
    /// Its old quality.
    public var oldQuality: Double
    /// Its new quality.
    public var newQuality: Double
}

extension CellComparison {
    /// Pairs `old` and `new` samples by id and compares them; `drop` is the relative quality drop
    /// that flags a sample (0.1: new < 0.9 × old), `seed` fixes the P99 bootstrap.
    ///
    /// - Complexity: O(n) for the means; O(r · n log n) for the bootstrap of r = 400 resamples,
    ///   paid only when some paired latency changed.
    static func compare(intent: String, setting: Setting, old: CellSamples, new: CellSamples,
                        drop: Double, seed: UInt64) -> CellComparison {
        var index: [String: Int] = [:]
        index.reserveCapacity(old.sampleIDs.count)
        for (k, id) in old.sampleIDs.enumerated() { index[id] = k }
        var pairs: [(old: Int, new: Int)] = []
        for (k, id) in new.sampleIDs.enumerated() {
            if let o = index[id] { pairs.append((o, k)) }
        }
        func totalInput(_ samples: CellSamples, _ k: Int) -> Double {
            let tokens = samples.tokens(at: k)
            return tokens.input + tokens.cacheRead + tokens.cacheWrite
        }
        let quality = PairedDifference(old: pairs.map { old.qualities[$0.old] }, new: pairs.map { new.qualities[$0.new] })
        let input = PairedDifference(old: pairs.map { totalInput(old, $0.old) }, new: pairs.map { totalInput(new, $0.new) })
        let output = PairedDifference(old: pairs.map { Double(old.outputTokens[$0.old]) }, new: pairs.map { Double(new.outputTokens[$0.new]) })
        var regressions: [SampleRegression] = []
        for pair in pairs {
            let before = old.qualities[pair.old], after = new.qualities[pair.new]
            if after < before * (1 - drop) {
                regressions.append(SampleRegression(sampleID: new.sampleIDs[pair.new], oldQuality: before, newQuality: after))
            }
        }
        // The largest relative drop first (the scan's own measure); ties by sample id.
        regressions.sort { ($0.newQuality / $0.oldQuality, $0.sampleID) < ($1.newQuality / $1.oldQuality, $1.sampleID) }
        let oldLatencies = pairs.map { old.latencies[$0.old] }
        let newLatencies = pairs.map { new.latencies[$0.new] }
        var interval: ClosedRange<Double>?
        if pairs.count >= 2 {
            if oldLatencies == newLatencies {
                interval = 0...0
            } else {
                interval = Self.bootstrapP99Change(old: oldLatencies, new: newLatencies, seed: seed)
            }
        }
        let p99Change = pairs.isEmpty ? 0 : percentile99(sorted: newLatencies.sorted()) - percentile99(sorted: oldLatencies.sorted())
        return CellComparison(intent: intent, setting: setting, oldSamples: old.qualities.count, newSamples: new.qualities.count,
                              quality: quality, inputTokens: input, outputTokens: output,
                              p99Change: p99Change, unmatchedOld: old.qualities.count - pairs.count,
                              unmatchedNew: new.qualities.count - pairs.count,
                              p99Interval: interval, adjustedPValue: 1, regressions: regressions)
    }

    /// The 2.5th and 97.5th percentiles of P99(new) − P99(old) over 400 paired resamples.
    static func bootstrapP99Change(old: [Double], new: [Double], seed: UInt64) -> ClosedRange<Double> {
        var generator = Xoshiro256StarStar(seed: seed)
        let n = old.count
        var changes: [Double] = []
        changes.reserveCapacity(400)
        var a = [Double](repeating: 0, count: n), b = [Double](repeating: 0, count: n)
        for _ in 0..<400 {
            for k in 0..<n {
                let pick = generator.nextInt(below: n)
                a[k] = old[pick]
                b[k] = new[pick]
            }
            a.sort()
            b.sort()
            changes.append(percentile99(sorted: b) - percentile99(sorted: a))
        }
        changes.sort()
        return percentile(sorted: changes, 0.025)...percentile(sorted: changes, 0.975)
    }
}
