/// A byte-level, streaming RFC 4180 parser.
///
/// Feed it chunks of any size; it keeps its state between them, so a quoted field
/// may span chunks and lines. It skips a UTF-8 byte-order mark, accepts LF, CRLF
/// and lone CR line ends, skips fully blank lines, and bounds every field and record
/// so hostile input meets an error instead of an allocation storm.
package struct CSVParser {
    /// The longest field accepted, in bytes.
    package static let maxFieldBytes = 1 << 20
    /// The most fields accepted in one record.
    package static let maxFields = 1_000

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let file: String
    private var state = State.fieldStart
    private var fieldBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    private var fieldStartOffset = 0
    private var line = 1
    private var recordLine = 1
    private var skipLineFeed = false
    private var atStartOfInput = true
    private var bomMatched = 0
    private var recordHasQuote = false

    /// Creates a parser whose errors name `file`.
    package init(file: String) {
        self.file = file
        fieldBytes.reserveCapacity(256)
        fieldEnds.reserveCapacity(16)
    }

    /// Parses `chunk`, calling `emit` for each complete record.
    ///
    /// Pass `isFinal: true` with the last chunk (it may be empty) to flush a record
    /// without a final line end and to detect an unterminated quote.
    package mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>, isFinal: Bool, emit: (CSVRecord) throws -> Void
    ) throws {
        var index = 0
        let count = chunk.count
        if atStartOfInput {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            while bomMatched < 3, index < count, chunk[index] == bom[bomMatched] {
                bomMatched += 1
                index += 1
            }
            if bomMatched == 3 || index < count || isFinal {
                if bomMatched > 0 && bomMatched < 3 {
                    // A partial mark is data: put the matched bytes back.
                    for byte in bom[0..<bomMatched] { try append(byte) }
                    state = .unquoted
                }
                atStartOfInput = false
            }
        }
        while index < count {
            let byte = chunk[index]
            index += 1
            if skipLineFeed {
                skipLineFeed = false
                if byte == 0x0A { continue }
            }
            switch state {
            case .fieldStart:
                switch byte {
                case 0x22:
                    state = .quoted
                    recordHasQuote = true
                    lastWasCarriageReturn = false
                case 0x2C:
                    try endField()
                case 0x0A, 0x0D:
                    try endRecord(lineEnd: byte, emit: emit)
                default:
                    try append(byte)
                    state = .unquoted
                }
            case .unquoted:
                switch byte {
                case 0x2C:
                    try endField()
                    state = .fieldStart
                case 0x0A, 0x0D:
                    try endRecord(lineEnd: byte, emit: emit)
                case 0x22:
                    throw error("a quote inside an unquoted field; quote the whole field and double inner quotes")
                default:
                    try append(byte)
                }
            case .quoted:
                if byte == 0x22 {
                    state = .quoteInQuoted
                } else {
                    // A line end inside quotes is data, but still a new line for messages.
                    if byte == 0x0D || (byte == 0x0A && !lastWasCarriageReturn) { line += 1 }
                    lastWasCarriageReturn = byte == 0x0D
                    try append(byte)
                }
            case .quoteInQuoted:
                switch byte {
                case 0x22:
                    try append(byte)
                    state = .quoted
                case 0x2C:
                    try endField()
                    state = .fieldStart
                case 0x0A, 0x0D:
                    try endRecord(lineEnd: byte, emit: emit)
                default:
                    throw error("expected a comma or a line end after a closing quote")
                }
            }
        }
        if isFinal {
            switch state {
            case .quoted:
                throw DataError(file: file, line: recordLine, field: nil,
                                "unterminated quoted field (started on this line); expected a closing quote")
            case .fieldStart where fieldEnds.isEmpty && fieldBytes.isEmpty && !recordHasQuote:
                break
            default:
                try endRecord(lineEnd: nil, emit: emit)
            }
        }
    }

    private var lastWasCarriageReturn = false

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws {
        fieldBytes.append(byte)
        if fieldBytes.count - fieldStartOffset > CSVParser.maxFieldBytes {
            throw error("a field longer than \(CSVParser.maxFieldBytes) bytes")
        }
    }

    @inline(__always)
    private mutating func endField() throws {
        fieldEnds.append(fieldBytes.count)
        fieldStartOffset = fieldBytes.count
        if fieldEnds.count >= CSVParser.maxFields {
            throw error("more than \(CSVParser.maxFields) fields in one record")
        }
    }

    private mutating func endRecord(lineEnd: UInt8?, emit: (CSVRecord) throws -> Void) throws {
        let blank = fieldEnds.isEmpty && fieldBytes.isEmpty && !recordHasQuote
        if !blank {
            fieldEnds.append(fieldBytes.count)
            let recordLine = recordLine
            try fieldBytes.withUnsafeBufferPointer { bytes in
                try fieldEnds.withUnsafeBufferPointer { ends in
                    try emit(CSVRecord(line: recordLine, bytes: bytes, ends: ends))
                }
            }
        }
        fieldBytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldStartOffset = 0
        recordHasQuote = false
        state = .fieldStart
        if lineEnd != nil { line += 1 }
        if lineEnd == 0x0D { skipLineFeed = true }
        recordLine = line
    }

    private func error(_ message: String) -> DataError {
        DataError(file: file, line: line, field: nil, message)
    }
}
