/// A table for people that fits a width: every column as wide as its longest entry,
/// right-aligned figures ending under their headers, and, when a width is given and the
/// table is too wide, dropped columns (lowest rank first), then compact headers, then one
/// column cut with `…`.
///
/// Terminal output must fit the terminal, and pipes must keep everything: with no width
/// the table is rendered whole.
package struct TextTable: Sendable {
    /// How a column's entries line up.
    package enum Alignment: Sendable {
        /// Text, padded on the right.
        case left
        /// Figures, padded on the left so they end under the header's end.
        case right
    }

    /// One column.
    package struct Column: Sendable {
        /// The header.
        package var header: String
        /// A shorter header used when the table does not fit (`tokens` for `max_tokens`).
        package var compactHeader: String?
        /// How entries line up.
        package var alignment: Alignment
        /// Columns with a drop rank go, lowest rank first, when the table still does not fit.
        package var dropRank: Int?
        /// Whether this column is cut with `…` as a last resort (one column at most).
        package var cuttable: Bool

        /// Creates a column.
        package init(_ header: String, compact: String? = nil, _ alignment: Alignment = .left,
                    dropRank: Int? = nil, cuttable: Bool = false) {
            self.header = header
            self.compactHeader = compact
            self.alignment = alignment
            self.dropRank = dropRank
            self.cuttable = cuttable
        }
    }

    /// The columns.
    package var columns: [Column]
    /// The rows, one entry per column.
    package var rows: [[String]]
    /// Text before every line (e.g. two spaces).
    package var indent: String

    /// Creates a table.
    package init(columns: [Column], rows: [[String]] = [], indent: String = "") {
        self.columns = columns
        self.rows = rows
        self.indent = indent
    }

    /// The header line and the rows, fitted to `width` columns when given.
    /// - Complexity: O(rows × columns).
    package func lines(width: Int? = nil) -> [String] {
        let layout = self.layout(width: width)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, c) in layout.kept.enumerated() {
                var text = c < cells.count ? cells[c] : ""
                if columns[c].cuttable, let cut = layout.cutWidth, text.count > cut { text = String(text.prefix(cut - 1)) + "…" }
                let isLast = k == layout.kept.count - 1
                switch columns[c].alignment {
                case .left: parts.append(isLast ? text : pad(text, layout.sizes[k]))
                case .right: parts.append(padLeft(text, layout.sizes[k]))
                }
            }
            return indent + parts.joined(separator: "  ")
        }
        return [line(layout.headers)] + rows.map(line)
    }

    /// Whether fitting the table to `width` would cut entries with `…` (callers first try
    /// shorter entries, e.g. a shorter models summary).
    package func needsCut(width: Int?) -> Bool {
        layout(width: width).cutWidth != nil
    }

    private func layout(width: Int?) -> (kept: [Int], headers: [String], sizes: [Int], cutWidth: Int?) {
        var headers = columns.map(\.header)
        var kept = Array(columns.indices)
        func widths() -> [Int] {
            kept.map { c in max(headers[c].count, rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0) }
        }
        func total(_ widths: [Int]) -> Int {
            indent.count + widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        }
        var sizes = widths()
        var cutWidth: Int?
        if let width, total(sizes) > width {
            let droppable = kept.filter { columns[$0].dropRank != nil }.sorted { (columns[$0].dropRank ?? 0) < (columns[$1].dropRank ?? 0) }
            for column in droppable where total(sizes) > width {
                kept.removeAll { $0 == column }
                sizes = widths()
            }
            if total(sizes) > width {
                headers = columns.map { $0.compactHeader ?? $0.header }
                sizes = widths()
            }
            if total(sizes) > width, let k = kept.firstIndex(where: { columns[$0].cuttable }) {
                sizes[k] = max(headers[kept[k]].count, max(4, sizes[k] - (total(sizes) - width)))
                cutWidth = sizes[k]
            }
        }
        return (kept, headers, sizes, cutWidth)
    }
}

/// Wraps `line` to `width` columns at spaces, preferring to break after a `,` or `;` in
/// the second half of the line so that list items stay whole; continuation lines start
/// with `indent` spaces more than the line's own leading spaces. A word longer than a line
/// stays whole. With no width the line is returned as is. `listBreaks: false` fills each
/// line greedily instead (prose, where a comma is no item boundary).
package func wrapText(_ line: String, width: Int?, indent: Int = 4, listBreaks: Bool = true) -> [String] {
    guard let width, line.count > width else { return [line] }
    let lead = line.prefix { $0 == " " }.count
    let prefix = String(repeating: " ", count: lead + indent)
    var lines: [String] = []
    var words: [Substring] = []
    var start = String(repeating: " ", count: lead)
    func length(_ words: [Substring]) -> Int { start.count + words.reduce(0) { $0 + $1.count } + max(0, words.count - 1) }
    for word in line.dropFirst(lead).split(separator: " ", omittingEmptySubsequences: false) {
        // A break after a comma carries words over, which may still not leave room: break again.
        while !words.isEmpty, length(words + [word]) > width {
            // Break after the last `,`/`;` in the second half of the line, else here.
            var cut = words.count
            if listBreaks, let k = words.indices.last(where: { $0 > 0 && (words[$0 - 1].hasSuffix(",") || words[$0 - 1].hasSuffix(";")) }),
               length(Array(words[..<k])) * 2 >= width {
                cut = k
            }
            lines.append(start + words[..<cut].joined(separator: " "))
            words = Array(words[cut...])
            start = prefix
        }
        words.append(word)
    }
    lines.append(start + words.joined(separator: " "))
    return lines
}

/// Every line of `text` wrapped to `width` (see ``wrapText(_:width:indent:)``).
package func wrapLines(_ text: String, width: Int?) -> String {
    guard width != nil else { return text }
    let endsWithNewline = text.hasSuffix("\n")
    let body = endsWithNewline ? String(text.dropLast()) : text
    let wrapped = body.split(separator: "\n", omittingEmptySubsequences: false)
        .flatMap { wrapText(String($0), width: width) }.joined(separator: "\n")
    return endsWithNewline ? wrapped + "\n" : wrapped
}
