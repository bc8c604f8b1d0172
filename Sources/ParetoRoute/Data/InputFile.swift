import Foundation

/// The one way every input (data CSV, configuration, front, scenario, eval log) is opened.
///
/// An input must be a regular file: a device (`/dev/zero`, `/dev/urandom`), a FIFO or a
/// socket never ends or never answers, so it is refused at once instead of read until the
/// memory runs out. The file is opened without blocking (a FIFO with no writer would hang
/// `open` itself) and judged by `fstat` on the opened descriptor, so a symlink counts as
/// its target and nothing can be swapped in between the check and the read.
package enum InputFile {
    /// Size limits of the documents read whole, in bytes.
    package enum Limit {
        /// A configuration or a scenario: a few KB in practice; 16 MiB at most.
        package static let smallDocument = 16 << 20
        /// A front file or an eval tool's log: as large as the file is (a 287 K-point front
        /// is 70 MB); only regular files, so the size is known and finite.
        package static let unlimited = Int.max
    }

    /// Opens `path` for reading; errors name `displayName`. `expected` completes
    /// "expected …" in the error (e.g. "a JSON file"). The caller closes the descriptor.
    package static func open(path: String, displayName: String, expected: String) throws -> (descriptor: Int32, size: Int) {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw DataError(.missingInput, file: displayName, "no such file")
            }
            throw DataError(.readFailure, file: displayName, "cannot be read (\(String(cString: strerror(code))))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw DataError(.readFailure, file: displayName, "cannot be read (\(String(cString: strerror(code))))")
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            if type == S_IFDIR { throw DataError(file: displayName, "is a directory; expected \(expected)") }
            throw DataError(file: displayName, "is \(kind(of: type)), not a regular file; expected \(expected) (inputs are never read from devices, pipes or sockets)")
        }
        // Regular files never block; clear the flag so reads behave as usual.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, max(0, Int(status.st_size)))
    }

    /// The bytes of the regular file at `path`, at most `limit` of them, read straight into
    /// one array (a front file can be 100 MB; no intermediate copy).
    ///
    /// `firstChunk` sees the first bytes before the rest is read, so a caller can reject a
    /// file that cannot start a valid document without reading a gigabyte of it.
    package static func bytes(path: String, displayName: String, expected: String, limit: Int,
                              firstChunk: ([UInt8]) throws -> Void = { _ in }) throws -> [UInt8] {
        let (descriptor, size) = try open(path: path, displayName: displayName, expected: expected)
        defer { close(descriptor) }
        func tooLarge() -> DataError {
            DataError(file: displayName, "is larger than \(limit >> 20) MiB, the limit for \(expected)")
        }
        guard size <= limit else { throw tooLarge() }
        var bytes: [UInt8] = []
        // The first 64 KiB alone, for `firstChunk`; then the rest straight into the array.
        var capacity = min(1 << 16, max(size, 1))
        var checked = false
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
                    let got = read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 { return }
                    count += got
                }
            }
            guard failure == 0 else {
                throw DataError(.readFailure, file: displayName, "cannot be read (\(String(cString: strerror(failure))))")
            }
            bytes = grown
            if !checked {
                checked = true
                try firstChunk(bytes)
            }
            if bytes.count < capacity { return bytes }
            guard bytes.count < limit else { throw tooLarge() }
            // The file's size (it may have grown meanwhile: then double), plus one byte to see the end.
            capacity = min(limit == Int.max ? Int.max : limit + 1, max(size + 1, capacity * 2))
        }
    }

    /// Calls `body` with successive chunks of the regular file at `path` (the empty final
    /// chunk included), reading `chunkSize` bytes at a time.
    package static func forEachChunk(path: String, displayName: String, expected: String, chunkSize: Int,
                                     _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let (descriptor, _) = try open(path: path, displayName: displayName, expected: expected)
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            var got = 0
            repeat {
                got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            } while got < 0 && errno == EINTR
            guard got >= 0 else {
                throw DataError(.readFailure, file: displayName, "read failed (\(String(cString: strerror(errno))))")
            }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            if got == 0 { return }
        }
    }

    /// "a FIFO", "a character device", … for a file type of `st_mode`.
    private static func kind(of type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "of another kind"
        }
    }
}
