/// How long a model takes to answer, as a function of the tokens it reads and writes.
///
/// A sample's latency is `(retrieval + firstTokenMS + msPerInputToken * input + msPerOutputToken * output)`
/// times a lognormal jitter factor and, with `tailProbability`, times `1 + U(0, tailMaxExcess)`:
/// the slow requests (queueing, throttling) that decide a P99. The slow factor is bounded so that
/// a cell's P99 is set mostly by its token counts, not by one extreme draw among 200.
public struct LatencyProfile: Sendable, Hashable {
    /// Fixed time before the first token: queueing, network, prompt set-up.
    public var firstTokenMS: Double
    /// Prompt processing time per input token.
    public var msPerInputToken: Double
    /// Generation time per output token; the main driver of latency.
    public var msPerOutputToken: Double
    /// Standard deviation of the logarithm of the everyday, multiplicative jitter.
    public var spread: Double
    /// Share of requests that land in the slow tail.
    public var tailProbability: Double
    /// Largest excess factor of a slow request (0.5 = up to 50% slower), drawn uniformly.
    public var tailMaxExcess: Double

    /// Creates a latency profile; see the properties for the meaning of each figure.
    public init(
        firstTokenMS: Double, msPerInputToken: Double, msPerOutputToken: Double,
        spread: Double, tailProbability: Double, tailMaxExcess: Double
    ) {
        self.firstTokenMS = firstTokenMS
        self.msPerInputToken = msPerInputToken
        self.msPerOutputToken = msPerOutputToken
        self.spread = spread
        self.tailProbability = tailProbability
        self.tailMaxExcess = tailMaxExcess
    }
}
