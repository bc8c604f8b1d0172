/// The one range check of a confidence level (a bootstrap interval's, a noise margin's).
///
/// Every entry point that takes a confidence calls ``check(_:)``, so the range and its
/// wording live here once; the CLI names the flag (`--confidence`) from the option.
public enum ConfidenceLevel {
    /// The level used when none is given.
    public static let `default` = 0.95

    /// Checks that `confidence` lies in (0, 1).
    /// - Throws: ``RequestError`` on ``RequestError/Option/confidence``.
    public static func check(_ confidence: Double) throws(RequestError) {
        guard confidence > 0, confidence < 1 else {
            throw RequestError([.confidence], "\(formatNumber(confidence)) is out of range; expected a number in (0, 1), e.g. 0.95")
        }
    }

    /// The error for data loaded without its samples, which a confidence needs.
    static var samplesMissing: RequestError {
        RequestError([.confidence], "needs the data loaded with its samples (GoldenDataLoader.load(directory:keepingSamples: true))")
    }
}
