import Foundation

extension GoldenDataLoader {
    /// The paths of the files a load of `directory` reads (models.csv, intents.csv,
    /// evals.csv or evals/*.csv), those that exist; no error, as the load reports them.
    ///
    /// A command checks its outputs against them before any work: an output never
    /// replaces the data it was computed from.
    package static func files(directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var paths = [base + "models.csv", base + "intents.csv", base + "evals.csv"]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: base + "evals") {
            paths += names.filter { $0.hasSuffix(".csv") }.sorted().map { base + "evals/" + $0 }
        }
        return paths.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
