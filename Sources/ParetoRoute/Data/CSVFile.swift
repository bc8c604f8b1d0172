import Foundation

/// Reads a CSV file in fixed-size chunks through ``CSVParser``.
///
/// Memory stays bounded by the chunk and the longest record, whatever the file's
/// size; the bytes can be hashed on the way for the data fingerprint.
package enum CSVFile {
    /// The chunk size used for reading.
    package static let chunkSize = 1 << 20

    /// Calls `body` for every record of the file at `path`; errors name `displayName`.
    ///
    /// The file must be a regular file (see ``InputFile``): a device or a FIFO is refused
    /// before a byte is read.
    ///
    /// - Parameter hasher: when given, every byte of the file is mixed into it.
    package static func forEachRecord(
        path: String, displayName: String, hasher: inout FNV1a64?,
        _ body: (CSVRecord) throws -> Void
    ) throws {
        var parser = CSVParser(file: displayName)
        var sawAnyByte = false
        try InputFile.forEachChunk(path: path, displayName: displayName, expected: "a CSV file", chunkSize: chunkSize) { raw in
            let isFinal = raw.isEmpty
            sawAnyByte = sawAnyByte || !isFinal
            // Hash the raw buffer (a byte iterator is far slower).
            if !isFinal, hasher != nil { hasher?.combine(raw) }
            try parser.feed(raw.bindMemory(to: UInt8.self), isFinal: isFinal, emit: body)
        }
        if !sawAnyByte {
            throw DataError(file: displayName, line: 1, "the file is empty; expected a header row")
        }
    }

    /// Parses in-memory bytes (tests, fuzzing) exactly as a file would be parsed.
    package static func forEachRecord(
        bytes: [UInt8], displayName: String, _ body: (CSVRecord) throws -> Void
    ) throws {
        var parser = CSVParser(file: displayName)
        try bytes.withUnsafeBufferPointer { buffer in
            try parser.feed(buffer, isFinal: true, emit: body)
        }
    }
}
