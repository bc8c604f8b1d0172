/// The routers of a data set and the scores they gave each golden sample (routers.csv).
///
/// Scores are kept per (intent, router) as a map from sample id, because a route joins them
/// with two cells' samples by id: the evaluation of a threshold route is exact, sample by sample.
public struct RouterScores: Sendable {
    /// The routers, in order of first appearance in routers.csv (then router_costs.csv).
    public var routers: [Router]
    /// `scores[intent][router]`: sample id → score, for the intents and routers that have any.
    public var scores: [[Int: [String: Double]]]

    /// Creates the table; `scores` has one entry per intent of the data.
    public init(routers: [Router], scores: [[Int: [String: Double]]]) {
        self.routers = routers
        self.scores = scores
    }

    /// No router at all (data without routers.csv).
    public static func none(intents: Int) -> RouterScores {
        RouterScores(routers: [], scores: [[Int: [String: Double]]](repeating: [:], count: intents))
    }

    /// The index of the router called `name`.
    public func routerIndex(named name: String) -> Int? {
        routers.firstIndex { $0.name == name }
    }

    /// The routers that score intent `intent`, in router order.
    public func routers(scoring intent: Int) -> [Int] {
        scores[intent].keys.sorted()
    }
}
