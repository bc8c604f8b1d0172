/// Streams evals files into per-cell accumulators and applies the supersede rule.
///
/// Intent and model names are matched on their bytes (remembering the previous row's
/// match, since rows come grouped), so no string is made per row.
struct EvalsReader {
    let models: [Model]
    let intents: [Intent]
    let modelBytes: [[UInt8]]
    let intentBytes: [[UInt8]]
    private var cells: [CellKey: (CellAccumulator, Setting)] = [:]
    private(set) var rowCount = 0
    /// Cells a later file replaced with far fewer samples, in the order met (see ``read``).
    private(set) var shrunkCells: [ShrunkCell] = []
    let keepsSamples: Bool
    let keepsSampleIDs: Bool

    init(models: [Model], intents: [Intent], keepsSamples: Bool = false, keepsSampleIDs: Bool = false) {
        self.keepsSamples = keepsSamples
        self.keepsSampleIDs = keepsSampleIDs
        self.models = models
        self.intents = intents
        modelBytes = models.map { Array($0.name.utf8) }
        intentBytes = intents.map { Array($0.name.utf8) }
    }

    static let columnNames = [
        "intent", "model", "max_tokens", "temperature", "rag_chunks",
        "sample_id", "quality", "input_tokens", "output_tokens", "latency_ms",
    ]

    /// The cells of one evals file, in the order first met, before they supersede earlier files'.
    struct FileCells {
        var slots: [CellKey: Int] = [:]
        var accumulators: [CellAccumulator] = []
        var settings: [Setting] = []
        var keys: [CellKey] = []
        var rows = 0
    }

    /// Reads one evals file; its cells replace earlier files' rows for the same cells.
    ///
    /// A file without any `"` is parsed on every core (``readInParallel``); a file with quotes, or
    /// one the parallel pass finds any defect in, is read by the sequential parser, which names the
    /// first defect (file, line, column) exactly as it always has. Both give the same bytes.
    mutating func read(path: String, displayName: String, hasher: inout FNV1a64?,
                       parallelism: LoadParallelism = .standard) throws {
        if parallelism.isParallel,
           let (file, hash) = readInParallel(path: path, displayName: displayName, hasher: hasher, parallelism: parallelism) {
            hasher = hash
            commit(file, displayName: displayName)
            return
        }
        try readSequentially(path: path, displayName: displayName, hasher: &hasher)
    }

    /// The streaming reader: one thread, every defect named where it sits.
    private mutating func readSequentially(path: String, displayName: String, hasher: inout FNV1a64?) throws {
        var fileCells: [CellKey: Int] = [:]
        var accumulators: [CellAccumulator] = []
        var settings: [Setting] = []
        var keys: [CellKey] = []
        var parser: FieldParser?
        var c = [Int](repeating: 0, count: 10)
        var cacheRead: Int?, cacheWrite: Int?
        var lastIntent = -1, lastModel = -1
        var lastKey: CellKey?
        var lastSlot = -1
        var rows = 0
        let keepsSamples = self.keepsSamples
        let keepsSampleIDs = self.keepsSampleIDs
        let models = self.models, intents = self.intents
        let modelBytes = self.modelBytes, intentBytes = self.intentBytes

        func lookup(_ bytes: UnsafeBufferPointer<UInt8>, in names: [[UInt8]], last: inout Int) -> Int? {
            if last >= 0, names[last].elementsEqual(bytes) { return last }
            guard let found = names.firstIndex(where: { $0.elementsEqual(bytes) }) else { return nil }
            last = found
            return found
        }

        try CSVFile.forEachRecord(path: path, displayName: displayName, hasher: &hasher) { record in
            guard let fields = parser else {
                let header = try CSVHeader(record, file: displayName)
                c = try Self.columnNames.map { try header.require($0) }
                cacheRead = header.optional("cache_read_tokens")
                cacheWrite = header.optional("cache_write_tokens")
                parser = FieldParser(file: displayName, header: header)
                return
            }
            try fields.header.checkWidth(record)
            rows += 1
            guard let intent = lookup(record[c[0]], in: intentBytes, last: &lastIntent) else {
                throw fields.error(record, c[0], "'\(record.string(at: c[0]) ?? "?")' is not in intents.csv; expected one of \(intents.map(\.name).joined(separator: ", "))")
            }
            guard let model = lookup(record[c[1]], in: modelBytes, last: &lastModel) else {
                throw fields.error(record, c[1], "'\(record.string(at: c[1]) ?? "?")' is not in models.csv; expected one of \(models.map(\.name).joined(separator: ", "))")
            }
            let maxTokens = try fields.int(record, c[2], expected: "an integer > 0") { $0 > 0 }
            var temperature = try fields.double(record, c[3], expected: "a number >= 0") { $0 >= 0 }
            if temperature == 0 { temperature = 0 }
            let rag = try fields.int(record, c[4], expected: "an integer >= 0") { $0 >= 0 }
            let sampleBytes = record[c[5]]
            if sampleBytes.contains(where: { $0 >= 0x80 }), record.string(at: c[5]) == nil {
                throw fields.error(record, c[5], "is not valid UTF-8; expected a sample identifier")
            }
            let quality = try fields.double(record, c[6], expected: "a number in [0, 1]") { $0 >= 0 && $0 <= 1 }
            let input = try fields.int(record, c[7], expected: "an integer >= 0") { $0 >= 0 }
            let output = try fields.int(record, c[8], expected: "an integer >= 0") { $0 >= 0 }
            guard output <= maxTokens else {
                throw fields.error(record, c[8], "value \(output) exceeds max_tokens \(maxTokens); expected output_tokens <= max_tokens")
            }
            let latency = try fields.double(record, c[9], expected: "a number >= 0") { $0 >= 0 }
            let read = try fields.optionalInt(record, cacheRead, fallback: 0, expected: "an integer >= 0 or empty") { $0 >= 0 }
            let write = try fields.optionalInt(record, cacheWrite, fallback: 0, expected: "an integer >= 0 or empty") { $0 >= 0 }

            let key = CellKey(intent: intent, model: model, maxTokens: maxTokens,
                              temperatureBits: temperature.bitPattern, ragChunks: rag)
            let slot: Int
            if key == lastKey {
                slot = lastSlot
            } else if let existing = fileCells[key] {
                slot = existing
            } else {
                slot = accumulators.count
                fileCells[key] = slot
                var accumulator = CellAccumulator(file: displayName)
                if keepsSamples { accumulator.qualities = [] }
                accumulators.append(accumulator)
                settings.append(Setting(model: models[model].name, maxTokens: maxTokens,
                                        temperature: temperature, ragChunks: rag))
                keys.append(key)
            }
            lastKey = key
            lastSlot = slot
            var hash = FNV1a64()
            hash.combine(sampleBytes)
            let inserted = accumulators[slot].sampleHashes.insert(hash.value).inserted
            guard inserted else {
                throw fields.error(record, c[5], "sample '\(record.string(at: c[5]) ?? "?")' appears twice in cell \(intents[intent].name) \(settings[slot]); expected unique sample ids within a cell of a file")
            }
            accumulators[slot].count += 1
            accumulators[slot].qualitySum += quality
            accumulators[slot].qualitySquareSum += quality * quality
            let (inputSum, inputOverflow) = accumulators[slot].inputTokenSum.addingReportingOverflow(input)
            let (outputSum, outputOverflow) = accumulators[slot].outputTokenSum.addingReportingOverflow(output)
            let (readSum, readOverflow) = accumulators[slot].cacheReadTokenSum.addingReportingOverflow(read)
            let (writeSum, writeOverflow) = accumulators[slot].cacheWriteTokenSum.addingReportingOverflow(write)
            guard !inputOverflow, !outputOverflow, !readOverflow, !writeOverflow else {
                let column = inputOverflow ? c[7] : outputOverflow ? c[8] : readOverflow ? (cacheRead ?? c[7]) : (cacheWrite ?? c[7])
                throw fields.error(record, column, "the cell's token total overflows 64 bits; expected realistic token counts")
            }
            accumulators[slot].inputTokenSum = inputSum
            accumulators[slot].outputTokenSum = outputSum
            accumulators[slot].cacheReadTokenSum = readSum
            accumulators[slot].cacheWriteTokenSum = writeSum
            accumulators[slot].latencies.append(latency)
            if keepsSamples {
                if keepsSampleIDs { accumulators[slot].sampleIDs.append(record.string(at: c[5]) ?? "") }
                accumulators[slot].sampleKeys.append(hash.value)
                accumulators[slot].qualities?.append(quality)
                accumulators[slot].inputTokens.append(input)
                accumulators[slot].outputTokens.append(output)
                if cacheRead != nil || cacheWrite != nil {
                    accumulators[slot].cacheReadTokens.append(read)
                    accumulators[slot].cacheWriteTokens.append(write)
                }
            }
        }
        commit(FileCells(slots: fileCells, accumulators: accumulators, settings: settings, keys: keys, rows: rows),
               displayName: displayName)
    }

    /// Lays a file's cells over the earlier files' (the supersede rule), noting shrunk cells.
    private mutating func commit(_ file: FileCells, displayName: String) {
        rowCount += file.rows
        cells.reserveCapacity(cells.count + file.keys.count)
        for (slot, key) in file.keys.enumerated() {
            var accumulator = file.accumulators[slot]
            accumulator.sampleHashes = []
            if let old = cells[key], ShrunkCell.isShrunk(from: old.0.count, to: accumulator.count) {
                shrunkCells.append(ShrunkCell(intent: intents[key.intent].name, setting: file.settings[slot],
                                              oldSamples: old.0.count, oldFile: old.0.file,
                                              newSamples: accumulator.count, newFile: displayName))
            }
            cells[key] = (accumulator, file.settings[slot])
        }
    }

    /// The cells of every intent (and their samples, when kept); an intent without
    /// any eval row is an error.
    func finish() throws -> (cells: [[Cell]], samples: [[CellSamples]]?) {
        var entries = [[(CellAccumulator, Setting, Int)]](repeating: [], count: intents.count)
        for (key, entry) in cells {
            entries[key.intent].append((entry.0, entry.1, key.model))
        }
        // Per intent on every core (the P99 sorts every cell's latencies); sorted here so samples
        // line up with the table's cell order, which makes the result independent of the schedule.
        let intents = self.intents, models = self.models, grouped = entries
        let perIntent = parallelMap(count: intents.count) { i in
            grouped[i].map { accumulator, setting, model in
                (accumulator.makeCell(setting: setting, modelIndex: model, intent: intents[i], model: models[model]),
                 accumulator.samples)
            }.sorted { $0.0.setting < $1.0.setting }
        }
        for (i, intentCells) in perIntent.enumerated() {
            if let cell = intentCells.first(where: { !$0.0.monthlyCostUSD.isFinite }) {
                throw DataError(file: "intents.csv", line: intents[i].sourceLine, field: "daily_volume",
                                "the monthly cost of \(intents[i].name) \(cell.0.setting) overflows a Double; expected volumes, token counts and prices whose product is finite")
            }
        }
        for (i, intentCells) in perIntent.enumerated() where intentCells.isEmpty {
            throw DataError(file: "intents.csv", line: intents[i].sourceLine, field: "intent",
                            "intent '\(intents[i].name)' has no eval rows; expected at least one evaluated cell")
        }
        let samples = keepsSamples ? perIntent.map { $0.map { $0.1 ?? CellSamples(qualities: [], sortedLatencies: []) } } : nil
        return (perIntent.map { $0.map(\.0) }, samples)
    }
}
