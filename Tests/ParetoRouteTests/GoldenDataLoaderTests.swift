import Foundation
import Testing
@testable import ParetoRoute

/// The tiny fixture's figures, computed by hand in the comments.
@Suite struct GoldenDataLoaderTests {
    let table: CellTable

    init() throws {
        table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
    }

    private func cell(_ intent: String, _ model: String, _ maxTokens: Int, _ temperature: Double, _ rag: Int) throws -> Cell {
        let i = try #require(table.intentIndex(named: intent))
        let c = try #require(table.cellIndex(intent: i, setting: Setting(model: model, maxTokens: maxTokens, temperature: temperature, ragChunks: rag)))
        return table.cells[i][c]
    }

    @Test func readsModelsAndIntentsWithDefaults() {
        #expect(table.models.map(\.name) == ["big", "small", "tuned"])
        #expect(table.models.map(\.monthlyFixedUSD) == [0, 0, 100])
        #expect(table.intents.map(\.name) == ["faq", "chat"])
        // quality_weight empty: the daily volume.
        #expect(table.intents.map(\.qualityWeight) == [1000, 500])
        #expect(table.files == ["evals/a.csv", "evals/b.csv", "intents.csv", "models.csv"])
        #expect(table.rowCount == 12)
    }

    @Test func derivedFiguresMatchHandComputation() throws {
        let big = try cell("faq", "big", 250, 0.1, 0)
        #expect(abs(big.quality - 0.925) < 1e-12)
        // h = (2-1)*0.99: 100 + 0.99*(200-100) = 199.
        #expect(abs(big.p99LatencyMs - 199) < 1e-9)
        // 1000/day * 30 * (1 - 0.5) = 15,000 calls; (1000*3 + 200*15)/1e6 = $0.006 each.
        #expect(abs(big.monthlyCostUSD - 90) < 1e-9)
        let tuned = try cell("faq", "tuned", 250, 0.1, 0)
        #expect(abs(tuned.p99LatencyMs - 2980) < 1e-9)
        #expect(table.violation(intent: 0, option: table.cells[0].firstIndex(of: tuned)!) == .latencyAboveCap)
        // One sample: its latency is the P99.
        let chatBig = try cell("chat", "big", 150, 0.7, 2)
        #expect(chatBig.p99LatencyMs == 1000)
        #expect(abs(chatBig.monthlyCostUSD - 60.75) < 1e-9)
    }

    @Test func cellsAreKeyedByNumericValue() throws {
        // 0.2 and 0.20 are one cell of two samples.
        let tuned = try cell("faq", "tuned", 250, 0.2, 0)
        #expect(tuned.sampleCount == 2)
        #expect(abs(tuned.quality - 0.83) < 1e-12)
        #expect(table.cells[0].count == 4)
    }

    @Test func aLaterEvalsFileSupersedesACellWhole() throws {
        // a.csv had one sample (q 0.72); b.csv (BOM, CRLF, 7e-1, quoted line break) replaces it.
        let small = try cell("chat", "small", 150, 0.7, 2)
        #expect(small.sampleCount == 2)
        #expect(abs(small.quality - 0.76) < 1e-12)
        #expect(abs(small.p99LatencyMs - 598) < 1e-9)
        #expect(small.sourceFile == "evals/b.csv")
        // 15,000 calls * (600*0.25 + 100*1.25)/1e6.
        #expect(abs(small.monthlyCostUSD - 4.125) < 1e-12)
        #expect(try cell("chat", "big", 150, 0.7, 2).sourceFile == "evals/a.csv")
    }

    @Test func evaluatorCountsFeesOnceAndWeightsByVolume() throws {
        let faqTuned = try #require(table.cellIndex(intent: 0, setting: Setting(model: "tuned", maxTokens: 250, temperature: 0.2, ragChunks: 0)))
        let faqTunedSlow = try #require(table.cellIndex(intent: 0, setting: Setting(model: "tuned", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        let chatBig = try #require(table.cellIndex(intent: 1, setting: Setting(model: "big", maxTokens: 150, temperature: 0.7, ragChunks: 2)))
        let result = table.evaluate([faqTuned, chatBig])
        // 7.5 + 60.75 + the tuned model's $100 fee.
        #expect(abs(result.monthlyCostUSD - 168.25) < 1e-9)
        #expect(result.fixedFeesUSD == 100)
        // (1000*0.83 + 500*0.9) / 1500.
        #expect(abs(result.quality - 1280.0 / 1500) < 1e-12)
        #expect(result.isFeasible)
        // Two intents on the same fee-paying model pay the fee once: a single-intent check.
        let slow = table.evaluate([faqTunedSlow, chatBig])
        #expect(!slow.isFeasible)
        #expect(slow.perIntent[0].violation == .latencyAboveCap)
        let capped = table.evaluate([faqTuned, chatBig], constraints: GlobalConstraints(maxMonthlyCostUSD: 100))
        #expect(capped.globalFailures.count == 1)
        #expect(!capped.isFeasible)
    }

    @Test func fingerprintIsStableAndCoversEveryFile() throws {
        let again = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        #expect(again.fingerprint == table.fingerprint)
        #expect(table.fingerprint.count == 16)
        // Recompute by hand: path, 0 byte, bytes, for each file in lexical order.
        var hash = FNV1a64()
        for file in table.files {
            hash.combine(Array(file.utf8) + [0])
            hash.combine(try #require(FileManager.default.contents(atPath: FixturePaths.fixture("tiny") + "/" + file)))
        }
        #expect(hash.hexDigest == table.fingerprint)
    }

    @Test func configurationsResolveAndReportNearestSettings() throws {
        let json = try JSONParser.parse(Array(#"{"intents": {"chat": {"model": "big", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}, "faq": {"model": "big", "max_tokens": 250, "temperature": 1e-1, "rag_chunks": 0}}}"#.utf8), file: "c.json")
        let configuration = try Configuration(json: json, file: "c.json")
        let choice = try table.choice(of: configuration, file: "c.json")
        #expect(table.configuration(of: choice).entries.map(\.intent) == ["faq", "chat"])
        let unknown = Configuration(settings: [("faq", Setting(model: "big", maxTokens: 400, temperature: 0.1, ragChunks: 0))])
        #expect {
            try table.choice(of: unknown, file: "c.json")
        } throws: { error in
            "\(error)".contains("nearest evaluated settings: big/250/t0.1/rag0")
        }
        let missing = Configuration(settings: [("faq", Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0))])
        #expect {
            try table.choice(of: missing, file: "c.json")
        } throws: { error in
            "\(error)" == "c.json: field 'intents.chat': intent 'chat' is missing; expected a setting for every intent of the data"
        }
    }
}
