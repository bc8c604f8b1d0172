import Foundation

/// Writes result files so that a reader never sees half a file.
///
/// The bytes go to a temporary file in the target's directory, which is then renamed
/// over the target: a run that fails before the rename leaves the previous file whole.
public enum AtomicFile {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` atomically; `failAfterWriting` lets tests simulate a failure.
    public static func write(_ data: Data, to path: String, failAfterWriting: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataError(.writeFailure, file: path, "cannot write: the directory \(directory) does not exist")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw DataError(.writeFailure, file: path, "cannot write a temporary file in \(directory)")
        }
        if failAfterWriting {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DataError(.writeFailure, file: path, "simulated failure after writing")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DataError(.writeFailure, file: path, "cannot replace the file (rename failed, errno \(errno))")
        }
    }
}
