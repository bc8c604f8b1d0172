import Foundation
import Testing
@testable import ParetoRoute

/// The request log reader's fast scan against the strict JSON parser it stands in for.
@Suite("Request logs: the fast scan reads every line as the strict parser does")
struct UsageLineScannerTests {
    static let plain = #"{"timestamp":"2025-03-15T14:23:01Z","request_id":"req-abc123","session_id":"sess-xyz789","intent":"recommendation","model_id":"anthropic.claude-3-5-sonnet-20241022-v2:0","input_tokens":1247,"output_tokens":412,"cache_hit":false,"latency_ms":2340,"input_cost_usd":0.003741,"output_cost_usd":0.006180,"total_cost_usd":0.009921,"region":"us-east-1","hour_of_day":14}"#

    /// Lines the scan reads itself (no fallback): the same record or problem as the strict parser.
    static let scanned: [String] = [
        plain,
        #"{"model_id":"sonnet","output_tokens":7,"intent":"faq","input_tokens":3,"timestamp":"2025-03-02T10:00:03Z"}"#,
        "  { \"timestamp\" : \"2025-03-02T10:00:05Z\" , \"intent\" : \"faq\" ,\t\"model_id\":\"sonnet\" , \"input_tokens\" : 1e3 }  \r",
        #"{"timestamp":"2025-03-02T10:00:06Z","intent":"faq","model_id":"sonnet","input_tokens":-0,"output_tokens":-0.0}"#,
        #"{"timestamp":"2025-03-02T10:00:07Z","intent":"faq","model_id":"sonnet","input_tokens":123456789012345678901234567890}"#,
        #"{"timestamp":"2025-03-02T10:00:08Z","intent":"faq","model_id":"sonnet","total_cost_usd":0.1000000000000000055511151231257827}"#,
        #"{"timestamp":"2025-03-02T10:00:08Z","intent":"faq","model_id":"sonnet","total_cost_usd":1.7976931348623157e308}"#,
        #"{"timestamp":"2025-03-02T10:00:08Z","intent":"faq","model_id":"sonnet","total_cost_usd":4.9e-324,"latency_ms":007}"#,
        #"{"timestamp":"2025-03-02T10:00:08Z","intent":"faq","model_id":"sonnet","total_cost_usd":1E-2,"input_cost_usd":1e+2}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","input_tokens":-1}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","input_tokens":"5"}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","cache_hit":"yes"}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","cache_hit":null,"latency_ms":null,"total_cost_usd":null}"#,
        #"{"timestamp":"2025-03-02T10:00:11Z","intent":"faq","cache_hit":true}"#,
        #"{"timestamp":"2025-03-02T10:00:11Z","intent":"faq"}"#,
        #"{"timestamp":"2025-03-02T10:00:11Z","intent":"","model_id":"sonnet"}"#,
        #"{"intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-02-30T10:00:11Z","intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02 10:00:12.250+02:00","intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":1740909612.5,"intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":1e300,"intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":true,"intent":"faq","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02T10:00:16Z","request_id":null,"intent":null,"model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02T10:00:16Z","intent":"faq","model_id":"sonnet","cache_hit":true   }"#,
        #"{"input_tokens":-1,"timestamp":"nope","intent":"faq"}"#,
        "{}",
    ]

    /// Lines the scan leaves to the strict parser (escapes, non-ASCII, nesting, duplicate keys,
    /// numbers the decimal parser rejects, broken syntax): the outcome is the strict parser's.
    static let fallBack: [String] = [
        #"{"timestamp":"2025-03-02T10:00:01Z","intent":"f\u0061q","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02T10:00:02Z","intent":"café","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02T10:00:04Z","intent":"faq","intent":"recommendation","model_id":"sonnet"}"#,
        #"{"timestamp":"2025-03-02T10:00:04Z","intent":"faq","model_id":"sonnet","region":"a","region":"b"}"#,
        #"{"timestamp":"2025-03-02T10:00:04Z","intent":"faq","model_id":"sonnet","input_tokens":1,"input_tokens":2}"#,
        #"{"timestamp":"2025-03-02T10:00:07Z","intent":"faq","model_id":"sonnet","input_tokens":1e309}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","input_tokens":nan}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","input_tokens":Infinity}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","input_tokens":0x10}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","input_tokens":+5}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","input_tokens":.5}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","hour_of_day":1e}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","hour_of_day":-}"#,
        #"{"timestamp":"2025-03-02T10:00:09Z","intent":"faq","model_id":"sonnet","hour_of_day":truex}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","input_tokens":-1,}"#,
        #"{"timestamp":"2025-03-02T10:00:10Z","intent":"faq","model_id":"sonnet","input_tokens":-1"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":42,"model_id":1.5e0}"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet","extra":{"a":[1,2,{"b":null}]}}"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet","region":"us\"east\\1\/\n"}"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet","region":"\ud83d\ude00"}"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet","region":"\ud83d"}"#,
        "{\"timestamp\":\"2025-03-02T10:00:13Z\",\"intent\":\"faq\",\"model_id\":\"sonnet\",\"region\":\"tab\there\"}",
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet"} {}"#,
        #"{"timestamp":"2025-03-02T10:00:13Z","intent":"faq","model_id":"sonnet"}}"#,
        "\u{FEFF}" + #"{"timestamp":"2025-03-02T10:00:17Z","intent":"faq","model_id":"sonnet"}"#,
        "[]", "42", "null", "not json", "{", #"{"a"}"#, #"{timestamp:"2025-03-02T10:00:14Z"}"#,
    ]

    /// Bytes that are not UTF-8 inside a string make the line malformed on both paths.
    static let invalidUTF8: [[UInt8]] = [
        Array(#"{"timestamp":"2025-03-02T10:00:17Z","intent":"fa"#.utf8) + [0xFF] + Array(#"q","model_id":"sonnet"}"#.utf8),
        Array(#"{"timestamp":"2025-03-02T10:00:17Z","intent":"faq","model_id":"sonnet","region":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
    ]

    /// The scan's answer, or nil when it leaves the line to the strict parser.
    static func scan(_ line: [UInt8]) -> Result<UsageRecord, UsageLineProblem>? {
        var scanner = UsageLineScanner()
        return line.withUnsafeBufferPointer { buffer in
            scanner.scan(buffer).map { UsageLineParser.record(of: $0, in: buffer) }
        }
    }

    @Test(arguments: scanned)
    func scannedLinesReadAsTheStrictParserReadsThem(_ line: String) throws {
        let bytes = Array(line.utf8)
        let fast = try #require(Self.scan(bytes), "the scan should read this line itself")
        #expect(fast == UsageLineParser.parseStrict(bytes))
    }

    @Test(arguments: fallBack)
    func otherLinesGoToTheStrictParser(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(Self.scan(bytes) == nil)
        #expect(UsageLineParser.parse(bytes) == UsageLineParser.parseStrict(bytes))
    }

    @Test func bytesThatAreNotUTF8AreMalformedOnBothPaths() {
        for bytes in Self.invalidUTF8 {
            #expect(Self.scan(bytes) == nil)
            #expect(UsageLineParser.parse(bytes) == .failure(UsageLineProblem(field: nil, "not JSON; expected one JSON object per line")))
        }
    }

    /// Specific answers, so that both paths cannot agree on a wrong one.
    @Test func fieldRulesGiveTheseAnswers() throws {
        let reordered = try UsageLineParser.parse(Array(Self.scanned[1].utf8)).get()
        #expect(reordered.intent == "faq" && reordered.modelID == "sonnet")
        #expect(reordered.tokens == TokenCounts(input: 3, output: 7))
        #expect(reordered.time == 1_740_909_603)
        let spaced = try UsageLineParser.parse(Array(Self.scanned[2].utf8)).get()
        #expect(spaced.tokens.input == 1000)
        let zero = try UsageLineParser.parse(Array(Self.scanned[3].utf8)).get()
        #expect(zero.tokens.input == 0 && zero.tokens.input.sign == .minus)
        let plain = try UsageLineParser.parse(Array(Self.plain.utf8)).get()
        #expect(plain.requestID == "req-abc123" && plain.latencyMs == 2340 && plain.outputCostUSD == 0.00618)
        #expect(UsageLineParser.parse(Array(Self.scanned[9].utf8)) == .failure(UsageLineProblem(field: "input_tokens", "expected a number >= 0, got -1")))
        // A syntax error after a field error: "not JSON" on both paths, whichever field came first.
        #expect(UsageLineParser.parse(Array(Self.fallBack[14].utf8)) == .failure(UsageLineProblem(field: nil, "not JSON; expected one JSON object per line")))
        #expect(UsageLineParser.parse(Array(Self.scanned[24].utf8)) == .failure(UsageLineProblem(field: "input_tokens", "expected a number >= 0, got -1")))
        #expect(UsageLineParser.parse(Array(Self.scanned[20].utf8)).failureField == "timestamp")
        #expect(UsageLineParser.parse(Array(Self.fallBack[2].utf8)) == .failure(UsageLineProblem(field: nil, "not JSON; expected one JSON object per line")))
    }

    /// Numbers read during the scan are the decimal parser's doubles, bit for bit.
    @Test(arguments: ["0", "7", "0.5", "0.006303", "0.1", "12.5", "2.50", "1e-05", "1e3", "-0", "-0.0", "0.30494999999999994",
                      "0.0061649999999999995", "123456789012345", "1234567890123456", "999999999999999", "9007199254740993",
                      "123456.789012345", "1234567.8901234567", "0.000000000000001", "4.9e-324", "2.2250738585072011e-308",
                      "1.7976931348623157e308", "100000000000000000000000", "007", "1.5E+3"])
    func numbersAreTheDecimalParsers(_ text: String) throws {
        let line = #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"m","total_cost_usd":"# + text + "}"
        let expected = try DecimalNumber.parseDouble(Array(text.utf8)).get()
        let fast = UsageLineParser.parse(Array(line.utf8))
        let strict = UsageLineParser.parseStrict(Array(line.utf8))
        if expected >= 0 {
            #expect(try fast.get().totalCostUSD?.bitPattern == expected.bitPattern)
        }
        #expect(fast == strict)
    }

    /// Thousands of damaged lines (bytes dropped, doubled, replaced): the two paths always agree.
    @Test func damagedLinesAgree() {
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        let alphabet = Array(#"{}[]":,.-+eE0123456789 \tnull truefalse\u"#.utf8) + [0xC3, 0xA9, 0xFF, 0]
        let bases = [Self.plain, Self.scanned[1], Self.scanned[2], Self.scanned[12]].map { Array($0.utf8) }
        var disagreements: [String] = []
        var scannedCount = 0
        for _ in 0..<6000 {
            var line = bases[next(bases.count)]
            for _ in 0..<(1 + next(3)) {
                let at = next(line.count)
                switch next(3) {
                case 0: line.remove(at: at)
                case 1: line.insert(line[at], at: at)
                default: line[at] = alphabet[next(alphabet.count)]
                }
            }
            if Self.scan(line) != nil { scannedCount += 1 }
            if UsageLineParser.parse(line) != UsageLineParser.parseStrict(line) {
                disagreements.append(String(decoding: line, as: UTF8.self))
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        // Most damaged lines are still read by the scan (a value or an unknown field changed).
        #expect(scannedCount > 1000)
    }

    /// The reader's byte-interned sums equal those of the records, line by line, on a log
    /// mixing the generator's lines with every tricky line above (and names the data lacks).
    @Test func readerSumsEqualRecordSums() throws {
        let table = try #require(UsageFixture.table)
        let production = try #require(UsageFixture.production)
        var text = ""
        try UsageLogGenerator(table: table, configuration: production, days: 2, scale: 0.01, seed: 5, plantAnomalies: true).write { text += $0 }
        var lines = text.split(separator: "\n").map { Array($0.utf8) }
        let extra = (Self.scanned + Self.fallBack).map { Array($0.utf8) } + Self.invalidUTF8
            + [Array(#"{"timestamp":"2025-03-01T10:00:00Z","intent":"mystery","model_id":"anthropic.unknown","input_tokens":20000}"#.utf8), []]
        for (k, line) in extra.enumerated() { lines.insert(line, at: min(lines.count, 37 * k + 5)) }
        let bytes = Array(lines.joined(separator: [10]))
        let catalog = UsageCatalog(table: table)
        var read = UsageLedger(catalog: catalog)
        try UsageReader.read(bytes: bytes, file: "mixed.jsonl", into: &read)
        var added = UsageLedger(catalog: catalog)
        for (k, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                added.addBlank()
                continue
            }
            switch UsageLineParser.parseStrict(line) {
            case .success(let record): added.add(record, file: "mixed.jsonl", line: k + 1)
            case .failure(let problem): added.addMalformed(file: "mixed.jsonl", line: k + 1, problem: problem)
            }
        }
        // The strict parser finds 37 of the inserted lines malformed; the generated lines are all requests.
        #expect(read.malformedLines == 37 && read.malformedLines == added.malformedLines)
        let readJSON = UsageJSON.document(UsageSummary(ledger: read, dailyCapUSD: 20)).serialized()
        let addedJSON = UsageJSON.document(UsageSummary(ledger: added, dailyCapUSD: 20)).serialized()
        #expect(readJSON == addedJSON)
    }

    /// A numeric timestamp past the years 1-9999 is malformed (it has no integer second).
    @Test func hugeNumericTimestampsAreMalformed() {
        #expect(UsageLineParser.parse(Array(#"{"timestamp":1e300,"intent":"faq","model_id":"m"}"#.utf8))
            == .failure(UsageLineProblem(field: "timestamp", "expected seconds since 1970 within the years 1 to 9999")))
        #expect(UsageLineParser.parseStrict(Array(#"{"timestamp":-1e12,"intent":"faq","model_id":"m"}"#.utf8)).failureField == "timestamp")
        #expect((try? UsageLineParser.parse(Array(#"{"timestamp":253402300799,"intent":"faq","model_id":"m"}"#.utf8)).get()) != nil)
    }

    /// Costs whose sums overflow to infinity are shown, not a crash.
    @Test func infiniteSumsRender() throws {
        let line = #"{"timestamp":"2025-03-01T10:00:00Z","intent":"faq","model_id":"sonnet","total_cost_usd":1.7e308}"#
        let text = Array([line, line, line].joined(separator: "\n").utf8)
        let table = try #require(UsageFixture.table)
        var ledger = UsageLedger(catalog: UsageCatalog(table: table))
        try UsageReader.read(bytes: text, file: "inf.jsonl", into: &ledger)
        let rendered = UsageText.render(UsageSummary(ledger: ledger, dailyCapUSD: nil), width: 80)
        #expect(rendered.contains("2025-03-01"))
    }
}

private extension Result where Failure == UsageLineProblem {
    var failureField: String? {
        if case .failure(let problem) = self { return problem.field }
        return nil
    }
}
