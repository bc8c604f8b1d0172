import Foundation
import Testing

/// Every shell example of README.md, docs/*.md and GoldenData/README.md runs, and prints what
/// the doc shows (the convention is in ``DocExample`` and docs/writing-docs.md). A figure is thus
/// written once, in the doc; when the data or the tool changes,
/// `PARETOROUTE_UPDATE_DOCS=1 swift test --filter DocExampleTests` rewrites the output blocks
/// from what the commands print, keeping the lines shown and the `…` cuts, and names the prose
/// lines that still quote a figure the update took away.
@Suite struct DocExampleTests {
    @Test(arguments: DocExampleRunner.docs)
    func examplesPrintWhatTheDocShows(file: String) throws {
        let path = DocExampleRunner.root + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let results = try DocExampleRunner.run(text, file: file)
        var ran = 0
        var skipped: [String] = []
        var updates: [(DocExample, [String])] = []
        for (example, outcome) in results {
            switch outcome {
            case .passed:
                ran += 1
            case .skipped(let reason):
                skipped.append("\(example.name): \(reason)")
            case .failed(let message):
                ran += 1
                Issue.record("\(example.name): \(message)")
            case .updated(let lines):
                ran += 1
                updates.append((example, lines))
            }
        }
        var report = "doc examples of \(file): \(ran) ran, \(skipped.count) skipped"
        for name in skipped { report += "\n  skipped \(name)" }
        if !updates.isEmpty {
            let updated = DocExampleRunner.applying(updates, to: text)
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            for (example, lines) in updates {
                report += "\n  updated the output of \(example.name)"
                for note in DocExampleRunner.stalePhrases(in: updated, removed: example.shown ?? [], kept: lines) {
                    report += "\n    check the prose: \(file) \(note)"
                }
            }
        }
        print(report)
    }

    /// The docs hold the examples this test is for: at least one with shown output in the README
    /// and in each guide of the three jobs, and many in all.
    @Test func theDocsHoldExamplesWithOutput() throws {
        var total = 0
        for file in DocExampleRunner.docs {
            let text = try String(contentsOfFile: DocExampleRunner.root + "/" + file, encoding: .utf8)
            let shown = DocExample.parse(text, file: file).filter { $0.shown != nil && $0.skip == nil }.count
            if ["README.md", "docs/pick.md", "docs/rerun.md", "docs/check.md", "docs/planning.md"].contains(file) {
                #expect(shown >= 1, "\(file) shows no output")
            }
            total += shown
        }
        #expect(total >= 25)
    }

    /// The test of the test: one figure changed in a copy of a doc fails it, and the update mode
    /// turns the copy back into the doc.
    @Test func aChangedFigureFailsAndTheUpdateRestoresIt() throws {
        let file = "docs/errors.md"
        let text = try String(contentsOfFile: DocExampleRunner.root + "/" + file, encoding: .utf8)
        let examples = DocExample.parse(text, file: file)
        let target = try #require(examples.first { example in
            example.skip == nil && example.shown?.contains { $0.contains(where: \.isNumber) && !$0.hasSuffix("…") } == true
        })
        let range = try #require(target.shownLines)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(range.first { lines[$0].contains(where: \.isNumber) && !lines[$0].hasSuffix("…") })
        let original = lines[row]
        let digit = try #require(original.firstIndex { $0.isNumber })
        let changed = original[digit] == "7" ? "8" : "7"
        lines[row] = String(original[..<digit]) + changed + String(original[original.index(after: digit)...])
        // Only up to the changed block: later examples are not needed.
        let copy = lines[..<(range.upperBound + 1)].joined(separator: "\n") + "\n"

        let checked = try DocExampleRunner.run(copy, file: file, update: false)
        let failure = try #require(checked.last { $0.example.line == target.line })
        guard case .failed(let message) = failure.outcome else {
            Issue.record("a changed figure passed: \(lines[row])")
            return
        }
        #expect(message.contains(lines[row]))

        let updated = try DocExampleRunner.run(copy, file: file, update: true)
        let update = try #require(updated.last { $0.example.line == target.line })
        guard case .updated(let new) = update.outcome else {
            Issue.record("the update mode did not rewrite the block")
            return
        }
        #expect(new == Array(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[range]))
    }

    /// No figure an example of the docs prints on the default data is also written in a Swift
    /// test: amounts of $1,000 and more, four-decimal figures and data fingerprints. A test may
    /// compare what two commands compute, not restate what the docs show.
    @Test func noFigureShownInTheDocsIsHardCodedInATest() throws {
        var shown = Set<String>()
        for file in DocExampleRunner.docs {
            let text = try String(contentsOfFile: DocExampleRunner.root + "/" + file, encoding: .utf8)
            for example in DocExample.parse(text, file: file) where !example.script.contains("Tests/Fixtures") {
                for line in example.shown ?? [] { shown.formUnion(Self.distinctiveFigures(line)) }
            }
        }
        #expect(shown.count >= 50)
        let tests = Paths.tests.path
        let files = FileManager.default.enumerator(atPath: tests)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var found: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOfFile: tests + "/" + file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for figure in Self.distinctiveFigures(String(line)) where shown.contains(figure) {
                    found.append("Tests/\(file):\(index + 1): \(figure)")
                }
            }
        }
        #expect(found.isEmpty, "figures the docs show, hard-coded in tests:\n\(found.joined(separator: "\n"))")
    }

    /// `$` amounts of four or more digits, numbers with four or more decimals, 16-digit hex
    /// fingerprints — not round ones (`$30,000`, `0.9000`), which are as often inputs as results.
    static func distinctiveFigures(_ line: String) -> [String] {
        var result = DocExampleRunner.figures(line).filter { figure in
            let digits = figure.filter(\.isNumber)
            if figure.hasPrefix("$") || figure.hasPrefix("-$") || figure.hasPrefix("+$") {
                let whole = figure.split(separator: ".").first.map { $0.filter(\.isNumber) } ?? ""
                return digits.count >= 4 && !whole.hasSuffix("000")
            }
            if let dot = figure.firstIndex(of: ".") {
                let decimals = figure[figure.index(after: dot)...]
                return decimals.count >= 4 && !decimals.hasSuffix("00")
            }
            return false
        }
        var word = ""
        for character in line + " " {
            if character.isHexDigit, character.isASCII, !character.isUppercase {
                word.append(character)
            } else {
                if word.count == 16, word.contains(where: \.isLetter), word.contains(where: \.isNumber) { result.append(word) }
                word = ""
            }
        }
        return result
    }
}

/// The output patterns of the docs: matching and the update mode's rewriting.
@Suite struct DocOutputPatternTests {
    @Test func aLoneEllipsisSpansAnyLinesAndATrailingOneCutsALine() {
        let pattern = DocOutputPattern(shown: ["head", "…", "  row 3: a, …", "tail  "])
        #expect(pattern.matches(["head", "  row 3: a, b", "tail"]))
        #expect(pattern.matches(["head", "x", "y", "  row 3: a, b, c", "tail"]))
        #expect(!pattern.matches(["head", "  row 3: a; b", "tail"]))
        #expect(!pattern.matches(["head", "  row 3: a, b", "tail", "more"]))
        #expect(!pattern.matches(["head", "tail"]))
        #expect(DocOutputPattern(shown: ["a"]).matches(DocOutputPattern.lines(of: "a  \n")))
        #expect(!DocOutputPattern(shown: ["a"]).matches(DocOutputPattern.lines(of: "a\n\n")))
    }

    @Test func anUpdateKeepsTheShownLinesAndTheCuts() {
        let old = ["point #12 of 345: $6,781/month", "  faq: haiku/500; order: sonnet/400; …", "…", "last $1"]
        let new = ["point #13 of 346: $6,790/month", "  faq: sonnet/500; order: sonnet/250; chitchat: haiku", "x", "y", "last $2"]
        let updated = DocOutputPattern(shown: old).updated(to: new)
        #expect(updated == ["point #13 of 346: $6,790/month", "  faq: sonnet/500; order: sonnet/250; …", "…", "last $2"])
        // A new line where everything was shown is shown; a line gone is dropped; a `…` with nothing left to span goes.
        #expect(DocOutputPattern(shown: ["a 1", "b 2", "…"]).updated(to: ["a 1", "new", "b 3"]) == ["a 1", "new", "b 3"])
        #expect(DocOutputPattern(shown: ["a 1", "gone", "b 2"]).updated(to: ["a 1", "b 2"]) == ["a 1", "b 2"])
        // A shown row goes to the output row that starts most like it (the knee's `*`), not to any row.
        let table = ["   1   $1,234  0.85  start", "…", " 71*  $25,111  0.89  faq: a → b; …", "…", "200 $99,999  0.92  rec: c → d; …"]
        let moved = ["   1   $1,234  0.85  start", " 50  $14,222  0.88  rec: e → f; g", " 73*  $27,333  0.89  order: q → r; x",
                     "159  $74,444  0.91  faq: s → t; u", "194 $98,765  0.92  rec: c → d; v"]
        #expect(DocOutputPattern(shown: table).updated(to: moved)
                == ["   1   $1,234  0.85  start", "…", " 73*  $27,333  0.89  order: q → r; …", "…", "194 $98,765  0.92  rec: c → d; …"])
        // Unchanged when it still matches.
        #expect(DocOutputPattern(shown: old).updated(to: ["point #12 of 345: $6,781/month", "  faq: haiku/500; order: sonnet/400; x", "last $1"]) == old)
    }

    @Test func theConventionIsReadFromMarkdown() {
        let text = """
            Text.

            ```sh
            paretoroute pick front.json --budget 1000
            ```

            ```
            point …
            ```

            <!-- doc-test: skip opens a browser -->
            ```sh
            open report.html
            ```

            <!-- doc-test: needs jq; status 1 -->
            ```sh
            jq . front.json
            ```
            ```stderr
            oops
            ```
            ```swift
            let x = 1
            ```
            """
        let examples = DocExample.parse(text, file: "t.md")
        #expect(examples.count == 3)
        #expect(examples[0].line == 3 && examples[0].shown == ["point …"] && examples[0].stream == .stdout && examples[0].shownLines == 7..<8)
        #expect(examples[1].skip == "opens a browser" && examples[1].shown == nil)
        #expect(examples[2].needs == ["jq"] && examples[2].status == 1 && examples[2].stream == .stderr && examples[2].shown == ["oops"])
        #expect(DocExampleRunner.figures("point #12 of 345: $6,781/month, -0.01234 (+$4.04), 12") == ["345", "$6,781", "-0.01234", "$4.04"])
    }
}
