import Foundation

/// What one stretch of an evals file adds up to, per cell in the order the cells were first met.
///
/// A chunk is parsed on its own thread by ``parse(_:layout:)``, which only handles the plain case
/// (no quote in the bytes, every row valid): anything else makes it give up with `nil`, and the
/// whole file is then read again by the sequential reader, which names the first defect exactly as
/// before. So a chunk never has to know line numbers, and error messages stay the sequential ones.
///
/// Each cell keeps its rows' qualities (not their sum): sums of doubles depend on their order, so
/// the merge adds them up again in file order and the figures come out bit-identical.
struct EvalsChunk {
    /// One cell's rows within the chunk.
    struct Part {
        let key: CellKey
        var count = 0
        var inputTokenSum = 0
        var outputTokenSum = 0
        var cacheReadTokenSum = 0
        var cacheWriteTokenSum = 0
        var qualities: [Double] = []
        var latencies: [Double] = []
        /// FNV-1a hashes of the sample ids, in row order (the duplicate check and `sampleKeys`).
        var sampleKeys: [UInt64] = []
        /// Per-sample tokens and ids, filled only when the reader keeps samples.
        var inputTokens: [Int] = []
        var outputTokens: [Int] = []
        var cacheReadTokens: [Int] = []
        var cacheWriteTokens: [Int] = []
        var sampleIDs: [String] = []

        init(key: CellKey) {
            self.key = key
        }
    }

    var parts: [Part] = []
    var rows = 0

    /// Whether `keys` hold a value twice.
    static func hasDuplicate(_ keys: [UInt64]) -> Bool {
        guard keys.count > 1 else { return false }
        let sorted = keys.sorted()
        for i in 1..<sorted.count where sorted[i] == sorted[i - 1] { return true }
        return false
    }

    /// The header's column indexes and the names rows are matched against, shared by every chunk.
    struct Layout: @unchecked Sendable {
        // @unchecked: only immutable arrays of values (the compiler cannot see through `[[UInt8]]`).
        let width: Int
        /// intent, model, max_tokens, temperature, rag_chunks, sample_id, quality, input_tokens,
        /// output_tokens, latency_ms.
        let columns: [Int]
        let cacheRead: Int?
        let cacheWrite: Int?
        let intentNames: [[UInt8]]
        let modelNames: [[UInt8]]
        let keepsSamples: Bool
        let keepsSampleIDs: Bool
    }

    /// Parses the records of `bytes` (whole lines, no `"` byte, not the header), or `nil` when
    /// anything is not plain: a row of the wrong width or over a field's length limit, a value the
    /// contract refuses, a token sum that overflows. Duplicated sample ids are found by the merge,
    /// which sees a cell's rows from every chunk.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout) -> EvalsChunk? {
        var chunk = EvalsChunk()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return chunk }
        let width = layout.width
        let n = bytes.count
        let c = layout.columns
        let c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7], c8 = c[8], c9 = c[9]
        let cacheRead = layout.cacheRead, cacheWrite = layout.cacheWrite
        let hasCacheColumns = cacheRead != nil || cacheWrite != nil
        let keepsSamples = layout.keepsSamples, keepsSampleIDs = layout.keepsSampleIDs
        var slots: [CellKey: Int] = [:]
        var lastKey: CellKey?
        var lastSlot = -1
        var lastIntent = -1, lastModel = -1

        @inline(__always) func same(_ name: [UInt8], _ field: UnsafeBufferPointer<UInt8>) -> Bool {
            guard name.count == field.count else { return false }
            return name.withUnsafeBufferPointer { name in
                guard let a = name.baseAddress, let b = field.baseAddress else { return true }
                return memcmp(a, b, field.count) == 0
            }
        }
        func lookup(_ field: UnsafeBufferPointer<UInt8>, in names: [[UInt8]], last: inout Int) -> Int? {
            if last >= 0, same(names[last], field) { return last }
            guard let found = names.firstIndex(where: { same($0, field) }) else { return nil }
            last = found
            return found
        }

        let parsed = withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { bounds -> Bool in
            // bounds[2i] ..< bounds[2i + 1] is field i of the current line.
            @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(start: base + bounds[2 * i], count: bounds[2 * i + 1] - bounds[2 * i])
            }
            var p = 0
            while p < n {
                let lineStart = p
                var fields = 0
                bounds[0] = p
                var byte: UInt8 = 0
                while p < n {
                    byte = base[p]
                    if byte == 0x2C {
                        bounds[2 * fields + 1] = p
                        fields += 1
                        guard fields < width else { return false }
                        bounds[2 * fields] = p + 1
                    } else if byte == 0x0A || byte == 0x0D {
                        break
                    }
                    p += 1
                }
                let lineEnd = p
                if p < n {
                    p += 1
                    if byte == 0x0D, p < n, base[p] == 0x0A { p += 1 }
                }
                // A blank line is skipped, as the CSV parser skips it.
                if lineEnd == lineStart { continue }
                bounds[2 * fields + 1] = lineEnd
                fields += 1
                guard fields == width, lineEnd - lineStart <= CSVParser.maxFieldBytes else { return false }

                guard let intent = lookup(field(c0), in: layout.intentNames, last: &lastIntent),
                      let model = lookup(field(c1), in: layout.modelNames, last: &lastModel),
                      case .success(let maxTokens) = DecimalNumber.parseInt(field(c2)), maxTokens > 0,
                      case .success(var temperature) = DecimalNumber.parsePlainDouble(field(c3)), temperature >= 0,
                      case .success(let rag) = DecimalNumber.parseInt(field(c4)), rag >= 0
                else { return false }
                if temperature == 0 { temperature = 0 }
                let sampleBytes = field(c5)
                if sampleBytes.contains(where: { $0 >= 0x80 }), String(validating: sampleBytes, as: UTF8.self) == nil {
                    return false
                }
                guard case .success(let quality) = DecimalNumber.parsePlainDouble(field(c6)), quality >= 0, quality <= 1,
                      case .success(let input) = DecimalNumber.parseInt(field(c7)), input >= 0,
                      case .success(let output) = DecimalNumber.parseInt(field(c8)), output >= 0, output <= maxTokens,
                      case .success(let latency) = DecimalNumber.parsePlainDouble(field(c9)), latency >= 0
                else { return false }
                var read = 0, write = 0
                if let cacheRead, bounds[2 * cacheRead + 1] > bounds[2 * cacheRead] {
                    guard case .success(let value) = DecimalNumber.parseInt(field(cacheRead)), value >= 0 else { return false }
                    read = value
                }
                if let cacheWrite, bounds[2 * cacheWrite + 1] > bounds[2 * cacheWrite] {
                    guard case .success(let value) = DecimalNumber.parseInt(field(cacheWrite)), value >= 0 else { return false }
                    write = value
                }

                let key = CellKey(intent: intent, model: model, maxTokens: maxTokens,
                                  temperatureBits: temperature.bitPattern, ragChunks: rag)
                let slot: Int
                if key == lastKey {
                    slot = lastSlot
                } else if let existing = slots[key] {
                    slot = existing
                } else {
                    slot = chunk.parts.count
                    slots[key] = slot
                    // Room for as many rows as the previous cell had: cells are usually the same size.
                    var part = Part(key: key)
                    part.reserve(chunk.parts.last.map { max(16, $0.count) } ?? 16, keepsSamples: keepsSamples)
                    chunk.parts.append(part)
                }
                lastKey = key
                lastSlot = slot
                var hash = FNV1a64()
                hash.combine(sampleBytes)
                chunk.rows += 1
                let added = chunk.parts.withUnsafeMutableBufferPointer { parts -> Bool in
                    parts[slot].add(quality: quality, input: input, output: output, read: read, write: write,
                                    latency: latency, sampleKey: hash.value)
                }
                guard added else { return false }
                if keepsSamples {
                    chunk.parts[slot].keep(input: input, output: output, read: read, write: write,
                                           hasCacheColumns: hasCacheColumns,
                                           sampleID: keepsSampleIDs ? String(decoding: sampleBytes, as: UTF8.self) : nil)
                }
            }
            return true
        }
        guard parsed, !chunk.parts.contains(where: \.hasDuplicateSample) else { return nil }
        return chunk
    }
}

extension EvalsChunk.Part {
    /// Whether two of the part's rows share a sample id (hash), which the contract forbids within a
    /// cell of a file; the merge checks again the cells that span chunks.
    var hasDuplicateSample: Bool {
        EvalsChunk.hasDuplicate(sampleKeys)
    }
    /// Adds one row's figures; `false` when a token sum overflows (the sequential reader then names it).
    @inline(__always)
    mutating func add(quality: Double, input: Int, output: Int, read: Int, write: Int, latency: Double, sampleKey: UInt64) -> Bool {
        let (inputSum, o1) = inputTokenSum.addingReportingOverflow(input)
        let (outputSum, o2) = outputTokenSum.addingReportingOverflow(output)
        let (readSum, o3) = cacheReadTokenSum.addingReportingOverflow(read)
        let (writeSum, o4) = cacheWriteTokenSum.addingReportingOverflow(write)
        guard !(o1 || o2 || o3 || o4) else { return false }
        inputTokenSum = inputSum
        outputTokenSum = outputSum
        cacheReadTokenSum = readSum
        cacheWriteTokenSum = writeSum
        count += 1
        qualities.append(quality)
        latencies.append(latency)
        sampleKeys.append(sampleKey)
        return true
    }

    /// Reserves room for `rows` rows.
    mutating func reserve(_ rows: Int, keepsSamples: Bool) {
        qualities.reserveCapacity(rows)
        latencies.reserveCapacity(rows)
        sampleKeys.reserveCapacity(rows)
        if keepsSamples {
            inputTokens.reserveCapacity(rows)
            outputTokens.reserveCapacity(rows)
        }
    }

    /// Keeps one row's per-sample tokens (and id), as the sequential reader does with samples.
    mutating func keep(input: Int, output: Int, read: Int, write: Int, hasCacheColumns: Bool, sampleID: String?) {
        inputTokens.append(input)
        outputTokens.append(output)
        if hasCacheColumns {
            cacheReadTokens.append(read)
            cacheWriteTokens.append(write)
        }
        if let sampleID { sampleIDs.append(sampleID) }
    }
}
