import Foundation

/// Where a command writes one of its results, written so that nothing is ever damaged.
///
/// - `-` is standard output.
/// - A regular file (or a symlink to one, or a path that does not exist yet) is replaced
///   atomically: the bytes go to a temporary file in the *target's* directory, which is
///   then renamed over the target, so a failed run leaves the previous file whole and a
///   symlink stays a symlink (its target is what changes). The file keeps its permissions.
/// - A path that is not a regular file — a FIFO, a character device such as `/dev/null`,
///   `/dev/stdout`, `/dev/fd/N` from a shell's process substitution — is written directly;
///   `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to the process's own descriptor,
///   so a shell's redirection (append included) is respected.
///
/// Check every target with ``validate(_:)`` before the work, so that a missing directory or
/// two outputs naming one file fail before a long search rather than after it.
public struct OutputTarget: Sendable, Hashable {
    /// The path as the user gave it (`-` for standard output).
    public let path: String
    /// The option it came from (`--out`), named in errors; nil for a library caller.
    public let option: String?

    /// Creates a target; nothing is checked until ``validate()`` or ``write(_:)-(String)``.
    public init(path: String, option: String? = nil) {
        self.path = path
        self.option = option
    }

    /// Whether the target is standard output (`-`), which then carries only this output.
    public var isStandardOutput: Bool { path == "-" }

    /// Checks that the target can be written, without writing: its directory exists and is
    /// writable, it is not a directory, a descriptor path names an open descriptor.
    /// - Throws: ``DataError`` of kind `.writeFailure`, in words (`is a directory`).
    public func validate() throws {
        _ = try resolve(checkingAccess: true)
    }

    /// Checks every target (``validate()``) and that no two of them name the same file —
    /// compared by device and inode, or by canonical directory and name for a file not yet
    /// there; character devices such as `/dev/null` may be named more than once.
    /// - Throws: ``DataError`` of kind `.badRequest` naming both options when two collide.
    public static func validate(_ targets: [OutputTarget]) throws {
        var seen: [(target: OutputTarget, keys: Set<String>)] = []
        for target in targets {
            let keys = try target.resolve(checkingAccess: true).identities
            if let other = seen.first(where: { !$0.keys.isDisjoint(with: keys) }) {
                throw DataError(.badRequest, file: target.name,
                                "names the same file as \(other.target.name); expected a different file for each output")
            }
            seen.append((target, keys))
        }
    }

    /// Checks that the target does not name the file at `input`, which the command reads:
    /// compared by device and inode (a symlink or a hard link to the input is the input).
    /// Standard output and a path that does not exist yet never collide.
    ///
    /// `role` says in the error what the input is ("a data file", "the --mark configuration").
    /// - Throws: ``DataError`` of kind `.badRequest`, before any work.
    public func checkNotOverwriting(input: String, role: String) throws {
        guard !isStandardOutput else { return }
        var inputInfo = stat()
        guard stat(input, &inputInfo) == 0, inputInfo.st_mode & S_IFMT == S_IFREG else { return }
        var outputInfo = stat()
        let same: Bool
        if let descriptor = OutputTarget.descriptorNumber(path) {
            same = fstat(descriptor, &outputInfo) == 0
        } else {
            same = stat(path, &outputInfo) == 0
        }
        guard same, outputInfo.st_dev == inputInfo.st_dev, outputInfo.st_ino == inputInfo.st_ino else { return }
        throw DataError(.badRequest, file: name,
                        "names \(role) (\(input)), which the command reads; an output never replaces an input: expected another path")
    }

    /// Writes `text` (UTF-8) to the target.
    /// - Throws: ``DataError`` of kind `.writeFailure`, in words; a replaced file stays whole.
    public func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// Writes `data` to the target; `failAfterWriting` lets tests simulate a failure after
    /// the temporary file of an atomic replacement was written.
    /// - Throws: ``DataError`` of kind `.writeFailure`, in words; a replaced file stays whole.
    public func write(_ data: Data, failAfterWriting: Bool = false) throws {
        try write(failAfterWriting: failAfterWriting) { sink in try sink([UInt8](data)) }
    }

    /// Writes what `produce` hands its sink, chunk by chunk: a large file (a 100 MB front)
    /// is never held in memory whole, and an atomic replacement happens after the last chunk.
    /// - Throws: ``DataError`` of kind `.writeFailure`, or what `produce` throws; a replaced file stays whole.
    public func write(failAfterWriting: Bool = false, _ produce: (([UInt8]) throws -> Void) throws -> Void) throws {
        switch try resolve(checkingAccess: false) {
        case .standardOutput:
            try produce { try writeAll($0, to: STDOUT_FILENO) }
        case .descriptor(let descriptor, _):
            try produce { try writeAll($0, to: descriptor) }
        case .special(_):
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(errno) }
            defer { close(descriptor) }
            try produce { try writeAll($0, to: descriptor) }
        case .regular(let target, let mode, _):
            try replace(target, mode: mode, failAfterWriting: failAfterWriting, produce)
        case .missing(let target, _):
            try replace(target, mode: nil, failAfterWriting: failAfterWriting, produce)
        }
    }

    // MARK: - Resolution

    /// What the path is now.
    private enum Resolved {
        /// `-`.
        case standardOutput
        /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: an open descriptor of this process.
        case descriptor(Int32, identity: String?)
        /// An existing file that is not regular (FIFO, device, socket).
        case special(identity: String?)
        /// An existing regular file, at `target` once every symlink is followed.
        case regular(target: String, mode: mode_t, identity: String)
        /// Nothing there yet (or a dangling symlink): the file will be created at `target`.
        case missing(target: String, identity: String)

        /// Keys two targets share when they name the same file.
        var identities: Set<String> {
            switch self {
            case .standardOutput:
                return Set(["stdout"] + [OutputTarget.identity(ofDescriptor: STDOUT_FILENO)].compactMap { $0 })
            case .descriptor(let descriptor, let identity):
                return Set((descriptor == STDOUT_FILENO ? ["stdout"] : []) + [identity].compactMap { $0 })
            case .special(let identity): return Set([identity].compactMap { $0 })
            case .regular(_, _, let identity), .missing(_, let identity): return [identity]
            }
        }
    }

    /// How the target is named in messages: `--out front.json`, or the path alone.
    private var name: String {
        option.map { "\($0) \(path)" } ?? path
    }

    private func failure(_ code: Int32, _ what: String = "cannot write") -> DataError {
        DataError(.writeFailure, file: name, "\(what): \(OutputTarget.words(code))")
    }

    private func resolve(checkingAccess: Bool) throws -> Resolved {
        if isStandardOutput { return .standardOutput }
        guard !path.isEmpty else { throw DataError(.writeFailure, file: option ?? "output", "cannot write: the path is empty") }
        if let descriptor = OutputTarget.descriptorNumber(path) {
            guard fcntl(descriptor, F_GETFD) != -1 else {
                throw DataError(.writeFailure, file: name, "cannot write: descriptor \(descriptor) is not open")
            }
            return .descriptor(descriptor, identity: OutputTarget.identity(ofDescriptor: descriptor))
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { throw failure(EISDIR) }
            if type == S_IFREG {
                guard let pointer = realpath(path, nil) else { throw failure(errno) }
                let target = String(cString: pointer)
                free(pointer)
                if checkingAccess { try checkWritable(directory: OutputTarget.directory(of: target)) }
                return .regular(target: target, mode: info.st_mode & 0o7777, identity: "inode \(info.st_dev):\(info.st_ino)")
            }
            if checkingAccess, access(path, W_OK) != 0 { throw failure(errno) }
            // A terminal or /dev/null can take several outputs; a FIFO or socket cannot.
            let shared = type == S_IFCHR || type == S_IFBLK
            return .special(identity: shared ? nil : "inode \(info.st_dev):\(info.st_ino)")
        }
        let code = errno
        guard code == ENOENT else { throw failure(code) }
        // Not there: follow a dangling symlink to where the file will be created.
        let target = try OutputTarget.followLinks(path, failure: failure)
        let directory = OutputTarget.directory(of: target)
        var directoryInfo = stat()
        guard stat(directory, &directoryInfo) == 0 else {
            throw DataError(.writeFailure, file: name, "cannot write: the directory \(directory) \(errno == ENOENT ? "does not exist" : OutputTarget.words(errno))")
        }
        guard directoryInfo.st_mode & S_IFMT == S_IFDIR else {
            throw DataError(.writeFailure, file: name, "cannot write: \(directory) is not a directory")
        }
        if checkingAccess { try checkWritable(directory: directory) }
        guard let pointer = realpath(directory, nil) else { throw failure(errno) }
        let canonical = String(cString: pointer)
        free(pointer)
        return .missing(target: target, identity: "path \(canonical)/\(OutputTarget.lastComponent(of: target))")
    }

    private func checkWritable(directory: String) throws {
        guard access(directory, W_OK) == 0 else {
            throw DataError(.writeFailure, file: name, "cannot write in the directory \(directory): \(OutputTarget.words(errno))")
        }
    }

    // MARK: - Writing

    /// Writes `data` to a temporary file beside `target`, then renames it over `target`.
    private func replace(_ target: String, mode: mode_t?, failAfterWriting: Bool,
                         _ produce: (([UInt8]) throws -> Void) throws -> Void) throws {
        let directory = OutputTarget.directory(of: target)
        let base = directory + "/." + OutputTarget.lastComponent(of: target) + ".tmp-\(getpid())-"
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = base + String(attempt)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw DataError(.writeFailure, file: name, "cannot create a temporary file in \(directory): \(OutputTarget.words(errno))")
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        do {
            try produce { try writeAll($0, to: descriptor) }
            if let mode, fchmod(descriptor, mode) != 0 { throw failure(errno) }
            closed = true
            if close(descriptor) != 0 { throw failure(errno) }
            if failAfterWriting { throw DataError(.writeFailure, file: name, "simulated failure after writing") }
            guard rename(temporary, target) == 0 else { throw failure(errno, "cannot replace \(target)") }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes every byte, retrying partial writes and interrupted calls.
    private func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let start = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, start + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(errno)
                }
                offset += written
            }
        }
    }

    // MARK: - Paths

    /// The descriptor a path names directly: `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N`
    /// and `/proc/self/fd/N` N.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let digits = path.dropFirst(prefix.count)
                guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
                return Int32(digits)
            }
            return nil
        }
    }

    /// The identity of an open descriptor's file when it can take one output only (a regular
    /// file, FIFO or socket), else nil.
    static func identity(ofDescriptor descriptor: Int32) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFBLK ? nil : "inode \(info.st_dev):\(info.st_ino)"
    }

    /// Where a dangling symlink chain ends (the path itself when it is no link).
    private static func followLinks(_ path: String, failure: (Int32, String) -> DataError) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw failure(errno, "cannot read the link") }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        throw failure(ELOOP, "cannot write")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The system's words for an errno, lower-cased as the middle of a sentence (`is a directory`).
    static func words(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
