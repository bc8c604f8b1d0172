import Foundation
import Testing
@testable import ParetoRouteCLI

/// Text that fits: `--width`, `COLUMNS`, `--wide`, a terminal's width; every command on
/// the default data within 80 columns; columns aligned with a 25-character model name.
@Suite struct TerminalWidthTests {
    static let golden = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path

    /// `optimize --out` on the default data, once for the suite (pick and diff read it).
    static let front: String = {
        let directory = (try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()
        _ = runTool(["optimize", "--data", golden, "--out", directory + "/front.json", "--quiet"])
        return directory + "/front.json"
    }()

    static func columns(_ line: Substring) -> Int { line.count }

    static func widest(_ text: String) -> (width: Int, line: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.max { $0.count < $1.count } ?? ""
        return (line.count, String(line))
    }

    @Test func widthComesFromTheFlagThenColumnsThenTheTerminalAndOnlyForATerminal() throws {
        func width(_ arguments: [String], columns: String? = nil, terminal: Bool = true, reported: Int? = 132) throws -> (Int?, [String]) {
            var rest = arguments
            let width = try OutputWidth.extract(from: &rest, environment: columns.map { ["COLUMNS": $0] } ?? [:],
                                                stdoutIsTerminal: terminal, terminalColumns: { reported })
            return (width, rest)
        }
        #expect(try width(["optimize", "--width", "100", "--quiet"]) == (100, ["optimize", "--quiet"]))
        #expect(try width(["optimize", "--width=90"], columns: "70") == (90, ["optimize"]))
        #expect(try width(["pick", "f.json"], columns: "70") == (70, ["pick", "f.json"]))
        #expect(try width(["pick", "f.json"], columns: "wide") == (132, ["pick", "f.json"]))
        #expect(try width(["pick", "f.json"], reported: nil) == (80, ["pick", "f.json"]))
        // A pipe or a file keeps everything, unless a width is asked for explicitly.
        #expect(try width(["pick", "f.json"], columns: "70", terminal: false) == (nil, ["pick", "f.json"]))
        #expect(try width(["pick", "f.json", "--width", "60"], terminal: false) == (60, ["pick", "f.json"]))
        #expect(try width(["pick", "--wide", "f.json", "--width", "60"]) == (nil, ["pick", "f.json"]))
        #expect(throws: UsageError.self) { _ = try width(["pick", "--width", "abc"]) }
        #expect(throws: UsageError.self) { _ = try width(["pick", "--width", "5"]) }
        #expect(throws: UsageError.self) { _ = try width(["pick", "--width"]) }
        let run = runTool(["validate", "--width", "x"])
        #expect(run.status == 64)
        #expect(run.err == "paretoroute: --width 'x' is not an integer in [20, 10000]\n")
    }

    /// faq's haiku/500/t0.1/rag2 cell of the default data with every quality 0.2 lower (at least 0):
    /// an evals file for `compare` whose cell changed beyond noise and has regressions to list.
    static func rescoredCell() throws -> String {
        let path = try Paths.temporaryDirectory() + "/rerun.csv"
        let text = try String(contentsOfFile: golden + "/evals/0001-baseline.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(1).map(String.init)
        for line in text.split(separator: "\n") where line.hasPrefix("faq,haiku,500,0.1,2,") {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[6] = String(max(0, (Double(fields[6]) ?? 0) - 0.2))
            lines.append(fields.joined(separator: ","))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh directory for `import --dry-run`, which then lists the stubs it would create.
    static let importTarget: String = ((try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()) + "/new-data"

    @Test(arguments: ["optimize", "exact", "pick", "check", "evaluate", "validate", "diff",
                      "ladder", "project", "pick --risk", "import", "compare", "validate --power"])
    func everyCommandOnTheDefaultDataFits80Columns(_ command: String) throws {
        let production = Self.golden + "/production.json"
        let logs = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("import/inspect"))
            .filter { $0.hasSuffix(".json") }.sorted().map { Paths.fixture("import/inspect/" + $0) }
        let arguments: [String] = switch command {
        case "optimize", "exact", "validate": [command, "--data", Self.golden]
        case "pick": [command, Self.front, "--budget", "20000"]
        case "check", "evaluate": [command, production, "--data", Self.golden]
        case "ladder": [command, "--budget", "130000", "--from", production, "--max-changes-per-step", "5", "--data", Self.golden]
        case "project": [command, Self.front, "--knee", "--scenario", Self.golden + "/scenario.json", "--budget", "30000",
                         "--runs", "500", "--data", Self.golden]
        case "pick --risk": ["pick", Self.front, "--budget", "20000", "--risk", "0.9", "--runs", "500", "--data", Self.golden]
        case "import": ["import", "inspect"] + logs + ["--score", "judge", "--rag-field", "eval.task_args.rag_chunks",
                                                        "--data", Self.importTarget, "--dry-run"]
        // A rerun of one cell laid over the data: the changed-cell table and the regression scan.
        case "compare": ["compare", Self.golden, try Self.rescoredCell()]
        case "validate --power": ["validate", "--data", Self.golden, "--power", production, "--detect", "0.01"]
        default: [command, Self.front, Self.front, "--budget", "30000"]
        }
        let fitted = runTool(arguments + ["--width", "80"])
        #expect(fitted.status == 0, "\(command): \(fitted.err)")
        #expect(fitted.out.count > 200)
        let out = Self.widest(fitted.out), err = Self.widest(fitted.err)
        #expect(out.width <= 80, "\(command): \(out.line)")
        #expect(err.width <= 80, "\(command): \(err.line)")
        // Not a terminal and no --width: nothing is cut or wrapped.
        let wide = runTool(arguments)
        #expect(!wide.out.contains("…"))
        #expect(fitted.out.filter { !$0.isWhitespace }.count <= wide.out.filter { !$0.isWhitespace }.count)
        if ["optimize", "validate", "check", "import", "ladder", "project"].contains(command) {
            #expect(Self.widest(wide.out).width > 80, "\(command) keeps its wide lines for pipes")
        }
    }

    @Test func optimizeDropsTheChangeColumnThenKeepsTheModelsAt80Columns() {
        let run = runTool(["optimize", "--data", Self.golden, "--width", "80", "--quiet"])
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("   #   monthly cost  quality ± SE     models"))
        // The knee's row ends with its models: no change column at 80 columns.
        #expect(lines.contains { $0.wholeMatch(of: #/ *[0-9]+\* +\$[0-9,]+  0\.[0-9]{4} ± 0\.[0-9]{4}  [a-z×0-9 -]+/#) != nil && $0.count <= 80 })
        #expect(!run.out.contains("change from the previous row"))
        #expect(lines.contains("  intent             model     tokens  temp  rag    cost  quality  p99 ms"))
        // The pruning block is one line unless --verbose.
        let quietPruning = runTool(["exact", "--data", Self.golden])
        let pruning = quietPruning.err.split(separator: "\n").filter { $0.hasPrefix("pruned ") }
        #expect(pruning.count == 1)
        #expect(pruning.first?.hasSuffix(" above a P99 cap (--verbose: per intent)") == true)
        #expect(!quietPruning.err.contains("recommendation: 108 cells"))
        let verbose = runTool(["exact", "--data", Self.golden, "--verbose"])
        #expect(verbose.err.contains("pruned cells per intent (never feasible, or of an excluded model):\n  recommendation: 108 cells, 91 below the quality floor, 6 above the P99 cap → 11 candidates\n"))
    }

    /// The tiny fixture with model `small` renamed to a 25-character name.
    static let longModelData: String = {
        let directory = ((try? Paths.temporaryDirectory()) ?? NSTemporaryDirectory()) + "/data"
        try? FileManager.default.copyItem(atPath: Paths.tiny, toPath: directory)
        for file in ["models.csv", "evals/a.csv", "evals/b.csv"] {
            let path = directory + "/" + file
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                try? text.replacingOccurrences(of: "small", with: longModel).write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        return directory
    }()
    static let longModel = "haiku-ft-2026-q1-customer"

    /// The lines of the table whose header line starts with `header` (or contains `containing`),
    /// up to the first blank line.
    static func table(_ text: String, header: String = "", containing: String = "") -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) && (containing.isEmpty || $0.contains(containing)) }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty && !$0.hasPrefix("(") })
    }

    /// True when, in every row, a column boundary of the header (the end of a right-aligned
    /// header, the start of a left-aligned one) is one in the row too.
    static func rightEdgesAlign(_ table: [String], headers: [String]) -> Bool {
        guard let head = table.first else { return false }
        for header in headers {
            guard let range = head.range(of: header) else { return false }
            let end = head.distance(from: head.startIndex, to: range.upperBound)
            for row in table.dropFirst() {
                let characters = Array(row)
                guard end <= characters.count, characters[end - 1] != " ", end == characters.count || characters[end] == " " else { return false }
            }
        }
        return true
    }

    static func leftEdgesAlign(_ table: [String], header: String) -> Bool {
        guard let head = table.first, let range = head.range(of: header) else { return false }
        let start = head.distance(from: head.startIndex, to: range.lowerBound)
        return table.dropFirst().allSatisfy { row in
            let characters = Array(row)
            return start < characters.count && characters[start - 1] == " " && characters[start] != " "
        }
    }

    @Test(arguments: [nil, 80] as [Int?])
    func aTwentyFiveCharacterModelNameKeepsEveryColumnAligned(_ width: Int?) throws {
        let data = Self.longModelData
        let widthFlag = width.map { ["--width", "\($0)"] } ?? []
        let directory = try Paths.temporaryDirectory()
        let optimize = runTool(["exact", "--data", data, "--out", directory + "/front.json", "--quiet"] + widthFlag)
        #expect(optimize.status == 0)
        #expect(optimize.out.contains(Self.longModel) || width != nil)
        let front = Self.table(optimize.out, containing: "quality ± SE")
        #expect(front.count >= 3)
        #expect(Self.rightEdgesAlign(front, headers: ["monthly cost"]))
        #expect(Self.leftEdgesAlign(front, header: "models"))
        let describe = Self.table(optimize.out, header: "  intent")
        #expect(describe.count == 3)
        #expect(Self.rightEdgesAlign(describe, headers: width == nil ? ["max_tokens", "temperature", "rag_chunks", "cost/month", "quality", "p99 ms"]
                                                                      : ["tokens", "temp", "rag", "cost", "quality", "p99 ms"]))
        #expect(Set(describe.map(\.count)).count == 1)
        let config = directory + "/long.json"
        try """
            {"intents": {"faq": {"model": "\(Self.longModel)", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0},
                         "chat": {"model": "\(Self.longModel)", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        for command in ["evaluate", "check"] {
            let run = runTool([command, config, "--data", data] + widthFlag)
            let table = Self.table(run.out, header: "  intent")
            #expect(table.count == 3, "\(command)")
            #expect(Self.rightEdgesAlign(table, headers: ["quality", "p99 ms"]), "\(command)")
            #expect(Self.leftEdgesAlign(table, header: "fails"), "\(command)")
            if let width { #expect(Self.widest(run.out).width <= width) }
        }
        let pick = runTool(["pick", directory + "/front.json", "--knee"] + widthFlag)
        let picked = Self.table(pick.out, header: "  intent")
        #expect(picked.count == 3)
        #expect(Set(picked.map(\.count)).count == 1)
    }

    /// Every command's help: option descriptions start in one column, continuation lines too.
    @Test(arguments: CommandLineTool.commands.map(\.name))
    func helpTextsAreAligned(_ command: String) {
        let run = runTool([command, "--help"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map(String.init)
        var blocks: [[String]] = [[]]
        for line in lines {
            if line.hasPrefix("  --") || (line.hasPrefix("     ") && !(blocks.last?.isEmpty ?? true)) {
                blocks[blocks.count - 1].append(line)
            } else if !(blocks.last?.isEmpty ?? true) {
                blocks.append([])
            }
        }
        var descriptionColumns: Set<Int> = []
        for line in blocks.joined() {
            let characters = Array(line)
            if line.hasPrefix("  --") {
                // The description starts after the first run of two or more spaces past the option.
                var i = 2
                while i + 1 < characters.count, !(characters[i] == " " && characters[i + 1] == " ") { i += 1 }
                while i < characters.count, characters[i] == " " { i += 1 }
                descriptionColumns.insert(i)
            } else {
                descriptionColumns.insert(characters.firstIndex { $0 != " " } ?? 0)
            }
        }
        #expect(descriptionColumns.count == 1, "\(command) --help: descriptions start at columns \(descriptionColumns.sorted())\n\(run.out)")
        #expect(run.out.contains("--width N") && run.out.contains("--wide"))
    }

    /// Every command's help fits 80 columns when asked (or on an 80-column terminal): the same
    /// words, paragraphs rewrapped, descriptions still starting in their column.
    @Test(arguments: CommandLineTool.commands.map(\.name) + ["--help"])
    func helpTextsFit80Columns(_ command: String) {
        let wide = runTool(command == "--help" ? ["--help"] : [command, "--help"])
        let narrow = runTool(command == "--help" ? ["--help", "--width", "80"] : [command, "--help", "--width", "80"])
        #expect(narrow.status == 0)
        let lines = narrow.out.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        #expect(narrow.out.split(whereSeparator: \.isWhitespace) == wide.out.split(whereSeparator: \.isWhitespace))
        // Some help is wider than 80 as written, so the test exercises the rewrapping.
        if command == "exact" { #expect(wide.out.split(separator: "\n").contains { $0.count > 80 }) }
        let column = OutputWidth.descriptionColumn(of: wide.out)
        for line in lines where line.hasPrefix("  --") {
            var i = 2
            let characters = Array(line)
            while i + 1 < characters.count, !(characters[i] == " " && characters[i + 1] == " ") { i += 1 }
            while i < characters.count, characters[i] == " " { i += 1 }
            #expect(i == column || i >= characters.count, "\(line)")
        }
    }

    /// A real pseudo-terminal of 80 columns (`script`, from util-linux), on the built binary.
    @Test(.enabled(if: PseudoTerminal.available, "needs script (util-linux) and the built paretoroute binary"))
    func anEightyColumnPseudoTerminalFits() throws {
        guard let binary = PseudoTerminal.binary else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "stty cols 80; '\(binary)' optimize --data '\(Self.golden)' --quiet", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        #expect(text.contains("   #   monthly cost  quality ± SE     models\n"))
        #expect(Self.widest(text).width <= 80)
    }
}

enum PseudoTerminal {
    /// The `paretoroute` binary next to the test bundle, when built.
    static let binary: String? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let path = directory.appendingPathComponent("paretoroute").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()
    static let available = binary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
}
