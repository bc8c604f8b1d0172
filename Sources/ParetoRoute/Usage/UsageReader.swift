import Foundation

/// Reads request logs (JSON lines) and hourly aggregates (CSV) into a ``UsageLedger``.
///
/// Streaming: a file is read in 4 MB blocks, so memory does not grow with its size. A regular
/// file over ``parallelThreshold`` is cut at line breaks into parts of ``partBytes`` (whatever
/// the cores, so the figures do not depend on the machine), each read into its own ledger on
/// the next free core; the ledgers are merged in file order, so every count and every listed
/// line is a sequential read's (sums may differ from one in the last bits of a double).
public enum UsageReader {
    /// Lines longer than this are malformed (and skipped without being held in memory).
    public static let maxLineBytes = 1 << 20
    /// Files smaller than this are read on one thread.
    public static let parallelThreshold = 8 << 20
    static let blockBytes = 4 << 20
    /// The size of a part of a large file read on one core.
    public static let partBytes = 32 << 20

    /// How to read.
    public struct Options: Sendable {
        /// Stop at the first malformed line (its ``UsageLineIssue/error`` is thrown).
        public var strict = false
        /// Threads for a large file (default: the active cores); 1 reads its parts in turn.
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Creates options.
        public init(strict: Bool = false, workers: Int? = nil) {
            self.strict = strict
            if let workers { self.workers = max(1, workers) }
        }
    }

    /// Reads every path (`-` is standard input) into one ledger, in the order given.
    /// - Throws: ``DataError``: a missing or unreadable file, or (strict) the first malformed line.
    public static func read(paths: [String], catalog: UsageCatalog, utcOffsetSeconds: Int = 0,
                            options: Options = Options()) throws -> UsageLedger {
        var ledger = UsageLedger(catalog: catalog, utcOffsetSeconds: utcOffsetSeconds)
        for path in paths {
            try read(path: path, into: &ledger, options: options)
        }
        return ledger
    }

    /// Reads one path (`-` is standard input) into `ledger`.
    public static func read(path: String, into ledger: inout UsageLedger, options: Options = Options()) throws {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataError(.missingInput, file: path, "no such file; expected a request log (JSON lines) or an hourly aggregate (CSV)")
            }
            guard !isDirectory.boolValue else { throw DataError(.badData, file: path, "is a directory; expected a log file") }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw DataError(.readFailure, file: path, "cannot be opened for reading") }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        // The first block decides the format: a JSON object starts a request log.
        var first = [UInt8](repeating: 0, count: blockBytes)
        let firstCount = try readFully(descriptor, into: &first, at: path == "-" ? nil : 0, file: path)
        first.removeSubrange(firstCount...)
        let lead = first.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        if let byte = lead.first, byte != UInt8(ascii: "{") {
            var bytes = first
            if path == "-" || firstCount == blockBytes {
                while true {
                    var block = [UInt8](repeating: 0, count: blockBytes)
                    let count = try readFully(descriptor, into: &block, at: path == "-" ? nil : bytes.count, file: path)
                    if count == 0 { break }
                    bytes += block[0..<count]
                }
            }
            try UsageAggregateReader.read(bytes: bytes, file: path, into: &ledger, strict: options.strict)
            return
        }
        var size = 0
        if path != "-" {
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { size = Int(status.st_size) }
        }
        if size >= parallelThreshold {
            try readParallel(path: path, size: size, into: &ledger, options: options)
            return
        }
        var part = UsageLedger(catalog: ledger.catalog, utcOffsetSeconds: ledger.utcOffsetSeconds)
        var scanner = UsageLineScanner()
        let issue = try readLines(descriptor: descriptor, file: path, start: 0, boundary: Int.max, prefix: first, seekable: path != "-",
                                  strict: options.strict, block: ReadBlock(capacity: blockBytes), scanner: &scanner, into: &part)
        if let issue { throw issue.error }
        ledger.merge(part)
    }

    /// Reads in-memory JSON lines (tests, fuzzing) exactly as a file would be read.
    public static func read(bytes: [UInt8], file: String, into ledger: inout UsageLedger, strict: Bool = false) throws {
        var lineNumber = 0
        var issue: UsageLineIssue?
        var scanner = UsageLineScanner()
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != 10 { end += 1 }
                lineNumber += 1
                if let found = handle(UnsafeBufferPointer(rebasing: buffer[start..<end]), file: file, line: lineNumber,
                                      oversized: end - start > maxLineBytes, strict: strict, scanner: &scanner, into: &ledger) {
                    issue = found
                    return
                }
                start = end + 1
            }
        }
        if let issue { throw issue.error }
    }

    /// Reads one line into the ledger; returns the issue when `strict` and the line is malformed.
    /// The fast scan reads almost every line; what it leaves goes through the strict parser.
    @inline(__always)
    static func handle(_ line: UnsafeBufferPointer<UInt8>, file: String, line number: Int, oversized: Bool,
                       strict: Bool, scanner: inout UsageLineScanner, into ledger: inout UsageLedger) -> UsageLineIssue? {
        if oversized {
            let problem = UsageLineProblem(field: nil, "longer than \(maxLineBytes) bytes; expected one JSON object per line")
            ledger.addMalformed(file: file, line: number, problem: problem)
            return strict ? UsageLineIssue(file: file, line: number, problem: problem) : nil
        }
        if let scan = scanner.scan(line) {
            if let problem = scan.problem {
                ledger.addMalformed(file: file, line: number, problem: problem)
                return strict ? UsageLineIssue(file: file, line: number, problem: problem) : nil
            }
            ledger.add(scan, bytes: line, file: file, line: number)
            return nil
        }
        var blank = true
        for byte in line where byte != 32 && byte != 9 && byte != 13 { blank = false; break }
        if blank {
            ledger.addBlank()
            return nil
        }
        switch UsageLineParser.parseStrict(Array(line)) {
        case .success(let record):
            ledger.add(record, file: file, line: number)
            return nil
        case .failure(let problem):
            ledger.addMalformed(file: file, line: number, problem: problem)
            return strict ? UsageLineIssue(file: file, line: number, problem: problem) : nil
        }
    }

    /// Cuts a regular file into parts at line breaks and reads them at once: each worker takes
    /// the next part not yet taken, with one block and one scanner for all its parts.
    private static func readParallel(path: String, size: Int, into ledger: inout UsageLedger, options: Options) throws {
        let parts = max(1, (size + partBytes - 1) / partBytes)
        let catalog = ledger.catalog, offset = ledger.utcOffsetSeconds
        let readPart: @Sendable (Int, ReadBlock, inout UsageLineScanner) -> Result<(UsageLedger, UsageLineIssue?), DataError> = { k, block, scanner in
            var part = UsageLedger(catalog: catalog, utcOffsetSeconds: offset)
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return .failure(DataError(.readFailure, file: path, "cannot be opened for reading")) }
            defer { close(descriptor) }
            do {
                let issue = try readLines(descriptor: descriptor, file: path, start: size / parts * k,
                                          boundary: k == parts - 1 ? Int.max : size / parts * (k + 1), prefix: nil,
                                          seekable: true, strict: options.strict, block: block, scanner: &scanner, into: &part)
                return .success((part, issue))
            } catch let error as DataError {
                return .failure(error)
            } catch {
                return .failure(DataError(.readFailure, file: path, "read failed"))
            }
        }
        // Whatever the threads and their order, part k is the same lines: the figures do not
        // depend on the scheduling.
        let queue = PartQueue<Result<(UsageLedger, UsageLineIssue?), DataError>>(count: parts)
        _ = parallelMap(count: min(max(1, options.workers), parts)) { _ in
            let block = ReadBlock(capacity: blockBytes)
            var scanner = UsageLineScanner()
            while let k = queue.next() { queue.store(readPart(k, block, &scanner), at: k) }
            return true
        }
        var linesBefore = 0
        for result in queue.results() {
            var (part, issue) = try result.get()
            part.shiftLines(of: path, by: linesBefore)
            if var issue {
                issue.line += linesBefore
                throw issue.error
            }
            linesBefore += part.lines
            ledger.merge(part)
        }
    }

    /// Reads the lines that start in `start..<boundary` (the line under way at `start` belongs
    /// to the previous part), beginning with `prefix` when the first block was already read.
    private static func readLines(descriptor: Int32, file: String, start: Int, boundary: Int, prefix: [UInt8]?, seekable: Bool,
                                  strict: Bool, block: ReadBlock, scanner: inout UsageLineScanner,
                                  into ledger: inout UsageLedger) throws -> UsageLineIssue? {
        var carry: [UInt8] = []
        var oversized = false
        var skipping = start > 0
        var position = start > 0 ? start - 1 : 0
        var lineNumber = 0
        var pendingPrefix = prefix
        let base = block.base
        while true {
            let count: Int
            if let bytes = pendingPrefix {
                count = min(bytes.count, block.capacity)
                bytes.withUnsafeBufferPointer { source in
                    if let from = source.baseAddress { base.update(from: from, count: count) }
                }
                pendingPrefix = nil
                if count == 0 { break }
            } else {
                count = try readFully(descriptor, into: UnsafeMutableRawPointer(base), capacity: block.capacity,
                                      at: seekable ? position : nil, file: file)
                if count == 0 { break }
            }
            var lineStart = 0
            while lineStart < count {
                guard let found = memchr(base + lineStart, 10, count - lineStart) else {
                    if !skipping {
                        if carry.count + (count - lineStart) > maxLineBytes {
                            oversized = true
                            carry.removeAll(keepingCapacity: true)
                        } else {
                            carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: count - lineStart))
                        }
                    }
                    break
                }
                let end = UnsafeMutableRawPointer(base).distance(to: found)
                if skipping {
                    skipping = false
                } else {
                    lineNumber += 1
                    let result: UsageLineIssue?
                    if carry.isEmpty && !oversized {
                        result = handle(UnsafeBufferPointer(start: base + lineStart, count: end - lineStart), file: file, line: lineNumber,
                                        oversized: end - lineStart > maxLineBytes, strict: strict, scanner: &scanner, into: &ledger)
                    } else {
                        let tooLong = oversized || carry.count + (end - lineStart) > maxLineBytes
                        if !tooLong { carry.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: end - lineStart)) }
                        result = carry.withUnsafeBufferPointer {
                            handle($0, file: file, line: lineNumber, oversized: tooLong, strict: strict, scanner: &scanner, into: &ledger)
                        }
                        carry.removeAll(keepingCapacity: true)
                        oversized = false
                    }
                    if let result { return result }
                }
                lineStart = end + 1
                if position + lineStart >= boundary { return nil }
            }
            position += count
        }
        if !skipping && (!carry.isEmpty || oversized) {
            lineNumber += 1
            let result = carry.withUnsafeBufferPointer {
                handle($0, file: file, line: lineNumber, oversized: oversized, strict: strict, scanner: &scanner, into: &ledger)
            }
            if let result { return result }
        }
        return nil
    }

    /// Fills `buffer` as far as the input allows (pread at `offset`, or read); returns the count.
    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int?, file: String) throws -> Int {
        let capacity = buffer.count
        return try buffer.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            return try readFully(descriptor, into: base, capacity: capacity, at: offset, file: file)
        }
    }

    /// Fills `capacity` bytes at `base` as far as the input allows; returns the count.
    private static func readFully(_ descriptor: Int32, into base: UnsafeMutableRawPointer, capacity: Int, at offset: Int?,
                                  file: String) throws -> Int {
        var total = 0
        while total < capacity {
            let count = offset.map { pread(descriptor, base + total, capacity - total, off_t($0 + total)) }
                ?? Foundation.read(descriptor, base + total, capacity - total)
            if count < 0 {
                if errno == EINTR { continue }
                throw DataError(.readFailure, file: file, "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            total += count
        }
        return total
    }
}

/// A block of memory the reader reads into, one per worker (no array bounds or closures on
/// the line loop's way).
private final class ReadBlock {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}

/// The parts of a file still to read and the results of those read, shared by the workers.
private final class PartQueue<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private var slots: [Element?]

    init(count: Int) {
        slots = [Element?](repeating: nil, count: count)
    }

    /// The next part to read, or nil when all are taken.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < slots.count else { return nil }
        taken += 1
        return taken - 1
    }

    /// Keeps the result of part `index`.
    func store(_ result: Element, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// The results in part order (every part is read before this is called).
    func results() -> [Element] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
