import Foundation
import Testing
@testable import ParetoRoute
@testable import ParetoRouteCLI

/// Values that are well-formed but extreme, flags that do not fit the data, and text that
/// would break the one-line error rule: each meets an error (or a sane print), never a trap.
@Suite struct HostileValueTests {
    /// A copy of the tiny fixture with one file replaced.
    static func tinyCopy(replacing name: String, with text: String) throws -> String {
        let directory = try Paths.temporaryDirectory()
        let manager = FileManager.default
        for item in ["models.csv", "intents.csv", "evals"] {
            try manager.copyItem(atPath: Paths.tiny + "/" + item, toPath: directory + "/" + item)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        return directory
    }

    /// Found by the argument fuzzer: a usage error quoting a typed line break printed two lines.
    @Test func aUsageErrorQuotingALineBreakStaysOneLine() {
        for arguments in [["-x\ny"], ["optimize", "--seed", "1\n2"], ["exact", "--no\rpe"]] {
            let run = runTool(arguments)
            #expect(run.status == 64)
            #expect(run.err.hasPrefix("paretoroute: ") && run.err.hasSuffix("\n"))
            #expect(run.err.filter { $0 == "\n" || $0 == "\r" }.count == 1)
        }
        #expect(runTool(["-x\ny"]).err == "paretoroute: unknown command '-x\\ny'; run 'paretoroute --help'\n")
    }

    @Test func hugeFiguresPrintInsteadOfTrapping() {
        // Money reads the same way at every magnitude: whole dollars, grouped.
        #expect(formatUSD(1e19) == "$10,000,000,000,000,000,000")
        #expect(formatUSD(-2.5e16) == "-$25,000,000,000,000,000")
        #expect(formatUSD(6826237625627000) == "$6,826,237,625,627,000")
        #expect(formatUSD(2.5060670769377e16) == "$25,060,670,769,377,000")
        #expect(formatUSD(974_074_500_000_000) == "$974,074,500,000,000")
        #expect(formatUSD(1.5e300).count == 1 + 301 + 100)
        #expect(formatUSD(123_456.4) == "$123,456")
        #expect(formatFixed(1e19, decimals: 0) == "1e+19")
        #expect(formatFixed(1e15, decimals: 4) == "1000000000000000.0")
        #expect(formatFixed(12.34567, decimals: 2) == "12.35")
    }

    @Test func aHugeP99CapStillValidates() throws {
        let intents = """
            intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight
            faq,1000,0.5,0.8,1e19,
            chat,500,0,0.7,3000,

            """
        let directory = try Self.tinyCopy(replacing: "intents.csv", with: intents)
        #expect(runTool(["validate", "--data", directory]).status == 0)
        let result = runTool(["evaluate", Paths.fixture("configs/tiny-production.json"), "--data", directory])
        #expect(result.status == 0)
        #expect(result.out.contains("1e+19"))
    }

    @Test func tokenTotalsThatOverflowAreBadData() throws {
        let evals = """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms
            faq,big,250,0.1,0,q1,0.9,5000000000000000000,200,100
            faq,big,250,0.1,0,q2,0.9,5000000000000000000,200,100
            chat,small,150,0.7,2,c1,0.8,600,100,400

            """
        let directory = try Self.tinyCopy(replacing: "evals/a.csv", with: evals)
        try FileManager.default.removeItem(atPath: directory + "/evals/b.csv")
        let result = runTool(["validate", "--data", directory])
        #expect(result.status == 65)
        #expect(result.err.contains("evals/a.csv:3: column 'input_tokens': the cell's token total overflows 64 bits"))
    }

    @Test func aCostThatOverflowsIsBadDataOnTheIntentsLine() throws {
        let intents = """
            intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight
            faq,1e307,0.5,0.8,2000,1
            chat,500,0,0.7,3000,1

            """
        let result = runTool(["validate", "--data", try Self.tinyCopy(replacing: "intents.csv", with: intents)])
        #expect(result.status == 65)
        #expect(result.err.hasPrefix("paretoroute: intents.csv:2: column 'daily_volume': the monthly cost of faq"))
    }

    @Test func intentErrorsNameTheRealLineAfterBlankLines() throws {
        let intents = "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight\n\n\nfaq,1000,0.5,0.8,2000,\nchat,500,0,0.99,3000,\n"
        let result = runTool(["validate", "--data", try Self.tinyCopy(replacing: "intents.csv", with: intents)])
        #expect(result.status == 65)
        #expect(result.err.contains("intents.csv:5: column 'min_quality': intent 'chat' has no feasible cell"))
    }

    @Test func messagesStayOneLineWhateverTheInputHolds() {
        let error = DataError(file: "evals/a.csv", line: 7, field: "sample_id", "'a\nb\u{7}' is odd")
        #expect(error.description == "evals/a.csv:7: column 'sample_id': 'a\\nb\\u{7}' is odd")
        let long = DataError(file: "x.csv", String(repeating: "y", count: 5_000) + "; expected z")
        #expect(long.description.count < 700)
        #expect(long.description.hasSuffix("; expected z"))
        #expect(!long.description.contains("\n"))
    }

    @Test func flagsThatDoNotFitTheDataAreUsageErrors() {
        let pin = runTool(["exact", "--data", Paths.tiny, "--pin", "faq", "--quiet"])
        #expect(pin.status == 64)
        #expect(pin.err.contains("--pin: pinning an intent needs a baseline"))
        let model = runTool(["exact", "--data", Paths.tiny, "--exclude-model", "gpt-9", "--quiet"])
        #expect(model.status == 64)
        #expect(model.err.contains("--exclude-model: 'gpt-9' names no model of models.csv; expected one of big, small, tuned"))
        let restricted = runTool(["exact", "--data", Paths.tiny, "--models", "faq=big,nope", "--quiet"])
        #expect(restricted.status == 64)
        #expect(restricted.err.contains("--models: 'nope' names no model"))
        let price = runTool(["exact", "--data", Paths.tiny, "--price", "nope=1/2", "--quiet"])
        #expect(price.status == 64)
        #expect(runTool(["optimize", "--data", Paths.tiny, "--population", "5000000000"]).status == 64)
        #expect(runTool(["optimize", "--data", Paths.tiny, "--generations", "+5"]).status == 64)
        #expect(runTool(["validate", "--data", Paths.tiny, "--confidence", "1"]).status == 64)
    }

    @Test func aHugeChangeBudgetMeansAnyNumberOfChanges() throws {
        let unlimited = runTool(["exact", "--data", Paths.tiny, "--quiet", "--points", "all"])
        let huge = runTool(["exact", "--data", Paths.tiny, "--quiet", "--points", "all",
                            "--baseline", Paths.fixture("configs/tiny-production.json"), "--max-changes", "999999999"])
        #expect(huge.status == 0)
        #expect(unlimited.status == 0)
        // Both intents may change, so the exact front is the unscoped one.
        #expect(huge.out.components(separatedBy: "\n").first == unlimited.out.components(separatedBy: "\n").first)
    }

    @Test func jsonEscapesFollowRFC8259() throws {
        #expect(try JSONParser.parse(Array(#""\uD83D\uDE00""#.utf8), file: "t.json") == .string("😀"))
        #expect(try JSONParser.parse(Array(#""\u00e9""#.utf8), file: "t.json") == .string("é"))
        #expect(throws: DataError.self) { try JSONParser.parse(Array(#""\u+041""#.utf8), file: "t.json") }
        #expect(throws: DataError.self) { try JSONParser.parse(Array(#""\uD83D""#.utf8), file: "t.json") }
    }

    @Test func feesThatAddUpBeyondADoubleAreBadData() throws {
        let models = "model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd\nbig,3,15,1e308\nsmall,0.25,1.25,1e308\ntuned,0.25,1.25,1e308\n"
        let result = runTool(["validate", "--data", try Self.tinyCopy(replacing: "models.csv", with: models)])
        #expect(result.status == 65)
        #expect(result.err.contains("models.csv: column 'monthly_fixed_usd': the dearest configuration's monthly cost (cells plus fees) overflows a Double"))
    }
}

/// An intent left without a feasible cell by the models ruled out is the request's fault.
@Suite struct RuledOutModelTests {
    @Test func excludingTheModelsWithFeasibleCellsIsAUsageErrorNamingTheFlags() {
        // faq's feasible cells are big and tuned; small reaches only 0.75 against the 0.80 floor.
        let run = runTool(["exact", "--data", Paths.tiny, "--exclude-model", "big", "--exclude-model", "tuned", "--quiet"])
        #expect(run.status == 64)
        #expect(run.err == "paretoroute: --exclude-model: intent 'faq' has no feasible cell once these models are ruled out: best quality 0.7500 (floor 0.8000), lowest P99 100 ms (cap 2000 ms) among the models still allowed; expected to allow a model with a feasible cell for it\n")
        let restricted = runTool(["exact", "--data", Paths.tiny, "--models", "faq=small", "--quiet"])
        #expect(restricted.status == 64)
        #expect(restricted.err.hasPrefix("paretoroute: --models: intent 'faq' has no feasible cell once these models are ruled out"))
    }
}
