import Dispatch
import Foundation
import NSGA2

/// The seeded percentile bootstrap behind every interval of the tool.
///
/// ``resamples`` resamples of the cell's samples, with replacement, drawn by
/// ``Xoshiro256StarStar`` seeded from the cell's identity and the run's seed, so an
/// interval is the same on every run and does not depend on the order of cells.
public enum Bootstrap {
    /// Resamples per interval.
    public static let resamples = 1_000

    /// The two-sided percentile interval at `confidence` of the mean and of the P99.
    public static func interval(of samples: CellSamples, confidence: Double, seed: UInt64,
                                resamples: Int = Bootstrap.resamples) -> CellInterval {
        let n = samples.qualities.count
        guard n > 0, samples.sortedLatencies.count == n else {
            return CellInterval(qualityLower: 0, qualityUpper: 0, p99Lower: 0, p99Upper: 0)
        }
        var rng = Xoshiro256StarStar(seed: seed)
        var means = [Double](repeating: 0, count: resamples)
        var p99s = [Double](repeating: 0, count: resamples)
        var counts = [Int](repeating: 0, count: n)
        let h = Double(n - 1) * 0.99
        let lowRank = Int(h)
        let fraction = h - Double(lowRank)
        samples.qualities.withUnsafeBufferPointer { qualities in
            for r in 0..<resamples {
                counts.withUnsafeMutableBufferPointer { counts in
                    counts.update(repeating: 0)
                    var sum = 0.0
                    for _ in 0..<n {
                        let j = rng.nextInt(below: n)
                        counts[j] += 1
                        sum += qualities[j]
                    }
                    means[r] = sum / Double(n)
                }
                // The resample's P99 needs only its order statistics at lowRank and lowRank + 1;
                // walk the sorted originals from the top, where those ranks sit.
                p99s[r] = n == 1 ? samples.sortedLatencies[0]
                    : resampledPercentile(counts: counts, sorted: samples.sortedLatencies, lowRank: lowRank, fraction: fraction)
            }
        }
        let ranks = percentileRanks(confidence: confidence, resamples: resamples)
        let p99 = orderStatistics(&p99s, ranks)
        // Resampling one sample gives it back every time: a zero-width interval that would let it
        // clear a floor "with margin". Its mean has no spread to measure, so no margin either.
        if n < Cell.minimumSamplesForStandardError {
            return CellInterval(qualityLower: -.infinity, qualityUpper: .infinity, p99Lower: p99.lower, p99Upper: p99.upper)
        }
        let quality = orderStatistics(&means, ranks)
        return CellInterval(qualityLower: quality.lower, qualityUpper: quality.upper, p99Lower: p99.lower, p99Upper: p99.upper)
    }

    /// The quality bounds of ``interval(of:confidence:seed:resamples:)`` alone, without the P99's
    /// bookkeeping: the same generator draws the same resamples and sums them in the same order,
    /// so the bounds are bit for bit those of the full interval.
    public static func meanInterval(of qualities: [Double], confidence: Double, seed: UInt64,
                                    resamples: Int = Bootstrap.resamples) -> (lower: Double, upper: Double) {
        let n = qualities.count
        guard n > 0 else { return (0, 0) }
        // As in the full interval: one sample's mean has no spread, so no margin.
        guard n >= Cell.minimumSamplesForStandardError else { return (-.infinity, .infinity) }
        var rng = Xoshiro256StarStar(seed: seed)
        var means = [Double](repeating: 0, count: resamples)
        qualities.withUnsafeBufferPointer { values in
            for r in 0..<resamples {
                var sum = 0.0
                for _ in 0..<n { sum += values[rng.nextInt(below: n)] }
                means[r] = sum / Double(n)
            }
        }
        return orderStatistics(&means, percentileRanks(confidence: confidence, resamples: resamples))
    }

    /// The values of rank `ranks.lower` and `ranks.upper` (0-based, ascending) of `values`, as
    /// sorting would give them, found by selection; `values` is reordered.
    /// - Complexity: O(n) expected.
    static func orderStatistics(_ values: inout [Double], _ ranks: (lower: Int, upper: Int)) -> (lower: Double, upper: Double) {
        let lower = select(&values, rank: ranks.lower, in: 0..<values.count)
        // After selecting `lower`, everything above its position is no smaller.
        let upper = ranks.upper > ranks.lower ? select(&values, rank: ranks.upper, in: (ranks.lower + 1)..<values.count)
            : (ranks.upper == ranks.lower ? lower : select(&values, rank: ranks.upper, in: 0..<ranks.lower))
        return (lower, upper)
    }

    /// Quickselect (Hoare partition, middle pivot): places the value of rank `rank` at that index,
    /// no larger values before it and no smaller after it, within `range`.
    static func select(_ values: inout [Double], rank: Int, in range: Range<Int>) -> Double {
        var low = range.lowerBound, high = range.upperBound - 1
        values.withUnsafeMutableBufferPointer { v in
            while low < high {
                let pivot = v[low + (high - low) / 2]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while v[j] > pivot { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if rank <= j { high = j } else if rank >= i { low = i } else { break }
            }
        }
        return values[rank]
    }

    /// The ranks of the lower and upper bounds among `resamples` sorted values.
    static func percentileRanks(confidence: Double, resamples: Int) -> (lower: Int, upper: Int) {
        let alpha = max(0, min(1, 1 - confidence))
        let lower = max(0, Int((alpha / 2 * Double(resamples)).rounded(.down)))
        let upper = min(resamples - 1, Int(((1 - alpha / 2) * Double(resamples)).rounded(.up)) - 1)
        return (lower, upper)
    }

    private static func resampledPercentile(counts: [Int], sorted: [Double], lowRank: Int, fraction: Double) -> Double {
        let n = sorted.count
        func value(atRank rank: Int) -> Double {
            // Rank counted from the bottom; walk down from the top.
            var above = n  // ranks >= above are covered by the values visited so far
            var j = n - 1
            while j >= 0 {
                above -= counts[j]
                if rank >= above { return sorted[j] }
                j -= 1
            }
            return sorted[0]
        }
        let low = value(atRank: lowRank)
        let high = lowRank + 1 < n ? value(atRank: lowRank + 1) : low
        return low + fraction * (high - low)
    }

    /// A seed for one cell from its identity, so intervals do not depend on cell order.
    public static func seed(intent: String, setting: Setting, runSeed: UInt64) -> UInt64 {
        var hash = FNV1a64()
        hash.combine(Array(intent.utf8) + [0] + Array(setting.description.utf8))
        return hash.value ^ runSeed
    }
}

extension CellTable {
    /// The table with bootstrap intervals at `confidence`; feasibility then uses their bounds.
    ///
    /// Needs the samples (load with `keepingSamples: true`).
    /// - Throws: ``RequestError`` on ``RequestError/Option/confidence``: out of (0, 1), or the table has no samples.
    public func applyingConfidence(_ confidence: Double, seed: UInt64 = 1) throws -> CellTable {
        try ConfidenceLevel.check(confidence)
        guard let samples else {
            throw ConfidenceLevel.samplesMissing
        }
        var copy = self
        copy.confidence = confidence
        // Intents in parallel: every cell has its own seeded generator, so the result
        // does not depend on the schedule.
        let results = ResultSlots<[CellInterval]>(count: intents.count)
        let table = self
        DispatchQueue.concurrentPerform(iterations: intents.count) { i in
            results.store(table.cells[i].indices.map { c in
                Bootstrap.interval(of: samples[i][c], confidence: confidence,
                                   seed: Bootstrap.seed(intent: table.intents[i].name, setting: table.cells[i][c].setting, runSeed: seed))
            }, at: i)
        }
        copy.intervals = results.values
        return copy
    }
}

/// One slot per parallel task; each task writes only its own slot.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = [Value?](repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    var values: [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}
