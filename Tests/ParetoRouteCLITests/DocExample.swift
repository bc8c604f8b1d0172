import Foundation

/// One shell example of a Markdown doc: a ```` ```sh ```` block, and the output block right after
/// it when there is one. The convention (also in docs/writing-docs.md):
///
/// - A ```` ```sh ```` fence opens a command block. It runs as one `/bin/sh` script, so it may hold
///   several commands, comments, `\` line continuations, globs, pipes and redirections.
/// - When the next non-blank line after its closing fence opens a fence with no info string
///   (```` ``` ````), that block is the output the command block prints on stdout; with the info
///   string `stderr` (```` ```stderr ````), on stderr. A line of `…` alone (indented or not) stands
///   for any number of lines, and a line ending in `…` for one line starting with the text before
///   the `…`. Every other line must be printed exactly (trailing spaces aside).
/// - A command block without an output block must exit 0; `<!-- doc-test: status N -->` on the
///   line before the fence expects status N instead (with or without an output block).
/// - `<!-- doc-test: skip REASON -->` on the line before the fence skips it (a browser, a long
///   benchmark, the package's own build); `<!-- doc-test: needs PROGRAM -->` skips it, by name,
///   where PROGRAM is not on the PATH. Directives may be combined with `;`.
struct DocExample: Sendable {
    /// The stream an output block shows.
    enum Stream: String, Sendable { case stdout, stderr }

    /// The doc's path relative to the repository root (`docs/pick.md`).
    var file: String
    /// 1-based line of the ```` ```sh ```` fence.
    var line: Int
    /// The command block's text, lines joined by line breaks.
    var script: String
    /// The output block's lines, or nil when the command block has none.
    var shown: [String]?
    /// Which stream the output block shows.
    var stream: Stream = .stdout
    /// 0-based indices in the doc's lines of the output block's body (for the update mode).
    var shownLines: Range<Int>?
    /// Why the example is skipped whatever the machine, when it is.
    var skip: String?
    /// Programs the example needs besides `paretoroute` and a POSIX shell.
    var needs: [String] = []
    /// The exit status expected of the script's last command.
    var status: Int32?
    /// A directive the parser did not understand (the test fails on it).
    var directiveError: String?

    /// How reports name the example: its file and line and its first command.
    var name: String {
        let first = script.split(separator: "\n").first.map(String.init) ?? ""
        let command = first.count > 60 ? String(first.prefix(59)) + "…" : first
        return "\(file):\(line) `\(command)`"
    }

    /// The examples of a doc, in order.
    static func parse(_ text: String, file: String) -> [DocExample] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [DocExample] = []
        var k = 0
        while k < lines.count {
            guard let info = fenceInfo(lines[k]) else { k += 1; continue }
            guard let close = closingFence(in: lines, after: k) else { break }
            guard info == "sh" else { k = close + 1; continue }
            var example = DocExample(file: file, line: k + 1, script: lines[(k + 1)..<close].joined(separator: "\n"))
            if k > 0 { example.applyDirectives(lines[k - 1]) }
            var next = close + 1
            while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
            if next < lines.count, let outputInfo = fenceInfo(lines[next]), outputInfo == "" || outputInfo == "stderr",
               let outputClose = closingFence(in: lines, after: next) {
                example.shown = Array(lines[(next + 1)..<outputClose])
                example.shownLines = (next + 1)..<outputClose
                example.stream = outputInfo == "stderr" ? .stderr : .stdout
                k = outputClose + 1
            } else {
                k = close + 1
            }
            examples.append(example)
        }
        return examples
    }

    /// The info string of a line opening a fence (three or more backticks at the start of the
    /// line), else nil.
    static func fenceInfo(_ line: String) -> String? {
        let ticks = line.prefix { $0 == "`" }.count
        guard ticks >= 3 else { return nil }
        return String(line.dropFirst(ticks)).trimmingCharacters(in: .whitespaces)
    }

    /// The index of the line closing the fence opened at `open`: backticks only, at least as
    /// many as the opening (so a ```` fence can show ``` blocks).
    static func closingFence(in lines: [String], after open: Int) -> Int? {
        let ticks = lines[open].prefix { $0 == "`" }.count
        var k = open + 1
        while k < lines.count {
            let trimmed = lines[k].trimmingCharacters(in: .whitespaces)
            if trimmed.count >= ticks, trimmed.allSatisfy({ $0 == "`" }) { return k }
            k += 1
        }
        return nil
    }

    /// For each line, whether it is part of a fenced code block (its fences included).
    static func codeLines(_ lines: [String]) -> [Bool] {
        var inside = [Bool](repeating: false, count: lines.count)
        var k = 0
        while k < lines.count {
            if fenceInfo(lines[k]) != nil {
                let close = closingFence(in: lines, after: k) ?? lines.count - 1
                for j in k...close { inside[j] = true }
                k = close + 1
            } else {
                k += 1
            }
        }
        return inside
    }

    /// Reads `<!-- doc-test: skip REASON; needs PROGRAM; status N -->`.
    private mutating func applyDirectives(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!-- doc-test:"), trimmed.hasSuffix("-->") else { return }
        let body = trimmed.dropFirst("<!-- doc-test:".count).dropLast(3)
        for part in body.split(separator: ";") {
            let words = part.trimmingCharacters(in: .whitespaces)
            if words.hasPrefix("skip") {
                skip = words.dropFirst(4).trimmingCharacters(in: .whitespaces)
                if skip?.isEmpty ?? true { skip = "marked skip" }
            } else if words.hasPrefix("needs ") {
                needs += words.dropFirst(6).split(separator: " ").map(String.init)
            } else if words.hasPrefix("status "), let value = Int32(words.dropFirst(7).trimmingCharacters(in: .whitespaces)) {
                status = value
            } else {
                directiveError = "unknown doc-test directive '\(words)'; expected skip REASON, needs PROGRAM or status N"
            }
        }
    }
}
