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
        #expect(text.contains("   1*       $94.13  0.8700"))
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
        #expect(FrontSVG.niceTicks(min: 0, max: 151) == [0, 50, 100, 150, 200])
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
