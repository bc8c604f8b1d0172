import Foundation

/// Reads JSON files for the commands, mapping file-system failures to exit-status kinds.
package enum JSONFile {
    /// Reads and parses the JSON file at `path`.
    ///
    /// The file must be a regular file of at most `limit` bytes (a configuration or a
    /// scenario: 16 MiB); a device, a FIFO or a socket is refused before a byte is read,
    /// and a file whose first byte cannot start a JSON document fails at that byte.
    ///
    /// - Throws: ``DataError``: `.missingInput` when there is no file, `.readFailure` when it
    ///   cannot be read, `.badData` when it is not a regular file, too large or not JSON.
    package static func read(path: String, limit: Int = 16 << 20) throws -> JSONValue {
        try read(path: path, limit: limit, checkingStart: { _ in })
    }

    /// Reads as ``read(path:limit:)``; `checkingStart` sees the first bytes first (an
    /// Inspect `.eval` zip is named as such before any JSON error).
    static func read(path: String, limit: Int, checkingStart: ([UInt8]) throws -> Void) throws -> JSONValue {
        let bytes = try self.bytes(path: path, limit: limit, checkingStart: checkingStart)
        guard !bytes.isEmpty else { throw DataError(file: path, line: 1, "the file is empty; expected a JSON document") }
        return try JSONParser.parse(bytes, file: path)
    }

    /// The bytes of the file at `path` (see ``InputFile``), failing on the first chunk when
    /// it cannot start a JSON document, so a gigabyte of garbage is not read first.
    static func bytes(path: String, limit: Int, checkingStart: ([UInt8]) throws -> Void = { _ in }) throws -> [UInt8] {
        try InputFile.bytes(path: path, displayName: path, expected: "a JSON file", limit: limit) { first in
            try checkingStart(first)
            guard let start = first.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return }
            switch first[start] {
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                return
            default:
                // The parser's own error at that byte, from the first chunk alone.
                _ = try JSONParser.parse(first, file: path)
            }
        }
    }
}
