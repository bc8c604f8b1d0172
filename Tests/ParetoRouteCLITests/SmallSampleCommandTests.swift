import Foundation
import Testing
@testable import ParetoRouteCLI
import ParetoRoute

/// A mean of fewer than 2 samples has no standard error (null, n/a), and `--min-samples`
/// rules such thin cells out everywhere a search or a decision picks cells.
///
/// The tiny fixture: faq has four cells of 2 samples each; chat has small/150/t0.7/rag2
/// (2 samples) and big/150/t0.7/rag2 (1 sample). Its exact front: #1 faq big + chat small
/// ($94.125, 0.87, SE 0.018) and #2 faq big + chat big ($150.75, 0.91667, no SE).
@Suite struct SmallSampleCommandTests {
    static let production = Paths.fixture("configs/tiny-production.json")

    @Test func aPointOnASingleSampleCellHasNoStandardErrorInJSONOrText() throws {
        let run = runTool(["exact", "--data", Paths.tiny, "--json", "--quiet"])
        #expect(run.status == 0)
        let front = try Front(bytes: Array(run.out.utf8), file: "stdout")
        #expect(front.points.count == 2)
        // √((2/3 · 0.025)² + (1/3 · 0.02)²) = 0.017951…
        let expected = ((2.0 / 3 * 0.025) * (2.0 / 3 * 0.025) + (1.0 / 3 * 0.02) * (1.0 / 3 * 0.02)).squareRoot()
        #expect(front.points[0].qualityStandardError.map { abs($0 - expected) < 1e-12 } == true)
        #expect(front.points[1].qualityStandardError == nil)
        #expect(run.out.contains(#""quality":0.9166666666666666,"quality_standard_error":null,"#))
        // The cell record says it too: chat's big cell is null, small's is a number.
        let chatBig = try #require(front.catalog.cells[1].first { $0.option.singleSetting?.model == "big" })
        #expect(chatBig.qualityStandardError == nil)
        let text = runTool(["exact", "--data", Paths.tiny, "--quiet"])
        #expect(text.out.contains("2           $151  0.9167 ± n/a     big×2"))
        #expect(text.out.contains("1*        $94.13  0.8700 ± 0.0180"))
    }

    @Test func evaluateReportsEachIntentsStandardError() throws {
        let run = runTool(["evaluate", Self.production, "--data", Paths.tiny, "--json"])
        #expect(run.status == 0)
        let json = try JSONParser.parse(Array(run.out.utf8), file: "evaluate")
        // faq tuned: qualities 0.82 and 0.84 → SE = sd/√2 = 0.01414…/√2 = 0.01; chat big: one sample.
        let faq = json["intents"]?.array?.first { $0["intent"] == .string("faq") }
        let chat = json["intents"]?.array?.first { $0["intent"] == .string("chat") }
        #expect(faq?["quality_standard_error"]?.number.map { abs($0 - 0.01) < 1e-12 } == true)
        #expect(chat?["quality_standard_error"] == .null)
        #expect(json["quality_standard_error"] == .null)
        #expect(runTool(["evaluate", Self.production, "--data", Paths.tiny]).out.hasPrefix("monthly cost $168 (model fees $100), quality 0.8533 ± n/a (standard error), feasible"))
    }

    @Test func minSamplesRulesThinCellsOutAndIsRecorded() throws {
        let run = runTool(["exact", "--data", Paths.tiny, "--min-samples", "2", "--json"])
        #expect(run.status == 0)
        let front = try Front(bytes: Array(run.out.utf8), file: "stdout")
        // Only #1 is left: chat's one-sample big cell is out.
        #expect(front.points.count == 1 && front.points[0].monthlyCostUSD == 94.125)
        #expect(front.settings.minimumSamples == 2)
        #expect(front.statistics.pruning.map(\.tooFewSamples) == [0, 1])
        #expect(front.statistics.pruning.map(\.candidates) == [2, 1])
        #expect(run.out.contains(#""min_samples": 2"#) && run.out.contains(#""too_few_samples": 1"#))
        #expect(run.err.contains("pruned 3 of 6 cells: 1 below a quality floor, 1 above a P99 cap, 1 with too few samples"))
        // Unset, nothing is pruned for samples and the setting is absent.
        let plain = runTool(["exact", "--data", Paths.tiny, "--json", "--quiet"])
        #expect(!plain.out.contains("min_samples") && plain.out.contains(#""too_few_samples": 0"#))
        // A diff names the changed assumption.
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try plain.out.write(toFile: directory + "/old.json", atomically: true, encoding: .utf8)
        try run.out.write(toFile: directory + "/new.json", atomically: true, encoding: .utf8)
        let diff = try JSONParser.parse(Array(runTool(["diff", directory + "/old.json", directory + "/new.json", "--json"]).out.utf8), file: "diff")
        #expect(diff["settings_changed"]?.array?.contains { $0["key"] == .string("min_samples") && $0["new"] == .number(2) } == true)
    }

    @Test func minSamplesThatEmptiesAnIntentIsAUsageErrorNamingTheFlag() {
        for command in [["exact"], ["optimize", "--generations", "2", "--population", "8"], ["check", Self.production]] {
            let run = runTool(command + ["--data", Paths.tiny, "--min-samples", "3"])
            #expect(run.status == 64)
            #expect(run.err == "paretoroute: --min-samples: intent 'faq' has no feasible cell once cells with fewer than 3 samples are ruled out: no cell is left; its feasible cells have at most 2 samples; expected a minimum of at most 2, or more samples for it\n")
        }
        let validate = runTool(["validate", "--data", Paths.tiny, "--min-samples", "3"])
        #expect(validate.status == 64)
        #expect(validate.err == "paretoroute: --min-samples: intent 'faq' has no feasible cell once cells with fewer than 3 samples are ruled out: its 2 feasible cell(s) have at most 2 samples; expected a minimum of at most 2, or more samples for it\n")
        for bad in ["0", "-1", "1.5", "x"] {
            #expect(runTool(["exact", "--data", Paths.tiny, "--min-samples", bad]).status == 64)
            #expect(runTool(["validate", "--data", Paths.tiny, "--min-samples", bad]).status == 64)
        }
    }

    @Test func validateCountsThinCellsApart() throws {
        let run = runTool(["validate", "--data", Paths.tiny, "--min-samples", "2"])
        #expect(run.status == 0)
        #expect(run.out.contains("""
            cells of fewer than 2 samples are ruled out (column 'thin'); they are not counted feasible
            intent  cells  feasible  <floor  >p99cap  thin  samples  best q  min p99 ms  cheapest feasible
            faq         4         2       1        1     0        2  0.9250         100              $7.50
            chat        2         1       0        0     1      1-2  0.9000         598              $4.13
            """))
        let json = try JSONParser.parse(Array(runTool(["validate", "--data", Paths.tiny, "--min-samples", "2", "--json"]).out.utf8), file: "validate")
        #expect(json["min_samples_required"] == .number(2))
        let chat = json["intents"]?.array?.first { $0["intent"] == .string("chat") }
        #expect(chat?["too_few_samples"] == .number(1) && chat?["feasible_cells"] == .number(1))
        // Without the option the output has neither key.
        let plain = runTool(["validate", "--data", Paths.tiny, "--json"]).out
        #expect(!plain.contains("too_few_samples") && !plain.contains("min_samples_required"))
    }

    @Test func checkAgainstAMinSamplesFrontMovesOnlyToCellsWithEnoughSamples() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = directory + "/thick.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--min-samples", "2", "--out", front, "--quiet"]).status == 0)
        // Production runs chat on the one-sample big cell; it keeps it (nothing forces a change),
        // but no move may pick a thin cell, and the front records the rule.
        let check = runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--json"])
        #expect(check.status == 0)
        let json = try JSONParser.parse(Array(check.out.utf8), file: "check")
        #expect(json["assumptions"]?.string?.contains("cells of at least 2 samples") == true)
        #expect(json["thin_intents"] == .array([.string("chat")]))
        #expect(runTool(["check", Self.production, "--data", Paths.tiny, "--front", front]).out
            .contains("note: chat runs big/150/t0.7/rag2 on 1 sample, fewer than the minimum of 2; no move or repair uses such a cell\n"))
        #expect(runTool(["check", Self.production, "--data", Paths.tiny, "--json"]).out.contains("thin_intents") == false)
        for move in json["limited_moves"]?.array ?? [] {
            let chat = move["config"]?["intents"]?["chat"]
            #expect(chat?["model"] != .string("big") || move["changed_intents"]?.array?.contains(.string("chat")) == false)
        }
        #expect(runTool(["check", Self.production, "--data", Paths.tiny, "--front", front, "--min-samples", "2"]).status == 64)
    }

    @Test func aThinBaselineCellMustChangeForTheRightReason() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // faq on small (quality 0.75, floor 0.80) breaks its floor; chat on big rests on one sample.
        let config = directory + "/bad.json"
        try #"{"intents": {"faq": {"model": "small", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}, "chat": {"model": "big", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let run = runTool(["check", config, "--data", Paths.tiny, "--min-samples", "2"])
        #expect(run.out.contains("""
            NOT feasible: 1 intent breaks a floor or cap
              faq     quality 0.7500 below the 0.8000 floor
              and the cell of chat rests on fewer samples than the minimum, so it must change too
            fewest intents to change: 2 (those above and the ruled-out ones)
            """), "\(run.out)")
        #expect(!run.out.contains("rules out the model"))
    }

    @Test func aChangeFromOrToASingleSampleCellIsWithinNoiseBothWays() throws {
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let all = directory + "/all.json", thick = directory + "/thick.json"
        #expect(runTool(["exact", "--data", Paths.tiny, "--out", all, "--quiet"]).status == 0)
        #expect(runTool(["exact", "--data", Paths.tiny, "--min-samples", "2", "--out", thick, "--quiet"]).status == 0)
        // At $200 the first front buys chat on big (one sample), the second chat on small.
        for (old, new) in [(all, thick), (thick, all)] {
            let run = runTool(["diff", old, new, "--budget", "200", "--json"])
            let json = try JSONParser.parse(Array(run.out.utf8), file: "diff")
            let changes = json["at_budget"]?["changes"]?.array ?? []
            #expect(changes.count == 1 && changes.first?["intent"] == .string("chat"))
            #expect(changes.first?["within_noise"] == .bool(true))
            // A quality loss at the budget resting on one sample is no regression (the lost
            // hypervolume of the first direction is).
            #expect(json["regressions"]?.array?.contains { $0.string?.contains("beyond noise") == true } == false)
            let text = runTool(["diff", old, new, "--budget", "200"]).out
            #expect(text.contains("[within noise]") && text.contains("the quality change is within noise (95% margin unknown: a cell rests on one sample)"))
        }
    }

    @Test func pinningAThinOrExcludedBaselineCellBlamesBothFlags() {
        // Production runs chat on big, measured on one sample.
        let thin = runTool(["exact", "--data", Paths.tiny, "--baseline", Self.production, "--pin", "chat", "--min-samples", "2"])
        #expect(thin.status == 64)
        #expect(thin.err == "paretoroute: --pin/--min-samples: intent 'chat' is pinned to its baseline cell big/150/t0.7/rag2, but it rests on 1 sample(s), fewer than the minimum of 2; expected not to pin it, or to allow its cell\n")
        let excluded = runTool(["exact", "--data", Paths.tiny, "--baseline", Self.production, "--pin", "chat", "--exclude-model", "big"])
        #expect(excluded.status == 64)
        #expect(excluded.err == "paretoroute: --pin/--exclude-model: intent 'chat' is pinned to its baseline cell big/150/t0.7/rag2, but its model big is ruled out; expected not to pin it, or to allow its cell\n")
    }
}
