import Foundation

/// Writes result files so that a reader never sees half a file: kept for callers written
/// before ``OutputTarget``, which it forwards to (symlinks followed, devices and FIFOs
/// written directly, `-` standard output).
@available(*, deprecated, message: "use OutputTarget(path:option:), which every output option goes through")
package enum AtomicFile {
    /// Writes `text` to `path` as ``OutputTarget/write(_:)-(String)`` does.
    package static func write(_ text: String, to path: String) throws {
        try OutputTarget(path: path).write(text)
    }

    /// Writes `data` to `path`; `failAfterWriting` lets tests simulate a failure.
    package static func write(_ data: Data, to path: String, failAfterWriting: Bool = false) throws {
        try OutputTarget(path: path).write(data, failAfterWriting: failAfterWriting)
    }
}
