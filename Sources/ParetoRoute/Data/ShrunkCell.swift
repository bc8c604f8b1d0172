/// A cell that a later evals file replaced with far fewer samples than it had.
///
/// The supersede rule replaces a cell's rows wholesale, so three new rows can stand in for two
/// hundred old ones and move the front on noise. Such a replacement is legal but must be loud:
/// the loader lists it among the table's warnings, and `compare` lists it first.
public struct ShrunkCell: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The replaced cell's setting.
    public var setting: Setting
    /// Samples the cell had before the replacement.
    public var oldSamples: Int
    /// The file those samples came from.
    public var oldFile: String
    /// Samples the cell has now.
    public var newSamples: Int
    /// The file that replaced them.
    public var newFile: String

    /// A replacement is loud when it keeps fewer than half the samples: sampling noise then
    /// grows by more than √2, enough to move a cell across a floor or past a neighbour.
    public static func isShrunk(from old: Int, to new: Int) -> Bool {
        2 * new < old
    }

    /// One line for the warnings of `validate`, `optimize` and `exact`.
    public var warning: String {
        "\(intent) \(setting): \(newFile) replaces its \(oldSamples) samples (\(oldFile)) with \(newSamples); its figures now rest on \(newSamples) sample(s)"
    }
}
