import Foundation
import Testing
@testable import ParetoRoute

/// The parallel evals reader against the sequential one (the reader as it was): every table, every
/// fingerprint, every warning and every error message must be the same, whatever the cut.
@Suite struct ParallelLoaderTests {
    /// Cuts small enough that a fixture of a few rows is read in several windows and pieces.
    static let tinyCuts = [
        LoadParallelism(isParallel: true, windowBytes: 64, pieceBytes: 1),
        LoadParallelism(isParallel: true, windowBytes: 200, pieceBytes: 37),
        LoadParallelism(isParallel: true, windowBytes: 4096, pieceBytes: 100),
    ]

    /// What a load gives, as text, so a difference shows where it is.
    static func outcome(_ directory: String, samples: Bool = false, ids: Bool = false, later: String? = nil,
                        _ parallelism: LoadParallelism) -> String {
        do {
            let table = try GoldenDataLoader.load(directory: directory, keepingSamples: samples, keepingSampleIDs: ids,
                                                  laterEvalsFile: later, parallelism: parallelism)
            let listing = try CellListing(table: table)
            return ["fingerprint \(table.fingerprint)", "files \(table.files)", "rows \(table.rowCount)",
                    "warnings \(table.warnings)", "shrunk \(table.shrunkCells)", "cells \(table.cells)",
                    "samples \(table.samples.map { "\($0)" } ?? "none")", listing.csv].joined(separator: "\n")
        } catch {
            return "error \(type(of: error)): \(error)"
        }
    }

    static func dataDirectories(under root: String) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.subpathsOfDirectory(atPath: root) else { return [] }
        var directories = Set<String>()
        for name in names where name.hasSuffix("models.csv") || name.hasSuffix("evals.csv") || name.hasSuffix("intents.csv") {
            directories.insert(root + "/" + (name as NSString).deletingLastPathComponent)
        }
        return directories.sorted()
    }

    @Test func everyFixtureReadsTheSameInPiecesBadOnesIncluded() throws {
        let directories = Self.dataDirectories(under: FixturePaths.testsDirectory.appendingPathComponent("Fixtures").path)
        #expect(directories.count >= 30)
        var errors = 0
        for directory in directories {
            for (samples, ids) in [(false, false), (true, true)] {
                let reference = Self.outcome(directory, samples: samples, ids: ids, .sequential)
                if reference.hasPrefix("error") { errors += 1 }
                for cut in Self.tinyCuts + [.standard] {
                    #expect(Self.outcome(directory, samples: samples, ids: ids, cut) == reference, "\(directory) \(cut)")
                }
            }
        }
        // The bad fixtures are there and fail: their messages were compared above.
        #expect(errors >= 2 * 28)
    }

    @Test func theDefaultDataReadsTheSameOnEveryCore() throws {
        let reference = Self.outcome(FixturePaths.goldenData, samples: true, .sequential)
        #expect(!reference.hasPrefix("error"))
        #expect(Self.outcome(FixturePaths.goldenData, samples: true, .standard) == reference)
        #expect(Self.outcome(FixturePaths.goldenData, samples: true,
                             LoadParallelism(isParallel: true, windowBytes: 1 << 20, pieceBytes: 4096)) == reference)
    }
}

/// Hand-made evals files: quoted line breaks (one thread), and defects placed around the cuts.
@Suite struct ParallelLoaderEdgeTests {
    static let models = "model,input_usd_per_mtok,output_usd_per_mtok\nbig,3,15\nsmall,0.25,1.25\n"
    static let intents = "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms\nfaq,1000,0.1,0.5,3000\nhelp,500,0,0.6,4000\n"
    static let header = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms"

    /// 2 intents × 2 models × 2 temperatures, `samples` rows each, interleaved every `stride` rows
    /// so cells span pieces; qualities with many digits so the order of the sums shows.
    static func rows(samples: Int = 40) -> [String] {
        var rows: [String] = []
        for s in 0..<samples {
            for intent in ["faq", "help"] {
                for model in ["big", "small"] {
                    for temperature in ["0", "0.7"] {
                        let quality = Double((s * 7919 + intent.count * 31 + model.count * 17) % 1000) / 999.0 + 1e-9
                        rows.append("\(intent),\(model),300,\(temperature),2,s\(s),\(min(1, quality)),\(400 + s),\(100 + s % 50),\(800 + (s * 37) % 500).25")
                    }
                }
            }
        }
        return rows
    }

    static func write(_ evals: String, name: String = "evals.csv") throws -> String {
        let directory = NSTemporaryDirectory() + "paretoroute-parallel-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try models.write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try intents.write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        try evals.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        return directory
    }

    func expectSame(_ evals: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let directory = try Self.write(evals)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reference = ParallelLoaderTests.outcome(directory, samples: true, ids: true, .sequential)
        for cut in ParallelLoaderTests.tinyCuts + [.standard] {
            #expect(ParallelLoaderTests.outcome(directory, samples: true, ids: true, cut) == reference, "\(cut)", sourceLocation: sourceLocation)
        }
        return reference
    }

    /// Reads `evals` with the parallel reader directly: `nil` means it left the file to one thread.
    func parallelRead(_ evals: String, cut: LoadParallelism) throws -> EvalsReader.FileCells? {
        let directory = try Self.write(evals)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try GoldenDataLoader.load(directory: directory, parallelism: .sequential)
        let reader = EvalsReader(models: table.models, intents: table.intents)
        return reader.readInParallel(path: directory + "/evals.csv", displayName: "evals.csv", hasher: FNV1a64(), parallelism: cut)?.0
    }

    @Test func aPlainFileIsCutAndAQuotedLineBreakFallsBackToOneThread() throws {
        let plain = ([Self.header] + Self.rows()).joined(separator: "\n") + "\n"
        let cut = LoadParallelism(isParallel: true, windowBytes: 300, pieceBytes: 50)
        let read = try #require(try parallelRead(plain, cut: cut))
        #expect(read.rows == 320)
        #expect(read.keys.count == 8)
        #expect(read.accumulators.map(\.count) == Array(repeating: 40, count: 8))
        _ = try expectSame(plain)

        var rows = Self.rows()
        rows[5] = rows[5].replacingOccurrences(of: ",s0,", with: ",\"s0\nsecond line, with a comma\",")
        let quoted = ([Self.header] + rows).joined(separator: "\n") + "\n"
        #expect(try parallelRead(quoted, cut: cut) == nil)
        let reference = try expectSame(quoted)
        #expect(reference.contains("rows 320"))
        // The quoted id is one sample, so the table is the plain one with one id changed.
        #expect(reference.contains("s0\\nsecond line, with a comma"))
    }

    @Test func lineEndsBlankLinesAByteOrderMarkAndNoFinalLineFeed() throws {
        let rows = Self.rows(samples: 12)
        _ = try expectSame(([Self.header] + rows).joined(separator: "\r\n") + "\r\n")
        _ = try expectSame(([Self.header] + rows).joined(separator: "\r"))
        _ = try expectSame("\u{FEFF}" + ([Self.header] + rows).joined(separator: "\n"))
        var blank = [Self.header] + rows
        blank.insert("", at: 7)
        blank.insert("\r", at: 20)
        let reference = try expectSame(blank.joined(separator: "\n") + "\n\n\n")
        #expect(reference.contains("rows 96"))
    }

    @Test func theFirstDefectInFileOrderIsNamedWhateverTheCut() throws {
        let rows = Self.rows()
        func with(_ edits: [Int: String]) -> String {
            var copy = rows
            for (index, row) in edits { copy[index] = row }
            return ([Self.header] + copy).joined(separator: "\n") + "\n"
        }
        let defects: [(String, [Int: String], String)] = [
            ("bad number late, ragged row earlier", [250: "faq,big,300,0,2,s99,0.5,400,100,12e", 120: "faq,big,300,0,2"], "evals.csv:122:"),
            ("nan quality", [200: "help,small,300,0.7,2,s77,nan,400,100,900"], "evals.csv:202: column 'quality'"),
            ("hex latency", [3: "faq,big,300,0,2,sx,0.5,400,100,0x10"], "evals.csv:5: column 'latency_ms'"),
            ("unknown intent", [300: "other,big,300,0,2,s1,0.5,400,100,900"], "evals.csv:302: column 'intent'"),
            ("output above max", [17: "faq,big,300,0,2,s999,0.5,400,301,900"], "evals.csv:19: column 'output_tokens'"),
            // s0 of faq/big/t0 is row 1; its twin far away, in another piece and window.
            ("duplicate across pieces", [310: "faq,big,300,0,2,s0,0.5,400,100,900"], "evals.csv:312: column 'sample_id'"),
            ("stray quote after the cut", [280: "faq,big,300,0,2,s\"1,0.5,400,100,900"], "evals.csv:282:"),
            ("token overflow", [8: "faq,big,300,0,2,sbig,0.5,9223372036854775807,100,900"], "evals.csv:"),
        ]
        for (name, edits, expected) in defects {
            let reference = try expectSame(with(edits))
            #expect(reference.hasPrefix("error DataError: " + expected), "\(name): \(reference)")
        }
    }

    @Test func aLaterFileSupersedesInPiecesAsItDoesOnOneThread() throws {
        let rows = Self.rows(samples: 30)
        let directory = NSTemporaryDirectory() + "paretoroute-parallel-runs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/evals", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.models.write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try Self.intents.write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        try (([Self.header] + rows).joined(separator: "\n") + "\n").write(toFile: directory + "/evals/0001.csv", atomically: true, encoding: .utf8)
        // The second run re-evaluates faq/big with 3 samples: a shrunk cell, warned about.
        let later = rows.filter { $0.hasPrefix("faq,big,") }.prefix(6)
        try (([Self.header] + later).joined(separator: "\n") + "\n").write(toFile: directory + "/evals/0002.csv", atomically: true, encoding: .utf8)
        let reference = ParallelLoaderTests.outcome(directory, samples: true, .sequential)
        #expect(reference.contains("rows 246"))
        #expect(reference.contains("ShrunkCell"))
        for cut in ParallelLoaderTests.tinyCuts + [.standard] {
            #expect(ParallelLoaderTests.outcome(directory, samples: true, cut) == reference)
        }
    }
}
