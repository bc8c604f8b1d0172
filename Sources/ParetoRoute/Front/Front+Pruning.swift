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
            ("too_few_samples", .number(Double(tooFewSamples))),
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
        if tooFewSamples > 0 { parts.append("\(tooFewSamples) with too few samples") }
        return "\(intent): " + parts.joined(separator: ", ") + " → \(candidates) candidate\(candidates == 1 ? "" : "s")"
    }
}

extension SearchSpace.Pruning {
    /// One line for people over every intent, printed by default instead of the
    /// per-intent lines: `pruned 584 of 1080 cells: 559 below a quality floor, 25 above a P99 cap`.
    /// Each pruned cell counts under its first reason (pin, excluded model, too few samples,
    /// floor, cap).
    public static func summary(_ pruning: [SearchSpace.Pruning]) -> String {
        let cells = pruning.reduce(0) { $0 + $1.cells }
        let pruned = cells - pruning.reduce(0) { $0 + $1.candidates }
        var reasons: [String] = []
        let below = pruning.reduce(0) { $0 + $1.belowFloor }, above = pruning.reduce(0) { $0 + $1.aboveCap }
        let excluded = pruning.reduce(0) { $0 + $1.excludedModel }, pinned = pruning.reduce(0) { $0 + $1.pinned }
        let thin = pruning.reduce(0) { $0 + $1.tooFewSamples }
        if below > 0 { reasons.append("\(below) below a quality floor") }
        if above > 0 { reasons.append("\(above) above a P99 cap") }
        if excluded > 0 { reasons.append("\(excluded) of excluded models") }
        if pinned > 0 { reasons.append("\(pinned) left out by pins") }
        if thin > 0 { reasons.append("\(thin) with too few samples") }
        return "pruned \(pruned) of \(cells) cells" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: ", "))
    }
}
