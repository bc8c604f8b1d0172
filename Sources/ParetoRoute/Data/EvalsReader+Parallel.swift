import Dispatch
import Foundation

extension EvalsReader {
    /// Reads a quote-free evals file on every core, or returns `nil` (nothing read, nothing
    /// changed) so that the sequential reader reads it and names whatever is wrong with it.
    ///
    /// The file is read a window at a time; each window is cut after line feeds into pieces
    /// (``RecordBoundaries``), one task hashes the window's new bytes for the fingerprint (FNV-1a
    /// is one serial chain) while the other tasks parse pieces (``EvalsChunk``), and the pieces are
    /// merged in file order: cells in the order first met, rows in file order, qualities summed
    /// again in file order. So the result equals the sequential reader's byte for byte.
    func readInParallel(path: String, displayName: String, hasher: FNV1a64?,
                        parallelism: LoadParallelism) -> (FileCells, FNV1a64?)? {
        guard let (descriptor, _) = try? InputFile.open(path: path, displayName: displayName, expected: "a CSV file") else {
            return nil
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: parallelism.windowBytes)
        var filled = 0
        var hash = hasher
        var layout: EvalsChunk.Layout?
        var merger = Merger(reader: self, file: displayName)
        var atEnd = false
        while !atEnd {
            let carried = filled
            while filled < buffer.count {
                let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
                if got < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if got == 0 {
                    atEnd = true
                    break
                }
                filled += got
            }
            let window = filled
            let step = buffer.withUnsafeBufferPointer { all -> (end: Int, chunks: [EvalsChunk?], hash: FNV1a64?)? in
                let bytes = UnsafeBufferPointer(rebasing: all[..<window])
                var start = 0
                if layout == nil {
                    guard let lineFeed = RecordBoundaries.firstLineFeed(in: bytes, from: 0),
                          let found = header(of: UnsafeBufferPointer(rebasing: bytes[...lineFeed]), displayName: displayName)
                    else { return nil }
                    layout = found
                    start = lineFeed + 1
                }
                let end: Int
                if atEnd {
                    end = window
                } else {
                    // A line longer than a window: leave it to the streaming parser.
                    guard let lineFeed = RecordBoundaries.lastLineFeed(in: bytes, from: start) else { return nil }
                    end = lineFeed + 1
                }
                guard let layout, !RecordBoundaries.hasQuote(UnsafeBufferPointer(rebasing: bytes[..<end])) else { return nil }
                let pieces = RecordBoundaries.pieces(of: bytes, range: start..<end, size: parallelism.pieceBytes)
                let fresh = UnsafeBufferPointer(rebasing: bytes[carried..<window])
                let (chunks, freshHash) = parse(pieces, of: bytes, layout: layout, hashing: fresh, into: hash)
                return (end, chunks, freshHash)
            }
            guard let step else { return nil }
            hash = step.hash
            for chunk in step.chunks {
                guard let chunk, merger.merge(chunk) else { return nil }
            }
            // The bytes after the window's last line feed start the next window.
            let rest = filled - step.end
            if rest > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    guard let base = all.baseAddress else { return }
                    memmove(base, base + step.end, rest)
                }
            }
            filled = rest
        }
        guard let file = merger.finish() else { return nil }
        return (file, hash)
    }

    /// The header's layout, when `line` (the first line, line feed included) is exactly one
    /// valid header record with every required column; `nil` leaves the file to the sequential reader.
    private func header(of line: UnsafeBufferPointer<UInt8>, displayName: String) -> EvalsChunk.Layout? {
        var parser = CSVParser(file: displayName)
        var records = 0
        var layout: EvalsChunk.Layout?
        do {
            try parser.feed(line, isFinal: true) { record in
                records += 1
                let header = try CSVHeader(record, file: displayName)
                layout = EvalsChunk.Layout(
                    width: header.names.count, columns: try EvalsReader.columnNames.map { try header.require($0) },
                    cacheRead: header.optional("cache_read_tokens"), cacheWrite: header.optional("cache_write_tokens"),
                    intentNames: intentBytes, modelNames: modelBytes,
                    keepsSamples: keepsSamples, keepsSampleIDs: keepsSampleIDs)
            }
        } catch {
            return nil
        }
        return records == 1 ? layout : nil
    }

    /// Parses `pieces` of `bytes` on every core while one task mixes `fresh` into `hash`.
    private func parse(_ pieces: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>, layout: EvalsChunk.Layout,
                       hashing fresh: UnsafeBufferPointer<UInt8>, into hash: FNV1a64?) -> ([EvalsChunk?], FNV1a64?) {
        let slots = ChunkSlots(count: pieces.count)
        let shared = SharedBytes(bytes: bytes, fresh: fresh)
        let tasks = pieces.count + (hash == nil ? 0 : 1)
        let hashTask = hash == nil ? -1 : 0
        var hashed = hash
        let hashSlot = HashSlot()
        DispatchQueue.concurrentPerform(iterations: tasks) { task in
            if task == hashTask {
                var running = hash
                running?.combine(shared.fresh)
                hashSlot.value = running
                return
            }
            let index = task - (hashTask == 0 ? 1 : 0)
            slots.store(EvalsChunk.parse(UnsafeBufferPointer(rebasing: shared.bytes[pieces[index]]), layout: layout), at: index)
        }
        if hash != nil { hashed = hashSlot.value }
        return (slots.values, hashed)
    }
}

/// Merges chunks in file order into one file's cells, exactly as the sequential reader builds them.
private struct Merger {
    let models: [Model]
    let file: String
    let keepsSamples: Bool
    let keepsSampleIDs: Bool
    var cells = EvalsReader.FileCells()
    /// Per slot, the sample-id hashes of every chunk (the duplicate check runs at the end).
    var sampleKeys: [[UInt64]] = []
    /// Per slot, how many chunks held rows of it.
    var partCounts: [Int] = []

    init(reader: EvalsReader, file: String) {
        models = reader.models
        self.file = file
        keepsSamples = reader.keepsSamples
        keepsSampleIDs = reader.keepsSampleIDs
    }

    /// Adds a chunk after the ones already merged; `false` when a token sum overflows.
    mutating func merge(_ chunk: EvalsChunk) -> Bool {
        cells.rows += chunk.rows
        for part in chunk.parts {
            let slot: Int
            if let existing = cells.slots[part.key] {
                slot = existing
            } else {
                slot = cells.accumulators.count
                cells.slots[part.key] = slot
                var accumulator = CellAccumulator(file: file)
                if keepsSamples { accumulator.qualities = [] }
                cells.accumulators.append(accumulator)
                cells.settings.append(Setting(model: models[part.key.model].name, maxTokens: part.key.maxTokens,
                                              temperature: Double(bitPattern: part.key.temperatureBits),
                                              ragChunks: part.key.ragChunks))
                cells.keys.append(part.key)
                sampleKeys.append([])
                partCounts.append(0)
            }
            partCounts[slot] += 1
            let added = cells.accumulators.withUnsafeMutableBufferPointer { accumulators in
                Merger.add(part, to: &accumulators[slot], keepsSamples: keepsSamples, keepsSampleIDs: keepsSampleIDs)
            }
            guard added else { return false }
            if sampleKeys[slot].isEmpty {
                sampleKeys[slot] = part.sampleKeys
            } else {
                sampleKeys[slot].append(contentsOf: part.sampleKeys)
            }
        }
        return true
    }

    private static func add(_ part: EvalsChunk.Part, to accumulator: inout CellAccumulator,
                            keepsSamples: Bool, keepsSampleIDs: Bool) -> Bool {
        let (inputSum, o1) = accumulator.inputTokenSum.addingReportingOverflow(part.inputTokenSum)
        let (outputSum, o2) = accumulator.outputTokenSum.addingReportingOverflow(part.outputTokenSum)
        let (readSum, o3) = accumulator.cacheReadTokenSum.addingReportingOverflow(part.cacheReadTokenSum)
        let (writeSum, o4) = accumulator.cacheWriteTokenSum.addingReportingOverflow(part.cacheWriteTokenSum)
        guard !(o1 || o2 || o3 || o4) else { return false }
        accumulator.inputTokenSum = inputSum
        accumulator.outputTokenSum = outputSum
        accumulator.cacheReadTokenSum = readSum
        accumulator.cacheWriteTokenSum = writeSum
        accumulator.count += part.count
        // In file order, as the sequential reader adds them: the sums are bit-identical.
        var sum = accumulator.qualitySum, squares = accumulator.qualitySquareSum
        for quality in part.qualities {
            sum += quality
            squares += quality * quality
        }
        accumulator.qualitySum = sum
        accumulator.qualitySquareSum = squares
        if accumulator.latencies.isEmpty {
            accumulator.latencies = part.latencies
        } else {
            accumulator.latencies.append(contentsOf: part.latencies)
        }
        if keepsSamples {
            accumulator.qualities?.append(contentsOf: part.qualities)
            accumulator.sampleKeys.append(contentsOf: part.sampleKeys)
            accumulator.inputTokens.append(contentsOf: part.inputTokens)
            accumulator.outputTokens.append(contentsOf: part.outputTokens)
            accumulator.cacheReadTokens.append(contentsOf: part.cacheReadTokens)
            accumulator.cacheWriteTokens.append(contentsOf: part.cacheWriteTokens)
            if keepsSampleIDs { accumulator.sampleIDs.append(contentsOf: part.sampleIDs) }
        }
        return true
    }

    /// The file's cells, or `nil` when a cell holds a sample id twice (the sequential reader names
    /// it). Each chunk checked its own parts; only cells met in several chunks are checked here.
    func finish() -> EvalsReader.FileCells? {
        for (slot, parts) in partCounts.enumerated() where parts > 1 {
            if EvalsChunk.hasDuplicate(sampleKeys[slot]) { return nil }
        }
        return cells
    }
}

/// The window's bytes, handed to the tasks; safe because they only read them while it lives.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let fresh: UnsafeBufferPointer<UInt8>
}

/// One slot per piece; each task writes only its own.
private final class ChunkSlots: @unchecked Sendable {
    private var slots: [EvalsChunk?]
    private let lock = NSLock()

    init(count: Int) {
        slots = [EvalsChunk?](repeating: nil, count: count)
    }

    func store(_ chunk: EvalsChunk?, at index: Int) {
        lock.withLock { slots[index] = chunk }
    }

    var values: [EvalsChunk?] { lock.withLock { slots } }
}

/// The hash task's result.
private final class HashSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: FNV1a64?

    var value: FNV1a64? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
