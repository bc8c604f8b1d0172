import Foundation

/// Loads a data directory of the golden data format, version 1, into a ``CellTable``.
///
/// Files: `models.csv`, `intents.csv`, and either `evals.csv` or a directory `evals/`
/// whose `*.csv` files are read in lexical byte order, a later file's rows for a cell
/// replacing all earlier rows of that cell. The fingerprint is FNV-1a 64 over, for
/// each file read in lexical order of its path relative to the directory, the path's
/// UTF-8 bytes, one 0 byte, and the file's bytes.
public enum GoldenDataLoader {
    /// Reads and checks the data directory at `directory`.
    ///
    /// - Parameter keepingSamples: keep every cell's per-sample qualities, latencies and
    ///   token pairs (24 bytes per sample more), which the bootstrap of
    ///   ``CellTable/applyingConfidence(_:seed:)`` and the cost projection (``CostProjector``)
    ///   need; off by default so a load stays at a few bytes per row.
    /// - Throws: ``DataError`` (`.missingInput` no directory or file, `.readFailure`, `.badData` naming file, line and column) or ``DataErrors`` for several empty fields of models.csv and intents.csv.
    /// - Parameter laterEvalsFile: an evals file read after the directory's own, as the next run
    ///   (its cells supersede); `compare` lays new scores over a directory this way.
    /// - Parameter keepingSampleIDs: with `keepingSamples`, also keep each sample's id (a string
    ///   per row), which `compare` (its regression list names samples) and routes pay for; the
    ///   bootstrap, the projection and `validate --power` (it pairs on 8-byte hashes) do not.
    ///   Data with a routers.csv always keeps both: its searches consider routes.
    public static func load(directory: String, keepingSamples: Bool = false, keepingSampleIDs: Bool = false,
                            laterEvalsFile: String? = nil) throws -> CellTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DataError(.missingInput, file: directory, "no such data directory")
        }
        guard isDirectory.boolValue else {
            throw DataError(.badData, file: directory, "is a file; expected a data directory")
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let evalFiles = try listEvalFiles(base: base)

        var emptyFields: [DataError] = []
        let models = try readModels(path: base + "models.csv", empty: &emptyFields)
        let intents = try readIntents(path: base + "intents.csv", empty: &emptyFields)
        try DataErrors.throwIfAny(emptyFields)

        // Data with a routers.csv is routed by default, and a route is evaluated sample by
        // sample: its samples and ids are kept whatever the caller asked.
        let routed = FileManager.default.fileExists(atPath: base + "routers.csv")
        var reader = EvalsReader(models: models, intents: intents, keepsSamples: keepingSamples || routed,
                                 keepsSampleIDs: (keepingSamples && keepingSampleIDs) || routed)
        if let later = laterEvalsFile, !FileManager.default.fileExists(atPath: later) {
            throw DataError(.missingInput, file: later, "no such evals file")
        }
        // The directory's evals in order, then the later file (named by its own path) as the next run.
        let runs = evalFiles.map { (path: base + $0, name: $0) } + (laterEvalsFile.map { [(path: $0, name: $0)] } ?? [])
        var fingerprint = FNV1a64()
        for run in runs {
            fingerprint.combine(Array(run.name.utf8) + [0])
            var hasher: FNV1a64? = fingerprint
            try reader.read(path: run.path, displayName: run.name, hasher: &hasher)
            fingerprint = hasher ?? fingerprint
        }
        // Lexical order of relative paths: evals… < intents.csv < models.csv < router_costs.csv < routers.csv
        // (the last two only when present, so version-1 data keeps its fingerprint).
        fingerprint = chain(fingerprint, name: "intents.csv", path: base + "intents.csv")
        fingerprint = chain(fingerprint, name: "models.csv", path: base + "models.csv")
        let routerScores = try RoutersReader.read(base: base, intents: intents)
        var routerFiles: [String] = []
        for name in ["router_costs.csv", "routers.csv"] where FileManager.default.fileExists(atPath: base + name) {
            fingerprint = chain(fingerprint, name: name, path: base + name)
            routerFiles.append(name)
        }

        let (cells, samples) = try reader.finish()
        var warnings: [String] = reader.shrunkCells.map(\.warning)
        for (i, intentCells) in cells.enumerated() {
            let single = intentCells.filter { !$0.hasQualityStandardError }
            if !single.isEmpty {
                warnings.append("\(intents[i].name): \(single.count) cell(s) rest on a single sample (\(single.prefix(3).map(\.setting.description).joined(separator: ", "))\(single.count > 3 ? ", …" : "")); their quality mean has no standard error and clears no floor with margin under --confidence")
            }
            let thin = intentCells.filter { $0.sampleCount < 100 }
            if !thin.isEmpty {
                warnings.append("\(intents[i].name): \(thin.count) cell(s) have fewer than 100 samples; their P99 rests on the largest one or two latencies (fewest: \(thin.map(\.sampleCount).min() ?? 0))")
            }
        }
        var table = CellTable(models: models, intents: intents, cells: cells, fingerprint: fingerprint.hexDigest,
                              files: evalFiles + (laterEvalsFile.map { [$0] } ?? []) + ["intents.csv", "models.csv"] + routerFiles, rowCount: reader.rowCount,
                              warnings: warnings)
        // Every configuration's cost must be a finite sum.
        guard table.dearestMonthlyCostUSD.isFinite else {
            throw DataError(file: "models.csv", field: "monthly_fixed_usd",
                            "the dearest configuration's monthly cost (cells plus fees) overflows a Double; expected smaller prices, fees and volumes")
        }
        table.samples = samples
        table.shrunkCells = reader.shrunkCells
        table.routerScores = routerScores
        return table
    }

    /// Re-hashes a small file after the evals: intents.csv and models.csv sort after `evals`.
    private static func chain(_ running: FNV1a64, name: String, path: String) -> FNV1a64 {
        var hash = running
        hash.combine(Array(name.utf8) + [0])
        // Through InputFile like every read: a file swapped for a FIFO meanwhile cannot hang.
        if let bytes = try? InputFile.bytes(path: path, displayName: name, expected: "a CSV file", limit: InputFile.Limit.unlimited) {
            hash.combine(bytes)
        }
        return hash
    }

    private static func listEvalFiles(base: String) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let hasFile = manager.fileExists(atPath: base + "evals.csv")
        let hasDirectory = manager.fileExists(atPath: base + "evals", isDirectory: &isDirectory) && isDirectory.boolValue
        if hasFile && hasDirectory {
            throw DataError(file: "evals.csv", "both evals.csv and evals/ exist; expected exactly one of them")
        }
        if hasFile { return ["evals.csv"] }
        guard hasDirectory else {
            throw DataError(.missingInput, file: "evals.csv", "no such file (nor an evals/ directory)")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: base + "evals")
        } catch {
            throw DataError(.readFailure, file: "evals/", "cannot list the directory")
        }
        let csvs = names.filter { $0.hasSuffix(".csv") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !csvs.isEmpty else {
            throw DataError(.missingInput, file: "evals/", "holds no *.csv file; expected at least one evals file")
        }
        return csvs.map { "evals/" + $0 }
    }

    private static func readModels(path: String, empty: inout [DataError]) throws -> [Model] {
        var hasher: FNV1a64?
        let file = "models.csv"
        var models: [Model] = []
        var parser: FieldParser?
        var columns: (model: Int, input: Int, output: Int, fee: Int?) = (0, 0, 0, nil)
        var cacheColumns: (read: Int?, write: Int?, providerIDs: Int?) = (nil, nil, nil)
        var firstLine: [String: Int] = [:]
        try CSVFile.forEachRecord(path: path, displayName: file, hasher: &hasher) { record in
            guard let fields = parser else {
                let header = try CSVHeader(record, file: file)
                columns = (try header.require("model"), try header.require("input_usd_per_mtok"),
                           try header.require("output_usd_per_mtok"), header.optional("monthly_fixed_usd"))
                cacheColumns = (header.optional("cache_read_usd_per_mtok"), header.optional("cache_write_usd_per_mtok"),
                                header.optional("provider_ids"))
                parser = FieldParser(file: file, header: header)
                return
            }
            try fields.header.checkWidth(record)
            let name = try fields.text(record, columns.model)
            if let line = firstLine[name] {
                throw fields.error(record, columns.model, "model '\(name)' appears again (first on line \(line)); expected unique names")
            }
            firstLine[name] = record.line
            let input = try fields.fillableDouble(record, columns.input, expected: "a number >= 0", subject: "model '\(name)'", empty: &empty) { $0 >= 0 }
            let output = try fields.fillableDouble(record, columns.output, expected: "a number >= 0", subject: "model '\(name)'", empty: &empty) { $0 >= 0 }
            let fee = try fields.optionalDouble(record, columns.fee, expected: "a number >= 0 or empty") { $0 >= 0 } ?? 0
            let read = try fields.optionalDouble(record, cacheColumns.read, expected: "a number >= 0 or empty") { $0 >= 0 }
            let write = try fields.optionalDouble(record, cacheColumns.write, expected: "a number >= 0 or empty") { $0 >= 0 }
            let ids = try cacheColumns.providerIDs.map { column -> [String] in
                guard let text = record.string(at: column) else {
                    throw fields.error(record, column, "is not valid UTF-8; expected identifiers separated by spaces")
                }
                return text.split(separator: " ").map(String.init)
            } ?? []
            models.append(Model(name: name, prices: PriceCard(input: input, output: output, cacheRead: read, cacheWrite: write),
                                monthlyFixedUSD: fee, providerIDs: ids))
        }
        guard !models.isEmpty else { throw DataError(file: file, line: 2, "no model rows; expected at least one model") }
        return models
    }

    private static func readIntents(path: String, empty: inout [DataError]) throws -> [Intent] {
        var hasher: FNV1a64?
        let file = "intents.csv"
        var intents: [Intent] = []
        var parser: FieldParser?
        var columns = [Int]()
        var weightColumn: Int?
        var shareColumn: Int?
        var firstLine: [String: Int] = [:]
        try CSVFile.forEachRecord(path: path, displayName: file, hasher: &hasher) { record in
            guard let fields = parser else {
                let header = try CSVHeader(record, file: file)
                columns = try ["intent", "daily_volume", "cache_hit_rate", "min_quality", "max_p99_latency_ms"]
                    .map { try header.require($0) }
                weightColumn = header.optional("quality_weight")
                shareColumn = header.optional("prompt_cache_read_share")
                parser = FieldParser(file: file, header: header)
                return
            }
            try fields.header.checkWidth(record)
            let name = try fields.text(record, columns[0])
            if let line = firstLine[name] {
                throw fields.error(record, columns[0], "intent '\(name)' appears again (first on line \(line)); expected unique names")
            }
            firstLine[name] = record.line
            let subject = "intent '\(name)'"
            let volume = try fields.fillableDouble(record, columns[1], expected: "a number > 0", subject: subject, empty: &empty) { $0 > 0 }
            let cache = try fields.fillableDouble(record, columns[2], expected: "a number in [0, 1)", subject: subject, empty: &empty) { $0 >= 0 && $0 < 1 }
            let floor = try fields.fillableDouble(record, columns[3], expected: "a number in [0, 1]", subject: subject, empty: &empty) { $0 >= 0 && $0 <= 1 }
            let cap = try fields.fillableDouble(record, columns[4], expected: "a number > 0", subject: subject, empty: &empty) { $0 > 0 }
            let weight = try fields.optionalDouble(record, weightColumn, expected: "a number >= 0 or empty") { $0 >= 0 }
            let share = try fields.optionalDouble(record, shareColumn, expected: "a number in [0, 1] or empty") { $0 >= 0 && $0 <= 1 }
            intents.append(Intent(name: name, dailyVolume: volume, responseCacheHitRate: cache, minQuality: floor,
                                  maxP99LatencyMs: cap, qualityWeight: weight, promptCacheReadShare: share, sourceLine: record.line))
        }
        guard !intents.isEmpty else { throw DataError(file: file, line: 2, "no intent rows; expected at least one intent") }
        // Placeholder zeros of empty fields would fail the weight checks; the empty fields are reported instead.
        guard empty.isEmpty else { return intents }
        guard intents.contains(where: { $0.qualityWeight > 0 }) else {
            throw DataError(file: file, field: "quality_weight", "every quality weight is 0; expected at least one positive weight")
        }
        guard intents.reduce(0, { $0 + $1.qualityWeight }).isFinite else {
            throw DataError(file: file, field: "quality_weight", "the quality weights sum to more than a Double holds; expected weights below about 1e300")
        }
        return intents
    }
}
