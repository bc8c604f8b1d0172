import Foundation
import Testing
@testable import ParetoRouteCLI

/// Every defect of the malformed corpus meets its documented exit status and a one-line
/// message naming file, line and field (Tests/Fixtures/bad/EXPECTATIONS.tsv).
@Suite struct MalformedInputTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var fixture: String
        var status: Int32
        var needles: [String]
        var testDescription: String { fixture }
    }

    static let expectations: [Expectation] = {
        let path = Paths.fixture("bad/EXPECTATIONS.tsv")
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t").map(String.init)
            guard parts.count == 3, let status = Int32(parts[1]) else { return nil }
            return Expectation(fixture: parts[0], status: status, needles: parts[2].split(separator: "|").map(String.init))
        }
    }()

    @Test func theCorpusHasAtLeastThirtyDefects() {
        #expect(Self.expectations.count >= 30)
    }

    @Test(arguments: expectations)
    func validateReportsTheDefect(_ expectation: Expectation) {
        let result = runTool(["validate", "--data", Paths.fixture("bad/" + expectation.fixture)])
        #expect(result.status == expectation.status)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(result.err)")
        for needle in expectation.needles {
            #expect(result.err.contains(needle), "\(needle) in \(result.err)")
        }
    }

    @Test func configurationDefectsNameTheIntent() {
        let unknown = runTool(["evaluate", Paths.fixture("configs/unknown-intent.json"), "--data", Paths.tiny])
        #expect(unknown.status == 65)
        #expect(unknown.err.contains("field 'intents.billing': intent 'billing' is not in the data"))
        let missing = runTool(["evaluate", Paths.fixture("configs/missing-intent.json"), "--data", Paths.tiny])
        #expect(missing.status == 65)
        #expect(missing.err.contains("intent 'chat' is missing"))
        let noCell = runTool(["evaluate", Paths.fixture("configs/no-cell.json"), "--data", Paths.tiny])
        #expect(noCell.status == 65)
        #expect(noCell.err.contains("field 'intents.faq': no evaluated cell for big/400/t0.1/rag0; nearest evaluated settings: big/250/t0.1/rag0"))
        let broken = runTool(["evaluate", Paths.fixture("configs/broken.json"), "--data", Paths.tiny])
        #expect(broken.status == 65)
        #expect(broken.err.contains("broken.json:2: expected ',' or '}' in an object"))
        let absent = runTool(["evaluate", Paths.fixture("configs/nothing-here.json"), "--data", Paths.tiny])
        #expect(absent.status == 66)
    }

    @Test func aFrontOfAnotherFormatIsRejected() {
        let result = runTool(["pick", Paths.fixture("configs/other-format-front.json"), "--knee"])
        #expect(result.status == 65)
        #expect(result.err.contains("field 'format': 'pymoo.result/3' is not supported; expected \"paretoroute.front/2\" or \"paretoroute.front/1\""))
    }

    @Test func usageMistakesExit64() {
        #expect(runTool([]).status == 64)
        // Found by the arguments fuzzer: only a global flag left no command, and the whole usage
        // went to stderr; an error is one line.
        // And a --width value with a line break in it is quoted on that one line.
        let width = runTool(["--width=8\n0", "exact"])
        #expect(width.status == 64 && width.err.hasPrefix("paretoroute: ") && width.err.filter { $0 == "\n" }.count == 1)
        let model = runTool(["exact", "--data", Paths.tiny, "--exclude-model", "a\nb"])
        #expect(model.status == 64 && model.err == "paretoroute: --exclude-model: 'a\\nb' names no model of models.csv; expected one of big, small, tuned\n")
        for arguments in [[], ["--wide"], ["--width", "80"]] {
            let run = runTool(arguments)
            #expect(run.status == 64)
            #expect(run.err == "paretoroute: expected a command (validate, evaluate, optimize, exact, pick, check, diff, report, import, project, ladder, usage, calibrate); see 'paretoroute --help'\n")
        }
        #expect(runTool(["frobnicate"]).status == 64)
        #expect(runTool(["validate", "--bogus"]).status == 64)
        #expect(runTool(["optimize", "--population", "many"]).status == 64)
        #expect(runTool(["optimize", "--seed", "-1"]).status == 64)
        #expect(runTool(["pick", "front.json", "--budget", "5", "--knee"]).status == 64)
        #expect(runTool(["evaluate"]).status == 64)
        #expect(runTool(["optimize", "--max-monthly-cost", "nan"]).status == 64)
    }

    @Test func aMissingDataDirectoryExits66() {
        let result = runTool(["validate", "--data", Paths.fixture("no-such-dir")])
        #expect(result.status == 66)
        #expect(result.err.contains("no such data directory"))
    }
}
