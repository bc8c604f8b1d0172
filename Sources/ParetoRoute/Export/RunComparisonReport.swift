/// How `compare` shows two runs: a text table for people, one JSON object for pipelines.
extension RunComparison {
    /// The comparison as one JSON object (cells in the new run's order, figures unrounded).
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        func difference(_ d: PairedDifference) -> JSONValue {
            .object([
                ("pairs", .number(Double(d.pairs))),
                ("change", .number(d.meanChange)),
                ("paired_standard_error", number(d.pairedStandardError)),
                ("unpaired_standard_error", number(d.unpairedStandardError)),
                ("ci95_low", number(d.interval?.lowerBound)),
                ("ci95_high", number(d.interval?.upperBound)),
                ("p_value", .number(d.pValue)),
                ("test", .string(d.test.rawValue)),
            ])
        }
        return .object([
            ("false_discovery_rate", .number(level)),
            ("drop", .number(drop)),
            ("unchanged_cells", .number(Double(unchangedCount))),
            ("fewer_samples", .array(shrunk.map { cell in
                .object([("intent", .string(cell.intent)), ("setting", .string(cell.setting.description)),
                         ("old_samples", .number(Double(cell.oldSamples))), ("new_samples", .number(Double(cell.newSamples))),
                         ("file", .string(cell.newFile))])
            })),
            ("new_cells", .array(added.map { .string($0) })),
            ("vanished_cells", .array(vanished.map { .string($0) })),
            ("changed_cells", .array(changed.map { cell in
                .object([
                    ("intent", .string(cell.intent)),
                    ("setting", .string(cell.setting.description)),
                    ("old_samples", .number(Double(cell.oldSamples))),
                    ("new_samples", .number(Double(cell.newSamples))),
                    ("quality", difference(cell.quality)),
                    ("adjusted_p_value", .number(cell.adjustedPValue)),
                    ("beyond_noise", .bool(cell.isBeyondNoise(level: level))),
                    ("unmatched_old_samples", .number(Double(cell.unmatchedOld))),
                    ("unmatched_new_samples", .number(Double(cell.unmatchedNew))),
                    ("p99_change_ms", .number(cell.p99Change)),
                    ("p99_change_ci95_low", number(cell.p99Interval?.lowerBound)),
                    ("p99_change_ci95_high", number(cell.p99Interval?.upperBound)),
                    ("input_tokens", difference(cell.inputTokens)),
                    ("output_tokens", difference(cell.outputTokens)),
                    ("regressions", .array(cell.regressions.map { r in
                        .object([("sample_id", .string(r.sampleID)), ("old_quality", .number(r.oldQuality)),
                                 ("new_quality", .number(r.newQuality))])
                    })),
                ])
            })),
        ])
    }

    /// The comparison for people, fitted to `width` columns when given.
    public func text(width: Int?) -> String {
        let beyond = changed.filter { $0.isBeyondNoise(level: level) }
        var lines = ["\(changed.count + unchangedCount) cells in both runs: \(changed.count) changed, \(unchangedCount) unchanged; \(added.count) new, \(vanished.count) vanished"]
        for cell in shrunk {
            lines.append("FEWER SAMPLES: \(cell.intent) \(cell.setting): \(cell.oldSamples) → \(cell.newSamples) (\(cell.newFile)); its figures rest on far fewer samples")
        }
        if !changed.isEmpty {
            lines.append("quality on shared samples (paired; p by \(Set(changed.map(\.quality.test.rawValue)).sorted().joined(separator: "/")), q = Benjamini–Hochberg at \(formatPercent(level)) false discoveries): \(beyond.count) beyond noise")
            let rows = changed.map { cell -> [String] in
                let q = cell.quality
                let interval = q.interval.map { "[\(signed($0.lowerBound)), \(signed($0.upperBound))]" } ?? "n/a"
                let errors = "\(formatStandardError(q.pairedStandardError))/\(formatStandardError(q.unpairedStandardError))"
                return [cell.name, "\(q.pairs)", signed(q.meanChange), interval, errors, formatP(cell.adjustedPValue),
                        cell.isBeyondNoise(level: level) ? (q.meanChange < 0 ? "WORSE" : "better") : "noise",
                        "\(cell.p99Change >= 0 ? "+" : "")\(formatFixed(cell.p99Change, decimals: 0))"]
            }
            lines += TextTable(columns: [
                .init("cell", cuttable: true), .init("pairs", .right, dropRank: 1), .init("change", .right),
                .init("95% interval", compact: "95% CI", .right, dropRank: 2), .init("SE paired/unpaired", compact: "SE p/u", .right, dropRank: 0),
                .init("q", .right), .init("verdict"), .init("p99 ms", .right, dropRank: 3),
            ], rows: rows, indent: "  ").lines(width: width)
        }
        for cell in changed where cell.unmatchedOld > 0 || cell.unmatchedNew > 0 {
            lines.append("unpaired: \(cell.name): \(cell.unmatchedOld) old sample(s) without a new score, \(cell.unmatchedNew) new sample id(s) the old run lacks (left out of the paired figures)")
        }
        let regressions = changed.filter { !$0.regressions.isEmpty }
        if !regressions.isEmpty {
            lines.append("samples whose quality dropped by more than \(formatPercent(drop)) (A11 scan), largest relative drop first:")
            for cell in regressions {
                let shown = cell.regressions.prefix(5).map { "\($0.sampleID) \(formatQuality($0.oldQuality))→\(formatQuality($0.newQuality))" }
                let more = cell.regressions.count > 5 ? ", +\(cell.regressions.count - 5) more" : ""
                lines.append("  \(cell.name): \(cell.regressions.count): \(shown.joined(separator: ", "))\(more)")
            }
        }
        if !added.isEmpty { lines.append("new cells: \(added.prefix(5).joined(separator: ", "))\(added.count > 5 ? ", +\(added.count - 5) more" : "")") }
        if !vanished.isEmpty { lines.append("vanished cells: \(vanished.prefix(5).joined(separator: ", "))\(vanished.count > 5 ? ", +\(vanished.count - 5) more" : "")") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + formatFixed(value, decimals: 4)
    }

    private func formatP(_ value: Double) -> String {
        value < 0.0001 ? "<0.0001" : formatFixed(value, decimals: 4)
    }
}
