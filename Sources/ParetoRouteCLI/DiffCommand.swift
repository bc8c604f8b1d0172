import ParetoRoute

/// `paretoroute diff OLD.json NEW.json`: what moved after new eval scores arrived.
enum DiffCommand {
    static let help = """
        usage: paretoroute diff OLD.json NEW.json [--budget USD] [--json] [--fail-if-worse]

        Compares two fronts: hypervolume before and after (one reference point over both
        fronts), configurations gained and lost, settings that differ, and how the
        configuration a budget buys changed intent by intent, with cost and quality deltas.
          --budget USD      the budget to compare at (default: the old front's knee cost)
          --json            print the comparison as one JSON object (see docs/front-file.md)
          --fail-if-worse   exit 3 when the new front is worse: a lower hypervolume over the
                            union's reference point (beyond a relative 1e-9), less quality at
                            the budget beyond noise, or no point within the budget

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "budget", takesValue: true), .init(name: "json", takesValue: false),
            .init(name: "fail-if-worse", takesValue: false),
        ], command: "diff")
        try args.requirePositionals(2, command: "diff", names: "OLD.json and NEW.json")
        let budget = try args.double("budget", command: "diff", minimum: 0)
        let fronts = try Front.load(paths: [args.positionals[0], args.positionals[1]])
        let old = fronts[0], new = fronts[1]
        let diff = FrontDiff(old: old, new: new, budget: budget)
        let z = NormalQuantile.twoSided(0.95)
        if args.flag("json") {
            console.out(diff.json(z: z).serialized())
        } else {
            console.text(text(diff, z: z))
        }
        if args.flag("fail-if-worse") {
            let regressions = diff.regressions(z: z)
            if !regressions.isEmpty {
                console.note("diff: the new front is worse: \(regressions.joined(separator: "; "))\n")
                return ExitStatus.gateFailed
            }
        }
        return ExitStatus.ok
    }

    static func text(_ diff: FrontDiff, z: Double) -> String {
        var lines: [String] = []
        let change = diff.hypervolumeChangePercent
        lines.append("hypervolume \(formatFixed(diff.oldHypervolume, decimals: 2)) → \(formatFixed(diff.newHypervolume, decimals: 2)) (\(change >= 0 ? "+" : "")\(formatFixed(change, decimals: 2))%; reference \(formatUSD(diff.referencePoint.cost)), \(formatQuality(diff.referencePoint.quality)) over both fronts)")
        if let search = diff.searchDifferences {
            let exact = diff.old.method == .exact && diff.new.method == .exact
            if search.onlyOld == 0, search.onlyNew == 0 {
                lines.append("points: \(diff.old.pointCount) → \(diff.new.pointCount); same data (\(diff.old.dataFingerprint)) and assumptions: the same configurations\(exact ? " (its exact front)" : "")")
            } else {
                lines.append("points: \(diff.old.pointCount) → \(diff.new.pointCount); same data (\(diff.old.dataFingerprint)) and assumptions: nothing changed; the differences are the search's (\(search.onlyOld) configurations only in the old front, \(search.onlyNew) only in the new)")
            }
        } else {
            lines.append("points: \(diff.old.pointCount) → \(diff.new.pointCount); \(diff.gained.count) configurations gained, \(diff.lost.count) lost")
        }
        if diff.dataChanged {
            lines.append("data changed: \(diff.old.dataFingerprint) → \(diff.new.dataFingerprint)")
            let beyond = diff.movedCells.filter(\.qualityBeyondNoise)
            if diff.movedCells.isEmpty {
                lines.append(diff.gained.isEmpty && diff.lost.isEmpty
                    ? "no cell both fronts use moved, and no configuration changed"
                    : "no cell both fronts still use moved: the differences come from cells only one front uses (a cell one front dropped may have moved: paretoroute compare OLD_DATA NEW_DATA)")
            } else {
                let named = (beyond.isEmpty ? diff.movedCells : beyond).prefix(3).map { cell in
                    "\(cell.intent) \(cell.option) \(formatQuality(cell.oldQuality))→\(formatQuality(cell.newQuality))"
                }
                let more = (beyond.isEmpty ? diff.movedCells : beyond).count - named.count
                lines.append("cause: \(diff.movedCells.count) cell(s) both fronts use moved, \(beyond.count) in quality beyond noise: \(named.joined(separator: ", "))\(more > 0 ? ", +\(more) more" : "")")
            }
        }
        for setting in diff.settingChanges {
            lines.append("setting \(setting.key): \(setting.old.compact()) → \(setting.new.compact())")
        }
        lines.append("at a budget of \(formatUSD(diff.budgetUSD))/month:")
        switch (diff.oldPick, diff.newPick) {
        case let (o?, n?):
            let a = o.point, b = n.point
            lines.append("  old #\(o.index + 1): \(formatUSD(a.monthlyCostUSD)), quality \(formatQuality(a.quality))")
            lines.append("  new #\(n.index + 1): \(formatUSD(b.monthlyCostUSD)), quality \(formatQuality(b.quality)) (cost \(signedUSD(b.monthlyCostUSD - a.monthlyCostUSD)), quality \(signed(b.quality - a.quality)))")
            let overallNoise = diff.qualityNoiseMargin(z: z) ?? 0
            if abs(b.quality - a.quality) < overallNoise, b.quality != a.quality {
                lines.append("  the quality change is within noise (95% margin \(overallNoise.isFinite ? "±" + formatQuality(overallNoise) : "unknown: a cell rests on one sample"))")
            }
            if diff.changes.isEmpty { lines.append("  same configuration") }
            for c in diff.changes {
                let mark = c.isWithinNoise(z: z) ? " [within noise]" : ""
                lines.append("  \(c.intent): \(c.old?.description ?? "-") → \(c.new?.description ?? "-") (cost \(signedUSD(c.costDeltaUSD)), quality \(signed(c.qualityDelta)))\(mark)")
            }
        default:
            lines.append("  \(diff.oldPick == nil ? "the old front" : "the new front") has no point within the budget")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + formatQuality(value)
    }

    private static func signedUSD(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + formatUSD(value)
    }
}
