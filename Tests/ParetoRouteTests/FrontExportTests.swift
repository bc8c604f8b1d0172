import Foundation
import Testing
@testable import ParetoRoute

@Suite struct FrontExportTests {
    let table: CellTable
    let front: Front

    init() throws {
        table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        front = try FrontRun.exact(table).front
    }

    @Test func jsonRoundTripsAndRecomputesFromTheData() throws {
        let text = front.jsonText
        let back = try Front(bytes: Array(text.utf8), file: "f.json")
        #expect(back.points == front.points)
        #expect(back.jsonText == text)
        for point in back.points {
            let evaluation = table.evaluate(try table.choice(of: point.configuration, file: "f.json"))
            #expect(evaluation.monthlyCostUSD == point.monthlyCostUSD)
            #expect(evaluation.quality == point.quality)
        }
        #expect(try JSONParser.parse(Array(text.utf8), file: "f.json")["format"] == .string("paretoroute.front/2"))
        // Reference: 1.1 × 150.75, 0.87 − 0.01; area = (165.825 − 94.125)(0.87 − 0.86) + (165.825 − 150.75)(0.916667 − 0.87).
        let expected = (165.825 - 94.125) * 0.01 + (165.825 - 150.75) * (1375.0 / 1500 - 0.87)
        #expect(abs(front.hypervolume - expected) < 1e-9)
    }

    /// The tiny exact front, file layout by hand: each intent lists only the cells a point
    /// uses, in the data's cell order (faq: big; chat: big, small), and points index them.
    @Test func formatTwoStoresEachCellOnceAndPointsByIndex() throws {
        let text = front.jsonText
        let document = try JSONParser.parse(Array(text.utf8), file: "f.json")
        #expect(document.members?.map(\.0) == ["format", "method", "tool_version", "data_fingerprint", "objectives", "settings",
                                               "statistics", "reference_point", "hypervolume", "knee_index", "point_count",
                                               "intents", "cells", "points"])
        #expect(document["tool_version"] == .string(ToolVersion.current))
        #expect(text.contains(#"{"name":"faq","min_quality":0.8,"max_p99_latency_ms":2000,"weight":1000}"#))
        let cells = try #require(document["cells"]?.array)
        #expect(cells.map { $0.array?.compactMap { $0["model"]?.string } ?? [] } == [["big"], ["big", "small"]])
        #expect(cells[1].array?[1]["monthly_cost_usd"] == .number(4.125))
        #expect(cells[1].array?[1]["violations"] == .array([]))
        #expect(text.contains(#"{"monthly_cost_usd":94.125,"quality":0.87,"#))
        #expect(text.contains(#""fixed_fees_usd":0,"feasible":true,"cells":[0,1]}"#))
        #expect(text.contains(#""cells":[0,0]}"#))
        #expect(document["point_count"] == .number(2))
        // A bad index names its field.
        let broken = text.replacingOccurrences(of: #""cells":[0,1]}"#, with: #""cells":[0,7]}"#)
        #expect {
            _ = try Front(bytes: Array(broken.utf8), file: "f.json")
        } throws: { error in
            "\(error)" == "f.json: field 'points[0].cells[1]': 7 is out of range; expected an index below 2"
        }
    }

    @Test func otherFormatsAreRejected() {
        let json = #"{"format": "paretoroute.front/3", "method": "exact", "points": []}"#
        #expect {
            _ = try Front(bytes: Array(json.utf8), file: "f.json")
        } throws: { error in
            "\(error)" == "f.json: field 'format': 'paretoroute.front/3' is not supported; expected \"paretoroute.front/2\" or \"paretoroute.front/1\""
        }
    }

    @Test func textNamesCheapestKneeAndBest() {
        let text = FrontText.render(front)
        // Columns as wide as their longest entry; figures end under their headers.
        #expect(text.contains("\n#   monthly cost  quality ± SE     models         change from the previous row\n"))
        #expect(text.contains("\n1*        $94.13  0.8700 ± 0.0180  big×1 small×1  start\n"))
        #expect(text.contains("chat: small/150/t0.7/rag2 → big/150/t0.7/rag2"))
        #expect(text.contains("best quality (#2): $151/month"))
    }

    @Test func csvHasFourColumnsPerIntent() {
        let lines = FrontCSV.render(front).split(separator: "\n")
        #expect(lines[0] == "point,monthly_cost_usd,quality,fixed_fees_usd,feasible,faq.model,faq.max_tokens,faq.temperature,faq.rag_chunks,chat.model,chat.max_tokens,chat.temperature,chat.rag_chunks")
        #expect(lines[1] == "1,94.125,0.87,0,true,big,250,0.1,0,small,150,0.7,2")
    }

    @Test func svgHasAxesLabelsAndTheKnee() {
        let svg = FrontSVG.render(front, marks: [.init(label: "production", cost: 120, quality: 0.88)])
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("Monthly cost (USD per month)"))
        #expect(svg.contains("Weighted quality"))
        #expect(svg.contains("knee: $94.13"))
        #expect(svg.contains("production: $120"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func svgCostAxisSpansTheDataWithRoundTicks() {
        // Costs 94.125…150.75 (mark 120 inside): the axis is 92.4…152.4, ticks every $10.
        let svg = FrontSVG.render(front, marks: [.init(label: "production", cost: 120, quality: 0.88)])
        for label in ["$100", "$110", "$120", "$130", "$140", "$150"] {
            #expect(svg.contains("text-anchor=\"middle\">\(label)</text>"), "tick \(label)")
        }
        #expect(!svg.contains(">$0</text>") && !svg.contains(">$90</text>") && !svg.contains(">$160</text>"))
        #expect(FrontSVG.niceTicks(min: 0, max: 151) == [0, 20, 40, 60, 80, 100, 120, 140])
        #expect(FrontSVG.niceTicks(min: 8_000, max: 110_000) == [20_000, 40_000, 60_000, 80_000, 100_000])
        let qualityTicks = FrontSVG.niceTicks(min: 0.8467, max: 0.9311)
        #expect(qualityTicks.count == 9)
        #expect(abs(qualityTicks[0] - 0.85) < 1e-12 && abs(qualityTicks[8] - 0.93) < 1e-12)
        // Log axis: 1, 2, 5 × 10ⁿ give four ticks over $8,400…$111,000, so finer mantissas.
        #expect(FrontSVG.logTicks(min: 8_400, max: 111_000) == [10_000, 15_000, 20_000, 30_000, 50_000, 70_000, 100_000])
        #expect(FrontSVG.logTicks(min: 50, max: 600_000) == [50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000])
        let log = FrontSVG.render(front, logCost: true)
        #expect(log.contains("Monthly cost (USD per month, log scale)"))
    }

    @Test func svgTooltipsCarryTheConfigurationAndTheMarkItsFeasibility() throws {
        // The cheapest point's configuration is feasible; the same with faq over its P99 cap is not.
        var evaluation = table.evaluate(try table.choice(of: front.points[0].configuration, file: "prod.json"))
        let svg = FrontSVG.render(front, marks: [FrontSVG.Mark(label: "prod.json", evaluation: evaluation)])
        #expect(svg.contains("<title>#1: $94.13/month, quality 0.8700 ± "))
        #expect(svg.contains("\nbig×1 small×1\nfaq: big/250/t0.1/rag0\nchat: small/150/t0.7/rag2</title>"))
        #expect(svg.contains("<title>prod.json: $94.13/month, quality 0.8700, feasible</title>"))
        evaluation.perIntent[0].violation = .latencyAboveCap
        #expect(FrontSVG.Mark(label: "p", evaluation: evaluation).failures == ["faq: p99 above cap"])
        let infeasible = FrontSVG.Mark(label: "p", cost: 120, quality: 0.88, failures: ["faq: p99 above cap"])
        let marked = FrontSVG.render(front, marks: [infeasible])
        #expect(marked.contains(">p (NOT feasible): $120, 0.8800</text>"))
        #expect(marked.contains("<title>p: $120/month, quality 0.8800, NOT feasible: faq: p99 above cap</title>"))
    }

    @Test func aFailedWriteLeavesThePreviousFileWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-atomic-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("front.json").path
        try OutputTarget(path: path).write("old contents\n")
        #expect(throws: DataError.self) {
            try OutputTarget(path: path).write(Data(front.jsonText.utf8), failAfterWriting: true)
        }
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self) == "old contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["front.json"])
        try OutputTarget(path: path).write { try front.writeJSON(to: $0) }
        #expect(FileManager.default.contents(atPath: path)?.count == front.jsonText.utf8.count)
    }
}
