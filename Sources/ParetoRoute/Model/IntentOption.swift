/// What an intent is served with: one setting, or a route over two settings.
///
/// The per-intent unit of a configuration, a front point and every report: code that
/// handles an intent's choice handles both kinds through this one type.
public enum IntentOption: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Every request of the intent goes to one setting (one cell of the data).
    case setting(Setting)
    /// The requests are split between two settings (two cells) by a router or a share.
    case route(Route)

    /// The settings the option uses: one, or a route's `low` then `high`.
    public var settings: [Setting] {
        switch self {
        case .setting(let setting): return [setting]
        case .route(let route): return [route.low, route.high]
        }
    }

    /// The single setting, or nil for a route.
    public var singleSetting: Setting? {
        if case .setting(let setting) = self { return setting }
        return nil
    }

    /// The route, or nil for a single setting.
    public var routing: Route? {
        if case .route(let route) = self { return route }
        return nil
    }

    /// The names of the models the option uses, in order of use (a route's `low` first), without repeats.
    public var modelNames: [String] {
        var names: [String] = []
        for setting in settings where !names.contains(setting.model) { names.append(setting.model) }
        return names
    }

    /// A setting's or a route's short form (see ``Setting/description`` and ``Route/description``).
    public var description: String {
        switch self {
        case .setting(let setting): return setting.description
        case .route(let route): return route.description
        }
    }

    /// Settings before routes; settings by ``Setting``'s order, routes by ``Route``'s.
    public static func < (lhs: IntentOption, rhs: IntentOption) -> Bool {
        switch (lhs, rhs) {
        case (.setting(let a), .setting(let b)): return a < b
        case (.setting, .route): return true
        case (.route, .setting): return false
        case (.route(let a), .route(let b)): return a < b
        }
    }

    /// The four knobs as table cells: a setting's values, or a route's `low⇄high` pairs
    /// (one value when both sides agree), so one table shows settings and routes alike.
    public var knobTexts: (model: String, maxTokens: String, temperature: String, ragChunks: String) {
        let list = settings
        func joined(_ values: [String]) -> String {
            values.count == 2 && values[0] != values[1] ? values.joined(separator: "⇄") : values[0]
        }
        return (joined(list.map(\.model)), joined(list.map { "\($0.maxTokens)" }),
                joined(list.map { formatNumber($0.temperature) }), joined(list.map { "\($0.ragChunks)" }))
    }
}
