/// A route as a configuration names it: one intent served by two settings, `low` and `high`,
/// and the rule that sends each request to one of them (the contract, version 2, "Routers and routes").
///
/// A value of names, like ``Setting``: it is read from configuration files before any data is
/// loaded; ``CellTable/optionIndex(intent:option:)`` finds its figures.
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How a route splits the traffic between its two settings.
    public enum Rule: Sendable, Hashable {
        /// Requests the router scores at least `threshold` go to `high`, the others to `low`.
        case threshold(router: String, threshold: Double)
        /// A random `share` of the traffic (in [0, 1]) goes to `high`.
        case share(Double)
    }

    /// The split.
    public var rule: Rule
    /// The setting that takes the requests not sent to `high` (usually the cheaper one).
    public var low: Setting
    /// The setting that takes the requests sent to it by the rule.
    public var high: Setting

    /// Creates a route.
    public init(rule: Rule, low: Setting, high: Setting) {
        self.rule = rule
        self.low = low
        self.high = high
    }

    /// The router's name, for a threshold route.
    public var routerName: String? {
        if case .threshold(let router, _) = rule { return router }
        return nil
    }

    /// `haiku/250/t0.3/rag2 ⇄ sonnet/400/… @complexity≥0.62`, `haiku/500/t0.1/rag0 ⇄ …/rag2
    /// @share 0.3`: both settings and the split, `high`'s knobs that repeat `low`'s elided (at
    /// the start and at the end), short enough for tables and messages.
    public var description: String {
        "\(low) ⇄ \(Route.elided(high.description, against: low.description)) @\(ruleDescription)"
    }

    /// `text` with the leading and trailing `/`-parts it shares with `other` replaced by `…`.
    static func elided(_ text: String, against other: String) -> String {
        let mine = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let theirs = other.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard mine != theirs, mine.count == theirs.count else { return text }
        var start = 0
        while mine[start] == theirs[start] { start += 1 }
        var end = mine.count
        while mine[end - 1] == theirs[end - 1] { end -= 1 }
        return (start > 0 ? ["…"] : []).joined() + (start > 0 ? "/" : "")
            + mine[start..<end].joined(separator: "/") + (end < mine.count ? "/…" : "")
    }

    /// `complexity≥0.62` or `share 0.3`.
    public var ruleDescription: String {
        switch rule {
        case .threshold(let router, let threshold): return "\(router)≥\(formatNumber(threshold))"
        case .share(let share): return "share \(formatNumber(share))"
        }
    }

    /// Orders by `low`, then `high`, then share routes before threshold routes (by router, then value).
    public static func < (lhs: Route, rhs: Route) -> Bool {
        if lhs.low != rhs.low { return lhs.low < rhs.low }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        switch (lhs.rule, rhs.rule) {
        case (.share(let a), .share(let b)): return a < b
        case (.share, .threshold): return true
        case (.threshold, .share): return false
        case (.threshold(let r, let a), .threshold(let s, let b)): return (r, a) < (s, b)
        }
    }
}
