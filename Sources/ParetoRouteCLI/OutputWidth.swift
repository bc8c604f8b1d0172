import Foundation

/// How wide text output may be: `--wide`, `--width N`, or the terminal's width.
///
/// Text for people fits the terminal it is read in; piped or redirected output keeps
/// every column (nothing is cut or wrapped), so scripts and saved outputs do not change.
enum OutputWidth {
    /// The options every command takes, as help lines whose descriptions start at
    /// `column` (the command's own options' column, so the help reads as one table).
    static func help(column: Int) -> String {
        let entries: [(String, [String])] = [
            ("--width N", ["fit text output to N columns (default: the terminal's",
                           "width, or COLUMNS; as wide as needed when stdout is not",
                           "a terminal)"]),
            ("--wide", ["never cut or wrap text output"]),
        ]
        var lines: [String] = []
        for (option, description) in entries {
            for (k, text) in description.enumerated() {
                let head = k == 0 ? "  " + option : ""
                lines.append(head + String(repeating: " ", count: max(2, column - head.count)) + text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The column where the descriptions of `help`'s first option line start (26 when none).
    static func descriptionColumn(of help: String) -> Int {
        for line in help.split(separator: "\n") where line.hasPrefix("  --") {
            let characters = Array(line)
            var i = 2
            while i + 1 < characters.count, !(characters[i] == " " && characters[i + 1] == " ") { i += 1 }
            while i < characters.count, characters[i] == " " { i += 1 }
            return i
        }
        return 26
    }

    /// Removes `--width N`, `--width=N` and `--wide` from `arguments` and returns the width:
    /// nil with `--wide`; N with `--width`; else, when stdout is a terminal, `COLUMNS` (an
    /// integer ≥ 20) or the terminal's own width (80 when unknown); else nil.
    static func extract(from arguments: inout [String], environment: [String: String], stdoutIsTerminal: Bool,
                        terminalColumns: () -> Int?) throws -> Int? {
        var width: Int?
        var wide = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--wide" {
                wide = true
                arguments.remove(at: index)
            } else if argument == "--width" || argument.hasPrefix("--width=") {
                let text: String
                if argument == "--width" {
                    guard index + 1 < arguments.count else { throw UsageError("--width needs a value") }
                    text = arguments[index + 1]
                    arguments.removeSubrange(index...(index + 1))
                } else {
                    text = String(argument.dropFirst("--width=".count))
                    arguments.remove(at: index)
                }
                guard !text.hasPrefix("+"), let columns = Int(text), columns >= 20, columns <= 10_000 else {
                    throw UsageError("--width '\(text)' is not an integer in [20, 10000]")
                }
                width = columns
            } else {
                index += 1
            }
        }
        if wide { return nil }
        if let width { return width }
        guard stdoutIsTerminal else { return nil }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns >= 20 { return columns }
        return terminalColumns() ?? 80
    }

    /// The width of the terminal on stdout, if it reports one.
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
