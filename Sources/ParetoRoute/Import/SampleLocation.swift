/// Where a sample sits in a tool's file, so every error names the file, the sample and the JSON path.
struct SampleLocation {
    /// The file as the user named it.
    let file: String
    /// The sample's path in the file: `samples[41]`, `results.results[3]`, `line 4`.
    let path: String
    /// The sample as a person knows it: `faq-0007 epoch 2`, `test 12`.
    let label: String?
    /// The 1-based line, for JSONL files.
    let line: Int?

    /// An error at `path.field` (`samples[41].scores.match.value`).
    func error(_ field: String, _ message: String) -> DataError {
        let fieldPath = [path, field].filter { !$0.isEmpty }.joined(separator: ".")
        let prefix = label.map { "sample \($0): " } ?? ""
        return DataError(file: file, line: line, field: fieldPath.isEmpty ? nil : fieldPath, prefix + message)
    }
}
