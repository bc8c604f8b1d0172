/// A Pareto front of monthly cost vs weighted quality, as written to and read from files.
///
/// The front is what users keep: its JSON (`paretoroute.front/1`) records the method,
/// the settings and seed, the data fingerprint and every point with its configuration,
/// so a front can be picked from, checked against and diffed later without rerunning.
public struct Front: Sendable {
    /// The format tag every front file carries.
    public static let format = "paretoroute.front/1"

    /// How the front was found.
    public enum Method: String, Sendable {
        /// The evolutionary search.
        case nsga2
        /// The dynamic-programming exact front.
        case exact
    }

    /// How the front was found.
    public var method: Method
    /// The FNV-1a 64 fingerprint of the data the front was made from.
    public var dataFingerprint: String
    /// The run's settings (seed, population, constraints, overrides…), as written.
    public var settings: [(String, JSONValue)]
    /// Figures about the run (pruned cells, evaluations…), as written.
    public var statistics: [(String, JSONValue)]
    /// The points, sorted by cost ascending.
    public var points: [FrontPoint]

    /// Creates a front; points are sorted by cost (then quality, best first).
    public init(method: Method, dataFingerprint: String, settings: [(String, JSONValue)] = [],
                statistics: [(String, JSONValue)] = [], points: [FrontPoint]) {
        self.method = method
        self.dataFingerprint = dataFingerprint
        self.settings = settings
        self.statistics = statistics
        self.points = points.sorted { a, b in
            a.monthlyCostUSD != b.monthlyCostUSD ? a.monthlyCostUSD < b.monthlyCostUSD : a.quality > b.quality
        }
    }

    /// The points' objectives.
    public var objectives: [(cost: Double, quality: Double)] {
        points.map { ($0.monthlyCostUSD, $0.quality) }
    }

    /// The reference point by the tool's rule, over this front alone.
    public var referencePoint: (cost: Double, quality: Double) {
        FrontGeometry.referencePoint(objectives)
    }

    /// The hypervolume against ``referencePoint``.
    public var hypervolume: Double {
        FrontGeometry.hypervolume(objectives, reference: referencePoint)
    }

    /// The knee point's index (see ``FrontGeometry/kneeIndex(_:)``).
    public var kneeIndex: Int? {
        FrontGeometry.kneeIndex(objectives)
    }
}
