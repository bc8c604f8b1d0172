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
        // Read straight into the array's storage (a 70 MB front is neither zeroed first nor
        // copied); a file that grows meanwhile, or a pipe of unknown size, grows the array.
        var bytes: [UInt8] = []
        var capacity = max(expected + 1, 1 << 16)
        while true {
            var failure: Int32 = 0
            let before = bytes.count
            let grown = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if let base = buffer.baseAddress, before > 0 {
                    bytes.withUnsafeBufferPointer { old in
                        if let source = old.baseAddress { base.initialize(from: source, count: before) }
                    }
                }
                count = before
                while count < buffer.count {
                    let got = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { return }
                    count += got
                }
            }
            guard failure == 0 else { throw DataError(.readFailure, file: path, "cannot be read (\(String(cString: strerror(failure))))") }
            bytes = grown
            if bytes.count < capacity { return bytes }
            capacity *= 2
        }
    }
}
