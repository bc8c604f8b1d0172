import Foundation

/// Runs a doc's shell examples, in order, in one temporary directory holding a copy of the
/// repository's `GoldenData/` and `Tests/Fixtures/`, so that a file an earlier example writes
/// (`front.json`) is there for a later one and relative paths resolve as they do for a reader
/// at the repository root. Each example is one `/bin/sh` process whose working directory is that
/// copy and whose `PATH` starts with a directory where `paretoroute` is the binary built next to
/// the test bundle: the commands run exactly as a reader types them, and no test changes the
/// test process's own working directory (which every test running in parallel shares).
struct DocExampleRunner: Sendable {
    /// What became of one example.
    enum Outcome: Sendable {
        case passed
        case skipped(String)
        /// The example's lines differ from the output, or its status is not the one expected.
        case failed(String)
        /// Update mode: the output block was rewritten to these lines.
        case updated([String])
    }

    /// The repository root (the package directory).
    static let root = Paths.tests.deletingLastPathComponent().path

    /// The `paretoroute` binary built with the tests (`swift test` builds every product).
    static let binary: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
            .appendingPathComponent("paretoroute").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let debug = root + "/.build/debug/paretoroute"
        return FileManager.default.isExecutableFile(atPath: debug) ? debug : nil
    }()

    /// `PARETOROUTE_UPDATE_DOCS=1`: rewrite output blocks that differ instead of failing.
    static var updating: Bool { ProcessInfo.processInfo.environment["PARETOROUTE_UPDATE_DOCS"] == "1" }

    /// The docs whose examples run: README.md, docs/*.md and GoldenData/README.md.
    static var docs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/docs")) ?? []
        return ["README.md", "GoldenData/README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    /// Runs every example of `text` (the doc `file`); returns each example with its outcome.
    /// Stops at the first failure, since later examples may need what it should have written.
    static func run(_ text: String, file: String, update: Bool = updating) throws -> [(example: DocExample, outcome: Outcome)] {
        let examples = DocExample.parse(text, file: file)
        // Nothing to run (no examples, or only skipped ones): no copy of the data either.
        guard examples.contains(where: { $0.skip == nil || $0.directiveError != nil }) else {
            return examples.map { ($0, .skipped($0.skip ?? "")) }
        }
        guard let binary else {
            return examples.map { ($0, .failed("the paretoroute binary is not built next to the test bundle; run swift build")) }
        }
        let directory = try Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let work = directory + "/repo", bin = directory + "/bin"
        let manager = FileManager.default
        try manager.createDirectory(atPath: work + "/Tests", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try manager.copyItem(atPath: root + "/GoldenData", toPath: work + "/GoldenData")
        try manager.copyItem(atPath: root + "/Tests/Fixtures", toPath: work + "/Tests/Fixtures")
        try manager.createSymbolicLink(atPath: bin + "/paretoroute", withDestinationPath: binary)
        // The data generator too, built beside it (`paretoroute-synth logs` writes example logs).
        let synth = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("paretoroute-synth").path
        if manager.isExecutableFile(atPath: synth) {
            try manager.createSymbolicLink(atPath: bin + "/paretoroute-synth", withDestinationPath: synth)
        }
        var results: [(DocExample, Outcome)] = []
        var failed = false
        for example in examples {
            if failed {
                results.append((example, .skipped("an earlier example of \(file) failed")))
                continue
            }
            if let error = example.directiveError {
                results.append((example, .failed(error)))
                failed = true
                continue
            }
            if let reason = example.skip {
                results.append((example, .skipped(reason)))
                continue
            }
            if let missing = example.needs.first(where: { program(named: $0) == nil }) {
                results.append((example, .skipped("needs \(missing), not on the PATH")))
                continue
            }
            let run = try shell(example.script, in: work, bin: bin, scratch: directory)
            let outcome = judge(example, run, update: update)
            if case .failed = outcome { failed = true }
            results.append((example, outcome))
        }
        return results
    }

    /// Compares one example's run with what the doc shows.
    static func judge(_ example: DocExample, _ run: (status: Int32, out: String, err: String), update: Bool) -> Outcome {
        let expectedStatus = example.status ?? (example.shown == nil ? 0 : nil)
        if let expectedStatus, run.status != expectedStatus {
            return .failed("exit status \(run.status), expected \(expectedStatus)\nstdout:\n\(excerpt(run.out))\nstderr:\n\(excerpt(run.err))")
        }
        guard let shown = example.shown else { return .passed }
        let actual = DocOutputPattern.lines(of: example.stream == .stdout ? run.out : run.err)
        let pattern = DocOutputPattern(shown: shown)
        if pattern.matches(actual) { return .passed }
        if update { return .updated(pattern.updated(to: actual)) }
        let at = pattern.firstMismatch(actual).map { $0 < shown.count ? "shown line \($0 + 1): \(shown[$0])" : "the output goes on after the last shown line" } ?? ""
        return .failed("""
            the output differs from the doc's \(example.stream.rawValue) block (first unmatched: \(at))
            printed (\(run.status)):
            \(excerpt(example.stream == .stdout ? run.out : run.err))
            (PARETOROUTE_UPDATE_DOCS=1 swift test --filter DocExampleTests rewrites the doc's block)
            """)
    }

    /// Writes the updated output blocks into `text`; returns the new text.
    static func applying(_ updates: [(DocExample, [String])], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (example, new) in updates.sorted(by: { $0.0.line > $1.0.line }) {
            guard let range = example.shownLines else { continue }
            lines.replaceSubrange(range, with: new)
        }
        return lines.joined(separator: "\n")
    }

    /// Figures (numbers of three or more digits, with their `$`, `#` or sign) that an update
    /// took out of a block but that the doc's prose, outside code blocks, still mentions.
    static func stalePhrases(in text: String, removed old: [String], kept new: [String]) -> [String] {
        let before = Set(old.flatMap(figures)), after = Set(new.flatMap(figures))
        let gone = before.subtracting(after)
        guard !gone.isEmpty else { return [] }
        var notes: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let code = DocExample.codeLines(lines)
        for (index, line) in lines.enumerated() where !code[index] {
            let found = Set(figures(line)).intersection(gone)
            for figure in found.sorted() { notes.append("line \(index + 1) still says \(figure)") }
        }
        return notes
    }

    /// The figures of a line: runs of digits with their `,` and `.`, holding three or more digits,
    /// with a `$`, `#`, `+` or `-` just before them.
    static func figures(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var digits = 0
        func flush() {
            while let last = current.last, last == "," || last == "." { current.removeLast() }
            if digits >= 3 { result.append(current) }
            current = ""
            digits = 0
        }
        var previous: Character = " "
        for character in line {
            if character.isASCII, character.isNumber {
                if current.isEmpty, "$#+-".contains(previous) { current.append(previous) }
                current.append(character)
                digits += 1
            } else if !current.isEmpty, character == "," || character == "." {
                current.append(character)
            } else if !current.isEmpty {
                flush()
            }
            previous = character
        }
        flush()
        return result
    }

    private static func excerpt(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count > 80 ? lines.prefix(80).joined(separator: "\n") + "\n[\(lines.count - 80) more lines]" : text
    }

    /// The path of a program on the PATH, if any.
    static func program(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `script` with `/bin/sh` in `directory`, `bin` first on the PATH; stdout and stderr go
    /// to files in `scratch`, so a large output cannot fill a pipe. Ten minutes at most.
    static func shell(_ script: String, in directory: String, bin: String, scratch: String) throws -> (status: Int32, out: String, err: String) {
        let outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
              FileManager.default.createFile(atPath: errPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["LC_ALL"] = "C"
        environment["TZ"] = "UTC"
        environment["COLUMNS"] = nil
        environment["PARETOROUTE_UPDATE_DOCS"] = nil
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: deadline)
        process.waitUntilExit()
        deadline.cancel()
        try out.close()
        try err.close()
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }
}
