import Foundation

/// The output a doc shows, as a pattern over the lines a command prints: `…` alone on a line
/// stands for any number of lines, a line ending in `…` for one line starting with the text
/// before it, any other line for itself. Trailing spaces never count.
struct DocOutputPattern: Sendable, Equatable {
    /// One shown line.
    enum Item: Sendable, Equatable {
        /// A line shown whole.
        case line(String)
        /// A line cut: the text before its `…`, trailing spaces kept.
        case prefix(String)
        /// Lines left out; the shown text (`…`, perhaps indented) is kept for rewriting.
        case gap(String)
    }

    var items: [Item]

    init(shown: [String]) {
        items = shown.map { raw in
            let line = Self.trimmingTrailingSpaces(raw)
            if line.trimmingCharacters(in: .whitespaces) == "…" { return .gap(line) }
            if line.hasSuffix("…") { return .prefix(String(line.dropLast())) }
            return .line(line)
        }
    }

    /// The lines of a command's output: split at line breaks, the final empty line dropped,
    /// trailing spaces removed.
    static func lines(of output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { trimmingTrailingSpaces(String($0)) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
        return line
    }

    /// Whether the pattern matches these lines (from ``lines(of:)``).
    func matches(_ actual: [String]) -> Bool {
        // reachable[j]: the items so far can match exactly actual[0..<j].
        var reachable = [Bool](repeating: false, count: actual.count + 1)
        reachable[0] = true
        for item in items {
            var next = [Bool](repeating: false, count: actual.count + 1)
            switch item {
            case .gap:
                var any = false
                for j in 0...actual.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .line(let text):
                for j in 0..<actual.count where reachable[j] && actual[j] == text { next[j + 1] = true }
            case .prefix(let text):
                for j in 0..<actual.count where reachable[j] && actual[j].hasPrefix(text) { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[actual.count]
    }

    /// The index of the first shown item no alignment gets past, for a mismatch report.
    func firstMismatch(_ actual: [String]) -> Int? {
        var reachable = [Bool](repeating: false, count: actual.count + 1)
        reachable[0] = true
        for (index, item) in items.enumerated() {
            var next = [Bool](repeating: false, count: actual.count + 1)
            switch item {
            case .gap:
                var any = false
                for j in 0...actual.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .line(let text):
                for j in 0..<actual.count where reachable[j] && actual[j] == text { next[j + 1] = true }
            case .prefix(let text):
                for j in 0..<actual.count where reachable[j] && actual[j].hasPrefix(text) { next[j + 1] = true }
            }
            if !next.contains(true) { return index }
            reachable = next
        }
        return reachable[actual.count] ? nil : items.count
    }

    /// The shown lines rewritten to match `actual`, keeping what was shown where the output still
    /// has such a line, and leaving out what was left out. Lines are aligned by their shape (the
    /// text with every number replaced): a shown line becomes the output line it aligns with, a
    /// cut line is cut again at the same place (the same number of `; ` or `, ` separators, else
    /// the same length), a `…` takes the lines it spans, and an output line no shown line or `…`
    /// accounts for is shown whole. Unchanged when the pattern still matches; the whole output
    /// when the rewrite would not match it (it always should).
    func updated(to actual: [String]) -> [String] {
        if matches(actual) { return items.map(Self.text) }
        let n = items.count, m = actual.count
        // Costs: same text 0, same shape 20, other text 81–99 (less the longer the two shapes'
        // common start), a shown line dropped 80, an output line shown that was not 80, a line
        // inside a `…` 20. So a shown line takes the output line at its place rather than being
        // dropped for a `…` to swallow it (< 80 + 20), but a new line is shown, not put in place
        // of a shown line that then lands in a `…` (> 80 + 20 − 20), and of two lines a shown
        // line could take, it takes the one that starts most like it (the knee's `717*` row).
        let unreachable = Int.max / 4
        var cost = [[Int]](repeating: [Int](repeating: unreachable, count: m + 1), count: n + 1)
        cost[n][m] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) where !(i == n && j == m) {
                var best = unreachable
                if j < m { best = min(best, cost[i][j + 1] + (i < n && isGap(items[i]) ? 20 : 80)) }
                if i < n {
                    if isGap(items[i]) {
                        best = min(best, cost[i + 1][j])
                    } else {
                        best = min(best, cost[i + 1][j] + 80)
                        if j < m { best = min(best, cost[i + 1][j + 1] + matchCost(items[i], actual[j])) }
                    }
                }
                cost[i][j] = best
            }
        }
        var result: [String] = []
        func appendGap(_ text: String) {
            if let last = result.last, last.trimmingCharacters(in: .whitespaces) == "…" { return }
            result.append(text)
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, isGap(items[i]) {
                if j < m, cost[i][j] == cost[i][j + 1] + 20 {
                    appendGap(Self.text(items[i]))
                    j += 1
                } else {
                    i += 1
                }
                continue
            }
            if i < n, j < m, cost[i][j] == cost[i + 1][j + 1] + matchCost(items[i], actual[j]) {
                result.append(rewritten(items[i], as: actual[j]))
                i += 1; j += 1
            } else if i < n, cost[i][j] == cost[i + 1][j] + 80 {
                i += 1
            } else {
                result.append(actual[j])
                j += 1
            }
        }
        return DocOutputPattern(shown: result).matches(actual) ? result : actual
    }

    private func isGap(_ item: Item) -> Bool {
        if case .gap = item { return true }
        return false
    }

    private func matchCost(_ item: Item, _ line: String) -> Int {
        switch item {
        case .gap: return 0
        case .line(let text):
            if text == line { return 0 }
            let (a, b) = (Self.shape(text), Self.shape(line))
            return a == b ? 20 : 99 - min(18, Self.commonStart(a, b) / 4)
        case .prefix(let text):
            if line.hasPrefix(text) { return 0 }
            let (a, b) = (Self.shape(text), Self.shape(line))
            return b.hasPrefix(a) ? 20 : 99 - min(18, Self.commonStart(a, b) / 4)
        }
    }

    /// The number of characters two texts start with in common.
    private static func commonStart(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    /// A shown item rewritten to show `line`.
    private func rewritten(_ item: Item, as line: String) -> String {
        guard case .prefix(let text) = item else { return line }
        if line.hasPrefix(text) { return text + "…" }
        for separator in ["; ", ", "] where text.hasSuffix(separator) {
            let count = text.components(separatedBy: separator).count - 1
            var searchStart = line.startIndex
            var found = 0
            while let range = line.range(of: separator, range: searchStart..<line.endIndex) {
                found += 1
                searchStart = range.upperBound
                if found == count { break }
            }
            if found == count, searchStart < line.endIndex { return String(line[..<searchStart]) + "…" }
            return line
        }
        return line.count > text.count ? String(line.prefix(text.count)) + "…" : line
    }

    private static func text(_ item: Item) -> String {
        switch item {
        case .line(let text): return text
        case .prefix(let text): return text + "…"
        case .gap(let text): return text
        }
    }

    /// The line with every number (digits, with the `,` and `.` between them) replaced by `#`.
    static func shape(_ line: String) -> String {
        var result = ""
        var inNumber = false
        var pending = ""
        for character in line {
            if character.isASCII, character.isNumber {
                if !inNumber { result += "#" }
                inNumber = true
                pending = ""
            } else if inNumber, character == "," || character == "." {
                pending.append(character)
            } else {
                if inNumber { result += pending }
                inNumber = false
                pending = ""
                result.append(character)
            }
        }
        if inNumber { result += pending }
        return result
    }
}
