/// The version of ParetoRoute that wrote a file or printed a result.
///
/// Front files record it because the same-data-same-seed-same-bytes promise holds per
/// version: a later release may find a better front or write figures differently, and a
/// reader comparing two files must be able to tell that apart from changed data.
public enum ToolVersion {
    /// The current version, printed by `paretoroute --version` and written as `tool_version`.
    public static let current = "0.2.0"
}
