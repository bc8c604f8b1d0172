// libFuzzer targets for the CSV reader and the data loader.
//
// Built alone, never by a plain `swift build` of the tool (see .ci/fuzz):
//   swift build --product paretoroute-fuzz -c debug --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPARETOROUTE_FUZZ
// Without the PARETOROUTE_FUZZ condition this file only explains itself.
#if PARETOROUTE_FUZZ
import Foundation
import ParetoRoute

/// Which target the process fuzzes: `csv` (default) or `loader`, from PARETOROUTE_FUZZ_TARGET.
let target = ProcessInfo.processInfo.environment["PARETOROUTE_FUZZ_TARGET"] ?? "csv"
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("paretoroute-fuzz-\(getpid())").path

/// Feeds arbitrary bytes to the CSV parser, in two chunkings; only `DataError` may come out.
func fuzzCSV(_ bytes: [UInt8]) {
    var fields = 0
    do {
        try CSVFile.forEachRecord(bytes: bytes, displayName: "fuzz.csv") { record in
            for i in 0..<record.count { fields += record[i].count }
        }
    } catch is DataError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    // Byte-at-a-time feeding must agree with one-shot feeding.
    var parser = CSVParser(file: "fuzz.csv")
    var chunked = 0
    var failed = false
    for byte in bytes where !failed {
        do {
            try [byte].withUnsafeBufferPointer { try parser.feed($0, isFinal: false) { r in for i in 0..<r.count { chunked += r[i].count } } }
        } catch { failed = true }
    }
    if !failed {
        do {
            try parser.feed(UnsafeBufferPointer(start: nil, count: 0), isFinal: true) { r in for i in 0..<r.count { chunked += r[i].count } }
        } catch { failed = true }
    }
    if !failed && chunked != fields {
        var whole = 0
        if (try? CSVFile.forEachRecord(bytes: bytes, displayName: "fuzz.csv") { r in for i in 0..<r.count { whole += r[i].count } }) != nil {
            precondition(chunked == whole, "chunked parse disagrees with one-shot parse")
        }
    }
}

/// Splits the input at 0xFF bytes into models.csv, intents.csv and evals.csv, and loads it.
func fuzzLoader(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0xFF, maxSplits: 2, omittingEmptySubsequences: false)
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let names = ["models.csv", "intents.csv", "evals.csv"]
    for (index, name) in names.enumerated() {
        let content = index < parts.count ? Data(parts[index]) : Data()
        _ = FileManager.default.createFile(atPath: scratch + "/" + name, contents: content)
    }
    do {
        let table = try GoldenDataLoader.load(directory: scratch)
        if let space = try? SearchSpace(table: table) {
            // Keep the fold small: the fuzzer looks for crashes, not fronts.
            if space.candidates.count <= 4 { _ = ExactSolver.solve(space) }
        }
    } catch is DataError {
    } catch is DataErrors {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

/// The entry libFuzzer's driver links against; the run below passes the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if target == "loader" { fuzzLoader(bytes) } else { fuzzCSV(bytes) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
exit(status)
#else
print("paretoroute-fuzz: build with -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPARETOROUTE_FUZZ (see .ci/fuzz)")
#endif
