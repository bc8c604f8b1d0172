/// A front and the data it is judged on, read at once, the data seen the way the front saw it.
///
/// `check --front` and `pick --data` compare a configuration with a front only under the
/// front's own assumptions (what-if overrides, feasibility confidence); both files are
/// large at scale (a 287 K-point front is 70 MB, its data 720 K rows), so they are read on
/// two threads.
public struct FrontWithData: Sendable {
    /// The front as read.
    public var front: Front
    /// The data directory's fingerprint, to compare with ``Front/dataFingerprint``.
    public var dataFingerprint: String
    /// The data with the front's what-if overrides and feasibility confidence applied.
    public var table: CellTable

    /// True when the front was made from other data than the directory read.
    public var isFromOtherData: Bool { front.dataFingerprint != dataFingerprint }

    /// Reads the front at `frontPath` and the data directory at `dataDirectory` concurrently.
    ///
    /// The data keeps its samples, which a front made with a feasibility confidence needs
    /// (24 bytes per row more) and their ids, which routes need; the front's error is thrown first when both fail.
    /// - Throws: ``DataError`` from reading the front (``Front/load(path:)``) or the data (``GoldenDataLoader/load(directory:keepingSamples:)``), or ``RequestError`` when the front's what-if names a model or intent the data lacks.
    public static func load(frontPath: String, dataDirectory: String) throws -> FrontWithData {
        let (front, data) = inParallel({ Result { try Front.load(path: frontPath) } },
                                       { Result { try GoldenDataLoader.load(directory: dataDirectory, keepingSamples: true, keepingSampleIDs: true) } })
        let loadedFront = try front.get()
        let loadedData = try data.get()
        return FrontWithData(front: loadedFront, dataFingerprint: loadedData.fingerprint,
                             table: try loadedFront.settings.applied(to: loadedData))
    }
}
