import Foundation
import Testing
@testable import ParetoRoute

/// Routes on real data: RouteLLM's published per-prompt outcomes of GPT-4 and Mixtral (Apache-2.0),
/// converted at test time from `../shared/real/routellm` by its own converter (never committed
/// here), with its real router, the prompt's length. Skipped, by name, where the data or python3
/// is missing.
@Suite(.enabled(if: RealRouteData.available, "RouteLLM data or python3 missing: ../shared/real/routellm/convert.py"))
struct RealRouteDataTests {
    static let table: CellTable? = try? RealRouteData.load()

    /// Every GSM8K threshold route equals a sample-by-sample reading of the contract written here
    /// from the samples alone, and the ends are the cells themselves.
    @Test func gsm8kThresholdRoutesAreTheContractsFiguresSampleBySample() throws {
        let table = try #require(Self.table)
        let i = try #require(table.intentIndex(named: "gsm8k"))
        let samples = try #require(table.samples)
        let strong = try #require(table.cells[i].firstIndex { $0.setting.model == "gpt-4-1106-preview" })
        let weak = try #require(table.cells[i].firstIndex { $0.setting.model.hasPrefix("mistralai/") })
        let router = try #require(table.routerScores.routerIndex(named: "prompt_length"))
        let scores = try #require(table.routerScores.scores[i][router])
        let low = samples[i][weak], high = samples[i][strong]
        let lowPrices = table.models[table.cells[i][weak].modelIndex].prices
        let highPrices = table.models[table.cells[i][strong].modelIndex].prices
        #expect(low.qualities.count > 1000 && scores.count > 1000)

        // The contract, by hand: join on sample ids, take high's row at score >= t.
        var highRow: [String: Int] = [:]
        for (k, id) in high.sampleIDs.enumerated() { highRow[id] = k }
        func brute(_ t: Double) -> (quality: Double, cost: Double, share: Double, count: Int) {
            var quality = 0.0, cost = 0.0, toHigh = 0, n = 0
            for (k, id) in low.sampleIDs.enumerated() {
                guard let h = highRow[id], let score = scores[id] else { continue }
                n += 1
                if score >= t {
                    toHigh += 1
                    quality += high.qualities[h]
                    cost += (Double(high.inputTokens[h]) * highPrices.input + Double(high.outputTokens[h]) * highPrices.output) / 1e6
                } else {
                    quality += low.qualities[k]
                    cost += (Double(low.inputTokens[k]) * lowPrices.input + Double(low.outputTokens[k]) * lowPrices.output) / 1e6
                }
            }
            return (quality / Double(n), cost / Double(n), Double(toHigh) / Double(n), n)
        }
        let sortedScores = scores.values.sorted()
        var thresholds = stride(from: 0.0, through: 1.0, by: 0.1).map { percentile(sorted: sortedScores, $0) }
        thresholds.append((sortedScores.last ?? 0) + 1)
        var previousShare = 2.0
        for t in thresholds {
            let route = try #require(RouteFigures.threshold(low: low, lowPrices: lowPrices, high: high, highPrices: highPrices,
                                                            scores: scores, threshold: t, routerLatencyMs: 0, readShare: nil))
            let expected = brute(t)
            #expect(route.samples == expected.count)
            #expect(abs(route.quality - expected.quality) < 1e-12, "t = \(t)")
            #expect(abs(route.costPerCallUSD - expected.cost) < 1e-12 * max(1, expected.cost), "t = \(t)")
            #expect(route.highShare == expected.share)
            #expect(route.highShare <= previousShare)
            previousShare = route.highShare
        }
        // All to GPT-4 (every score >= the smallest) and all to Mixtral (none reaches max + 1): the cells.
        let allHigh = try #require(RouteFigures.threshold(low: low, lowPrices: lowPrices, high: high, highPrices: highPrices,
                                                          scores: scores, threshold: sortedScores[0], routerLatencyMs: 0, readShare: nil))
        let allLow = try #require(RouteFigures.threshold(low: low, lowPrices: lowPrices, high: high, highPrices: highPrices,
                                                         scores: scores, threshold: (sortedScores.last ?? 0) + 1, routerLatencyMs: 0, readShare: nil))
        #expect(allHigh.highShare == 1 && allLow.highShare == 0)
        #expect(abs(allHigh.quality - table.cells[i][strong].quality) < 1e-9)
        #expect(abs(allLow.quality - table.cells[i][weak].quality) < 1e-9)
        #expect(allHigh.p99LatencyMs == table.cells[i][strong].p99LatencyMs)
        #expect(allLow.p99LatencyMs == table.cells[i][weak].p99LatencyMs)
        // A real router beats the ends somewhere: some threshold is cheaper than GPT-4 alone at
        // no less than Mixtral's quality, and better than Mixtral alone.
        #expect(allHigh.quality > allLow.quality && allHigh.costPerCallUSD > allLow.costPerCallUSD)
    }

    /// A share route's P99 on real latencies lies between the two cells' and is the contract's
    /// mixture quantile at its ends.
    @Test func shareRoutesOnRealLatencies() throws {
        let table = try #require(Self.table)
        let samples = try #require(table.samples)
        for name in ["gsm8k", "mtbench_writing"] {
            let i = try #require(table.intentIndex(named: name))
            let low = samples[i][1].sortedLatencies, high = samples[i][0].sortedLatencies
            #expect(RouteFigures.shareP99(low: low, high: high, share: 0) == percentile99(sorted: low) || abs(RouteFigures.shareP99(low: low, high: high, share: 0) - percentile99(sorted: low)) < 1e-9)
            for s in [0.25, 0.5, 0.75] {
                let p99 = RouteFigures.shareP99(low: low, high: high, share: s)
                #expect(p99 >= min(low[0], high[0]) && p99 <= max(low.last ?? 0, high.last ?? 0))
                let mixture = (1 - s) * RouteFigures.distribution(low, at: p99) + s * RouteFigures.distribution(high, at: p99)
                #expect(mixture >= 0.99 - 1e-9)
            }
        }
    }
}

/// Converting and loading the RouteLLM data once per test process.
enum RealRouteData {
    static let converter = FixturePaths.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/real/routellm/convert.py").path

    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var available: Bool {
        FileManager.default.fileExists(atPath: converter) && python != nil
    }

    static func load() throws -> CellTable {
        let directory = NSTemporaryDirectory() + "paretoroute-routellm-\(UUID().uuidString)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments = [converter, directory]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try GoldenDataLoader.load(directory: directory, keepingSamples: true, keepingSampleIDs: true)
    }
}
