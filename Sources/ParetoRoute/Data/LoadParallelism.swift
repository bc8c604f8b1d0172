/// How the loader spreads an evals file over the cores.
///
/// The standard setting reads 16 MiB at a time and parses it in 1 MiB pieces on every core while
/// one core hashes it for the fingerprint. Tests force tiny sizes so that a fixture of a few rows is
/// cut too, and compare against ``sequential``, the reader as it was, which every result must equal
/// byte for byte.
package struct LoadParallelism: Sendable, Equatable {
    /// Whether a file may be parsed in pieces at all.
    package var isParallel: Bool
    /// Bytes read and processed at a time (memory stays bounded by a few of these).
    package var windowBytes: Int
    /// The size of a piece parsed by one task.
    package var pieceBytes: Int

    /// Creates a setting; sizes below 1 are taken as 1.
    package init(isParallel: Bool, windowBytes: Int, pieceBytes: Int) {
        self.isParallel = isParallel
        self.windowBytes = max(1, windowBytes)
        self.pieceBytes = max(1, pieceBytes)
    }

    /// What every command uses.
    package static let standard = LoadParallelism(isParallel: true, windowBytes: 16 << 20, pieceBytes: 1 << 20)
    /// One thread through the streaming CSV parser: the reference the parallel path must equal.
    package static let sequential = LoadParallelism(isParallel: false, windowBytes: 1 << 20, pieceBytes: 1 << 20)
}
