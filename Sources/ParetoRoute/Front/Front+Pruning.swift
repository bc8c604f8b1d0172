extension SearchSpace.Pruning {
    /// The pruning report as written in a front's statistics.
    public var json: JSONValue {
        .object([
            ("intent", .string(intent)),
            ("cells", .number(Double(cells))),
            ("below_quality_floor", .number(Double(belowFloor))),
            ("above_p99_cap", .number(Double(aboveCap))),
            ("excluded_model", .number(Double(excludedModel))),
            ("pinned", .number(Double(pinned))),
            ("candidates", .number(Double(candidates))),
        ])
    }

    /// One line for people: `faq: 108 cells, 40 below floor, 12 above P99 cap → 56 candidates`.
    public var text: String {
        var parts = ["\(cells) cells"]
        if belowFloor > 0 { parts.append("\(belowFloor) below the quality floor") }
        if aboveCap > 0 { parts.append("\(aboveCap) above the P99 cap") }
        if excludedModel > 0 { parts.append("\(excludedModel) of excluded models") }
        if pinned > 0 { parts.append("\(pinned) left out by the pin") }
        return "\(intent): " + parts.joined(separator: ", ") + " → \(candidates) candidates"
    }
}
