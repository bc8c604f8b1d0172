/// One file of a generated data directory: where it goes and its exact bytes.
public struct GeneratedFile: Sendable, Hashable {
    /// Path relative to the data directory, with `/` separators (e.g. `evals/0001-baseline.csv`).
    public var relativePath: String
    /// The file's content, UTF-8 CSV with LF line ends.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(relativePath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.bytes = bytes
    }
}
