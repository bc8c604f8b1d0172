/// How `check` shows a repair, for people and as JSON.
extension FeasibilityRepair {
    /// The breaches, the fewest intents to change and the repairs, as lines for people.
    public var text: String {
        var lines: [String] = []
        let width = max(6, breaches.map(\.figures.intent.count).max() ?? 6)
        if !breaches.isEmpty {
            lines.append("NOT feasible: \(breaches.count) intent\(breaches.count == 1 ? "" : "s") break\(breaches.count == 1 ? "s" : "") a floor or cap")
            for breach in breaches {
                lines.append("  " + pad(breach.figures.intent, width) + "  " + FeasibilityRepair.describe(breach, confidence: confidence))
            }
        }
        for failure in evaluation.globalFailures { lines.append("NOT feasible: \(failure)") }
        let breaking = Set(breaches.map(\.intentIndex))
        let ruledOut = mustChange.filter { !breaking.contains($0) }
        let byModel = ruledOut.filter { !thinIntents.contains($0) }.map { evaluation.perIntent[$0].intent }
        let bySamples = ruledOut.filter { thinIntents.contains($0) }.map { evaluation.perIntent[$0].intent }
        if !byModel.isEmpty {
            lines.append("  and the scope rules out the model of \(byModel.joined(separator: ", ")), so \(byModel.count == 1 ? "it" : "they") must change too")
        }
        if !bySamples.isEmpty {
            lines.append("  and the cell of \(bySamples.joined(separator: ", ")) rests on fewer samples than the minimum, so \(bySamples.count == 1 ? "it" : "they") must change too")
        }
        guard let fewest = fewestChanges else {
            lines.append("no feasible configuration exists\(constraintsPhrase.map { " under \($0)" } ?? "") whatever changes")
            return lines.joined(separator: "\n") + "\n"
        }
        if globalConstraintBinds {
            lines.append("fewest intents to change: \(fewest); changing only the \(mustChange.count) that must change cannot also meet \(constraintsPhrase ?? "the global constraints"), so \(fewest - mustChange.count) more must")
        } else {
            lines.append("fewest intents to change: \(fewest) (\(fewest == breaches.count ? (fewest == 1 ? "the one above" : "those above") : "those above and the ruled-out ones"))")
        }
        for option in options {
            let more = option.maxChanges - fewest
            let scope = more == 0
                ? (globalConstraintBinds ? "changing \(fewest) intents" : fewest == 1 ? "changing only that intent" : "changing only those \(fewest)")
                : "changing \(more) more (\(option.maxChanges) intents)"
            lines.append("  cheapest feasible repair \(scope): \(summary(option.cheapest))")
            lines.append("    " + changes(option.cheapest))
            if let best = option.bestWithinCost {
                if best.choice == option.cheapest.choice {
                    lines.append("  best quality within today's \(formatUSD(evaluation.monthlyCostUSD)) \(scope): the same")
                } else {
                    lines.append("  best quality within today's \(formatUSD(evaluation.monthlyCostUSD)) \(scope): \(summary(best))")
                    lines.append("    " + changes(best))
                }
            } else {
                lines.append("  best quality within today's \(formatUSD(evaluation.monthlyCostUSD)) \(scope): none (every repair costs more)")
            }
        }
        lines.append("  (each whole front: paretoroute exact --baseline CONFIG.json --feasible-only --max-changes K)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The repair as one JSON object.
    public var json: JSONValue {
        func configuration(_ e: ConfigurationEvaluation) -> JSONValue {
            .object([
                ("monthly_cost_usd", .number(e.monthlyCostUSD)),
                ("quality", .number(e.quality)),
                ("cost_change_usd", .number(e.monthlyCostUSD - evaluation.monthlyCostUSD)),
                ("quality_change", .number(e.quality - evaluation.quality)),
                ("changed_intents", .array(changedIntents(e).map { .string($0) })),
                ("config", Configuration(entries: e.perIntent.map { ($0.intent, $0.option) }).json),
            ])
        }
        return .object([
            ("breaches", .array(breaches.map { breach in
                .object([("intent", .string(breach.figures.intent)),
                         ("failures", .array(breach.violation.labels.map { .string($0) })),
                         ("quality", .number(breach.figures.quality)), ("min_quality", .number(breach.figures.minQuality)),
                         ("p99_latency_ms", .number(breach.figures.p99LatencyMs)),
                         ("max_p99_latency_ms", .number(breach.figures.maxP99LatencyMs))])
            })),
            ("global_failures", .array(evaluation.globalFailures.map { .string($0) })),
            ("must_change", .array(mustChange.map { .string(evaluation.perIntent[$0].intent) })),
            ("fewest_changes", fewestChanges.map { .number(Double($0)) } ?? .null),
            ("global_constraint_binds", .bool(globalConstraintBinds)),
            ("repairs", .array(options.map { option in
                .object([("max_changes", .number(Double(option.maxChanges))),
                         ("front_points", .number(Double(option.front.count))),
                         ("cheapest", configuration(option.cheapest)),
                         ("best_within_cost", option.bestWithinCost.map(configuration) ?? .null)])
            })),
        ])
    }

    /// `$49,659/month (-$79,798), quality 0.8844 (-0.0362)`.
    private func summary(_ e: ConfigurationEvaluation) -> String {
        let cost = e.monthlyCostUSD - evaluation.monthlyCostUSD
        let quality = e.quality - evaluation.quality
        return "\(formatUSD(e.monthlyCostUSD))/month (\(cost >= 0 ? "+" : "")\(formatUSD(cost))), quality \(formatQuality(e.quality)) (\(quality >= 0 ? "+" : "-")\(formatQuality(abs(quality))))"
    }

    /// `faq → sonnet/250/t0.1/rag2, order_tracking → …`.
    private func changes(_ e: ConfigurationEvaluation) -> String {
        e.choice.indices.filter { e.choice[$0] != evaluation.choice[$0] }
            .map { "\(e.perIntent[$0].intent) → \(e.perIntent[$0].option)" }.joined(separator: ", ")
    }

    /// The global constraints in words, or nil when there are none.
    private var constraintsPhrase: String? {
        var parts: [String] = []
        if let cap = constraints.maxMonthlyCostUSD { parts.append("monthly cost ≤ \(formatUSD(cap))") }
        if let floor = constraints.minQuality { parts.append("quality ≥ \(formatQuality(floor))") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
