// libFuzzer targets for everything that reads input: the CSV reader, the data loader, the
// JSON reader (configuration and front files), the command line and the request-log reader.
//
// Built alone, never by a plain `swift build` of the tool (see .ci/fuzz):
//   swift build --product paretoroute-fuzz -c debug --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPARETOROUTE_FUZZ
// Without the PARETOROUTE_FUZZ condition this file only explains itself.
#if PARETOROUTE_FUZZ
import Foundation
import ParetoRoute
@testable import ParetoRouteCLI

/// Which target the process fuzzes, from PARETOROUTE_FUZZ_TARGET: `csv` (default), `loader`,
/// `json`, `arguments` or `usage` (request logs).
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

/// Parses arbitrary bytes as JSON, then as a configuration and as a front file (either format).
/// Only `DataError` may come out; a document that parses must survive a write-and-read round
/// trip unchanged, and a front that loads must reload from its own JSON with the same points.
func fuzzJSON(_ bytes: [UInt8]) {
    do {
        // Formats 2 and 1; the reader walks the bytes itself (points without a JSON tree).
        let front = try Front(bytes: bytes, file: "fuzz.json")
        let again = try Front(bytes: Array(front.jsonText.utf8), file: "again.json")
        precondition(again.points.count == front.points.count, "a front lost points in a round trip")
        precondition(again.jsonText == front.jsonText, "a front changed in a write-and-read round trip")
    } catch is DataError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    let value: JSONValue
    do {
        value = try JSONParser.parse(bytes, file: "fuzz.json")
    } catch is DataError {
        return
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    for text in [value.serialized(), value.compact()] {
        guard let again = try? JSONParser.parse(Array(text.utf8), file: "again.json") else {
            fatalError("a parsed document does not parse again once written: \(text.prefix(200))")
        }
        precondition(again == value, "a parsed document changed in a write-and-read round trip")
    }
    do {
        let configuration = try Configuration(json: value, file: "fuzz.json")
        let again = try Configuration(json: configuration.json, file: "again.json")
        precondition(again == configuration, "a configuration changed in a round trip")
    } catch is DataError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

/// Reads arbitrary bytes as request logs (and, when they do not start with `{`, as hourly
/// aggregates): nothing may crash, every line is counted once (a request, a malformed line or
/// a blank line), and the summary, its JSON and its text must come out.
func fuzzUsage(_ bytes: [UInt8]) {
    let sonnet = Model(name: "sonnet", prices: PriceCard(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75), providerIDs: ["anthropic.x"])
    let catalog = UsageCatalog(models: [sonnet], intents: [Intent(name: "faq", dailyVolume: 1, responseCacheHitRate: 0, minQuality: 0, maxP99LatencyMs: 1)])
    var ledger = UsageLedger(catalog: catalog)
    do {
        try UsageReader.read(bytes: bytes, file: "fuzz.jsonl", into: &ledger)
    } catch {
        fatalError("the lenient reader threw: \(error)")
    }
    let summary = UsageSummary(ledger: ledger, dailyCapUSD: 1)
    var blank = 0
    for line in bytes.split(separator: 10, omittingEmptySubsequences: false).dropLast(bytes.last == 10 || bytes.isEmpty ? 1 : 0) {
        if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { blank += 1 }
    }
    precondition(summary.total.requests + summary.malformedLines + blank == summary.lines, "a line was not counted exactly once")
    _ = UsageJSON.document(summary).compact()
    _ = UsageText.render(summary, width: 80)
    var aggregate = UsageLedger(catalog: catalog)
    do {
        try UsageAggregateReader.read(bytes: bytes, file: "fuzz.csv", into: &aggregate, strict: false)
        _ = UsageSummary(ledger: aggregate, dailyCapUSD: 1)
    } catch is DataError {
    } catch {
        fatalError("unexpected error type: \(error)")
    }
}

/// Splits the input at 0 bytes into arguments and runs the whole tool on them, in-process,
/// in an empty scratch directory (so a data directory or file named by a relative path does
/// not exist and nothing is written). Argument vectors naming absolute paths or `..` are
/// skipped: they could reach real files or devices. The tool must answer with a documented
/// exit status, and an error is one line on stderr starting `paretoroute: `.
func fuzzArguments(_ bytes: [UInt8]) {
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    // Byte tests: "/" followed by a combining mark is one Character that `hasPrefix("/")` misses.
    func skipped(_ argument: String) -> Bool {
        let bytes = argument.utf8
        return bytes.first == UInt8(ascii: "/") || bytes.first == UInt8(ascii: "~")
            || bytes.firstRange(of: "=/".utf8) != nil || bytes.firstRange(of: "..".utf8) != nil
    }
    guard arguments.count <= 64, !arguments.contains(where: skipped) else { return }
    let console = Console(out: { _ in }, err: { text in errors.append(text) }, errIsTerminal: false)
    errors.reset()
    let status = CommandLineTool.run(arguments, console: console)
    precondition([0, 1, 3, 64, 65, 66, 73, 74].contains(status), "undocumented exit status \(status)")
    if status >= 64 {
        let err = errors.text
        // Bytes, not Characters: a name starting with a combining mark joins the space before it
        // into one Character, and `hasPrefix` would then miss the prefix that is there.
        let lines = Array(err.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let last = lines.count >= 2 ? lines[lines.count - 2] : []
        precondition(err.utf8.last == UInt8(ascii: "\n") && last.starts(with: "paretoroute: ".utf8), "an error is not one line starting 'paretoroute: ': \(err.suffix(300))")
    }
}

/// What the tool wrote to stderr for the current input.
final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    func append(_ text: String) { lock.withLock { value += text } }
    func reset() { lock.withLock { value = "" } }
    var text: String { lock.withLock { value } }
}
let errors = ErrorText()

/// The entry libFuzzer's driver links against; the run below passes the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch target {
    case "loader": fuzzLoader(bytes)
    case "json": fuzzJSON(bytes)
    case "arguments": fuzzArguments(bytes)
    case "usage": fuzzUsage(bytes)
    default: fuzzCSV(bytes)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

if target == "arguments" {
    // Relative paths then name nothing: no data is loaded and no file is written.
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    guard FileManager.default.changeCurrentDirectoryPath(scratch) else { fatalError("cannot enter \(scratch)") }
}
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
exit(status)
#else
print("paretoroute-fuzz: build with -Xswiftc -sanitize=fuzzer,address -Xswiftc -DPARETOROUTE_FUZZ (see .ci/fuzz)")
#endif
