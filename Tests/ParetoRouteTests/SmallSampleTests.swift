import Foundation
import Testing
@testable import ParetoRoute

/// A mean of one sample has no spread to measure, and nothing pretends otherwise.
@Suite struct SmallSampleTests {
    /// The tiny fixture with faq on big/250/t0.1/rag0 re-run on one sample of quality 0.99.
    static func singleSampleData() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-single-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("tiny"), toPath: directory)
        try "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms\nfaq,big,250,0.1,0,q9,0.99,1000,200,150\n"
            .write(toFile: directory + "/evals/c.csv", atomically: false, encoding: .utf8)
        return directory
    }

    @Test func aSingleSampleCellIsWarnedAboutAndClearsNoFloorWithMargin() throws {
        let directory = try Self.singleSampleData()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try GoldenDataLoader.load(directory: directory, keepingSamples: true)
        let big = try #require(table.cellIndex(intent: 0, setting: Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        let cell = table.cells[0][big]
        #expect(cell.sampleCount == 1 && cell.quality == 0.99 && !cell.hasQualityStandardError)
        #expect(table.warnings.contains("faq: 1 cell(s) rest on a single sample (big/250/t0.1/rag0); their quality mean has no standard error and clears no floor with margin under --confidence"))
        // The fixture's own chat/big cell rests on one sample too.
        #expect(table.warnings.contains { $0.hasPrefix("chat: 1 cell(s) rest on a single sample (big/150/t0.7/rag2)") })
        // Under --confidence it cannot clear the 0.80 floor with margin, however good its one sample
        // (resampling one sample gives it back every time: a zero-width interval).
        #expect(table.violation(intent: 0, option: big).isEmpty)
        let sure = try table.applyingConfidence(0.95)
        #expect(sure.violation(intent: 0, option: big) == .qualityBelowFloor)
        let interval = try #require(sure.intervals?[0][big])
        #expect(interval.qualityLower == -.infinity && interval.dependsOnNoise(cell, intent: table.intents[0]))
        // A two-sample cell keeps a real interval: faq/small (0.7, 0.8) lies within [0.7, 0.8].
        let small = try #require(table.cellIndex(intent: 0, setting: Setting(model: "small", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        let two = try #require(sure.intervals?[0][small])
        #expect(two.qualityLower >= 0.7 && two.qualityUpper <= 0.8)
    }
}
