import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// `paretoroute cells` against an independent computation of the contract's derived figures.
@Suite struct CellsCommandTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// Per cell, from the raw rows of a generator-written data directory (plain CSV, one evals
    /// file): the contract's figures, written out here without the loader.
    static func independent(directory: String) throws -> [String: [Double]] {
        func rows(_ file: String) throws -> [[String]] {
            try String(contentsOfFile: directory + "/" + file, encoding: .utf8).split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let models = try rows("models.csv"), intents = try rows("intents.csv")
        func column(_ header: [String], _ name: String) -> Int? { header.firstIndex(of: name) }
        var price: [String: [Double]] = [:]
        for row in models.dropFirst() {
            let input = Double(row[1]) ?? 0
            let read = column(models[0], "cache_read_usd_per_mtok").flatMap { Double(row[$0]) } ?? input
            let write = column(models[0], "cache_write_usd_per_mtok").flatMap { Double(row[$0]) } ?? input
            price[row[0]] = [input, Double(row[2]) ?? 0, read, write]
        }
        var intent: [String: [Double]] = [:]
        for row in intents.dropFirst() {
            let share = column(intents[0], "prompt_cache_read_share").flatMap { Double(row[$0]) } ?? -1
            intent[row[0]] = [Double(row[1]) ?? 0, Double(row[2]) ?? 0, Double(row[3]) ?? 0, Double(row[4]) ?? 0, share]
        }
        let evalsFile = try FileManager.default.contentsOfDirectory(atPath: directory + "/evals").sorted()[0]
        let evals = try rows("evals/" + evalsFile)
        var groups: [String: [[String]]] = [:]
        for row in evals.dropFirst() { groups[row[0..<5].joined(separator: ","), default: []].append(row) }
        return groups.mapValues { samples in
            let n = Double(samples.count)
            let p = price[samples[0][1]] ?? [], i = intent[samples[0][0]] ?? []
            let quality = samples.map { Double($0[6]) ?? 0 }.reduce(0, +) / n
            let latencies = samples.map { Double($0[9]) ?? 0 }.sorted()
            let h = (n - 1) * 0.99, k = Int(h)
            let p99 = k + 1 < latencies.count ? latencies[k] + (h - Double(k)) * (latencies[k + 1] - latencies[k]) : latencies[k]
            var cost = 0.0
            for s in samples {
                let read = s.count > 10 ? Double(s[10]) ?? 0 : 0, write = s.count > 11 ? Double(s[11]) ?? 0 : 0
                let r = i[4] >= 0 ? i[4] * (read + write) : read
                cost += ((Double(s[7]) ?? 0) * p[0] + r * p[2] + (read + write - r) * p[3] + (Double(s[8]) ?? 0) * p[1]) / 1e6
            }
            let monthly = i[0] * 30 * (1 - i[1]) * cost / n
            let feasible: Double = quality >= i[2] && p99 <= i[3] ? 1 : 0
            return [n, quality, p99, monthly, feasible]
        }
    }

    @Test func theCSVOfTheDefaultDataIsTheContractsFigures() throws {
        let run = runTool(["cells", "--data", Self.golden, "--csv", "-"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == CellListing.columns)
        let expected = try Self.independent(directory: Self.golden)
        #expect(lines.count - 1 == expected.count)
        for row in lines.dropFirst() {
            // The generator writes temperatures as 0.1, 0.3, 0.7: the CSV's shortest round trip is the same text.
            let figures = try #require(expected[row[0..<5].joined(separator: ",")], "\(row[0..<5])")
            let close = { (a: String, b: Double) in abs((Double(a) ?? .nan) - b) <= 1e-9 * max(1, abs(b)) }
            #expect(Double(row[5]) == figures[0])
            #expect(close(row[6], figures[1]) && close(row[12], figures[2]) && close(row[13], figures[3]), "\(row)")
            #expect(row[14] == (figures[4] == 1 ? "true" : "false"))
        }
    }

    @Test func theTinyFixtureByHandAndTheFilters() throws {
        // chat big/150/t0.7/rag2 rests on one sample: no standard error (empty field, null in JSON).
        let run = runTool(["cells", "--data", Paths.tiny, "--csv", "-", "--intent", "chat"])
        #expect(run.out == """
            intent,model,max_tokens,temperature,rag_chunks,samples,quality,quality_standard_error,mean_input_tokens,mean_output_tokens,mean_cache_read_tokens,mean_cache_write_tokens,p99_latency_ms,monthly_cost_usd,feasible
            chat,big,150,0.7,2,1,0.9,,600,150,0,0,1000,60.75,true
            chat,small,150,0.7,2,2,0.76,0.020000000000001673,600,100,0,0,598,4.125,true

            """)
        let json = runTool(["cells", "--data", Paths.tiny, "--json", "--model", "big"])
        let rows = try JSONParser.parse(Array(json.out.utf8), file: "cells.json").array ?? []
        #expect(rows.count == 2 && rows[1]["quality_standard_error"] == .null)
        let unknown = runTool(["cells", "--data", Paths.tiny, "--intent", "nope"])
        #expect(unknown.status == 64 && unknown.err == "paretoroute: --intent: 'nope' is not in the data; expected one of faq, chat\n")
    }
}
