import Foundation

/// Reads JSON files for the commands, mapping file-system failures to exit-status kinds.
public enum JSONFile {
    /// Reads and parses the JSON file at `path`.
    public static func read(path: String) throws -> JSONValue {
        let bytes = try self.bytes(path: path)
        guard !bytes.isEmpty else { throw DataError(file: path, line: 1, "the file is empty; expected a JSON document") }
        return try JSONParser.parse(bytes, file: path)
    }

    /// The bytes of the file at `path`, read straight into one array (a front file can
    /// be 100 MB; no intermediate copy).
    static func bytes(path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(.missingInput, file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw DataError(file: path, "is a directory; expected a JSON file") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DataError(.readFailure, file: path, "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(0, Int(status.st_size)) : 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DataError(.readFailure, file: path, "cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
