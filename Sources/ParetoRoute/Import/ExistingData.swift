import Foundation

/// What a data directory already holds, as far as an import needs it: the names in
/// models.csv and intents.csv, the evals files, and each cell's sample count after the
/// supersede rule.
///
/// It reads only names and cell keys, not prices or figures, so it works on a directory
/// whose models.csv and intents.csv a person has not filled in yet.
struct ExistingData {
    /// Names in models.csv, or nil when the file does not exist.
    var models: [String]?
    /// Names in intents.csv, or nil when the file does not exist.
    var intents: [String]?
    /// The `*.csv` names in `evals/`.
    var evalFiles: [String] = []
    /// Rows per cell, the last file mentioning a cell winning.
    var cellCounts: [ImportedCell: Int] = [:]

    /// Reads `directory` (which may not exist yet).
    static func read(directory base: String) throws -> ExistingData {
        let manager = FileManager.default
        var data = ExistingData()
        data.models = try names(path: base + "models.csv", file: "models.csv", column: "model")
        data.intents = try names(path: base + "intents.csv", file: "intents.csv", column: "intent")
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: base + "evals", isDirectory: &isDirectory), isDirectory.boolValue else { return data }
        do {
            data.evalFiles = try manager.contentsOfDirectory(atPath: base + "evals").filter { $0.hasSuffix(".csv") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw DataError(.readFailure, file: "evals/", "cannot list the directory")
        }
        for file in data.evalFiles {
            for (cell, count) in try cells(path: base + "evals/" + file, file: "evals/" + file) {
                data.cellCounts[cell] = count
            }
        }
        return data
    }

    private static func names(path: String, file: String, column: String) throws -> [String]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var hasher: FNV1a64?
        var names: [String] = []
        var parser: FieldParser?
        var index = 0
        try CSVFile.forEachRecord(path: path, displayName: file, hasher: &hasher) { record in
            guard let fields = parser else {
                let header = try CSVHeader(record, file: file)
                index = try header.require(column)
                parser = FieldParser(file: file, header: header)
                return
            }
            try fields.header.checkWidth(record)
            names.append(try fields.text(record, index))
        }
        return names
    }

    private static func cells(path: String, file: String) throws -> [ImportedCell: Int] {
        var hasher: FNV1a64?
        var counts: [ImportedCell: Int] = [:]
        var parser: FieldParser?
        var c: [Int] = []
        try CSVFile.forEachRecord(path: path, displayName: file, hasher: &hasher) { record in
            guard let fields = parser else {
                let header = try CSVHeader(record, file: file)
                c = try ["intent", "model", "max_tokens", "temperature", "rag_chunks"].map { try header.require($0) }
                parser = FieldParser(file: file, header: header)
                return
            }
            try fields.header.checkWidth(record)
            let setting = Setting(model: try fields.text(record, c[1]),
                                  maxTokens: try fields.int(record, c[2], expected: "an integer > 0") { $0 > 0 },
                                  temperature: try fields.double(record, c[3], expected: "a number >= 0") { $0 >= 0 },
                                  ragChunks: try fields.int(record, c[4], expected: "an integer >= 0") { $0 >= 0 })
            counts[ImportedCell(intent: try fields.text(record, c[0]), setting: setting), default: 0] += 1
        }
        return counts
    }
}
