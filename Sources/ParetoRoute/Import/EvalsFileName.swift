/// Names the evals file an import adds: `NNNN-<stem>.csv`, sorting after every existing file.
///
/// The supersede rule lets a later file replace a cell's rows, and "later" is the byte
/// order of file names. So the new file takes the largest leading number in `evals/` plus
/// one (four digits at least), and an existing name that would still sort after it (an
/// unnumbered `run-9.csv`, a `12-x.csv` beside the new `0013-…`) is an error rather than
/// a file that silently loses to an older one.
package enum EvalsFileName {
    /// The file name for `stem` among `existing` names of `evals/` (only `*.csv` count).
    package static func next(stem: String, existing: [String]) throws -> String {
        let csvs = existing.filter { $0.hasSuffix(".csv") }
        let largest = csvs.compactMap(leadingNumber).max() ?? 0
        var number = String(largest + 1)
        if number.count < 4 { number = String(repeating: "0", count: 4 - number.count) + number }
        let name = number + "-" + stem + ".csv"
        if let later = csvs.filter({ Array(name.utf8).lexicographicallyPrecedes(Array($0.utf8)) }).sorted().last {
            throw DataError(.badRequest, file: "evals/" + later,
                            "sorts after the new file \(name), so its rows would still replace the import's; expected every evals file to start with a number of \(number.count) digits (rename it to sort before \(name), and import again)")
        }
        return name
    }

    /// The stem for `tool` and `date` (`inspect-2026-12-02`), or the tool alone without a date.
    package static func stem(tool: EvalTool, date: String?) -> String {
        date.map { "\(tool.rawValue)-\($0)" } ?? tool.rawValue
    }

    /// Whether `name` is usable as a stem: letters, digits, `.`, `_`, `-`, not starting with `.`.
    package static func isValidStem(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.utf8.count <= 200
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// The digits a name starts with, as a number (nil when it starts with none, or too many).
    static func leadingNumber(_ name: String) -> Int? {
        let digits = name.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        return Int(digits)
    }
}
