import ParetoRoute

/// `paretoroute diff OLD.json NEW.json`: what moved after new eval scores arrived.
enum DiffCommand {
    static let help = """
        usage: paretoroute diff OLD.json NEW.json [--budget USD]

        Compares two fronts: hypervolume before and after (one reference point over both
        fronts), configurations gained and lost, and how the configuration a budget buys
        changed intent by intent, with cost and quality deltas.
          --budget USD   the budget to compare at (default: the old front's knee cost)

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [.init(name: "budget", takesValue: true)], command: "diff")
        try args.requirePositionals(2, command: "diff", names: "OLD.json and NEW.json")
        let old = try Front.load(path: args.positionals[0])
        let new = try Front.load(path: args.positionals[1])
        let diff = FrontDiff(old: old, new: new, budget: try args.double("budget", command: "diff", minimum: 0))
        var lines: [String] = []
        let change = diff.hypervolumeChangePercent
        lines.append("hypervolume \(formatFixed(diff.oldHypervolume, decimals: 2)) → \(formatFixed(diff.newHypervolume, decimals: 2)) (\(change >= 0 ? "+" : "")\(formatFixed(change, decimals: 2))%; reference \(formatUSD(diff.referencePoint.cost)), \(formatQuality(diff.referencePoint.quality)) over both fronts)")
        lines.append("points: \(old.points.count) → \(new.points.count); \(diff.gained.count) configurations gained, \(diff.lost.count) lost")
        if diff.dataChanged {
            lines.append("data changed: \(old.dataFingerprint) → \(new.dataFingerprint)")
        }
        for setting in diff.settingChanges {
            lines.append("setting \(setting.key): \(setting.old.compact()) → \(setting.new.compact())")
        }
        lines.append("at a budget of \(formatUSD(diff.budgetUSD))/month:")
        switch (diff.oldPick, diff.newPick) {
        case let (o?, n?):
            let a = old.points[o], b = new.points[n]
            lines.append("  old #\(o + 1): \(formatUSD(a.monthlyCostUSD)), quality \(formatQuality(a.quality))")
            lines.append("  new #\(n + 1): \(formatUSD(b.monthlyCostUSD)), quality \(formatQuality(b.quality)) (cost \(signedUSD(b.monthlyCostUSD - a.monthlyCostUSD)), quality \(signed(b.quality - a.quality)))")
            let z = NormalQuantile.twoSided(0.95)
            let overallNoise = diff.qualityNoiseMargin(z: z, old: old, new: new) ?? 0
            if abs(b.quality - a.quality) < overallNoise, b.quality != a.quality {
                lines.append("  the quality change is within noise (95% margin ±\(formatQuality(overallNoise)))")
            }
            if diff.changes.isEmpty { lines.append("  same configuration") }
            for c in diff.changes {
                let mark = c.isWithinNoise(z: z) ? " [within noise]" : ""
                lines.append("  \(c.intent): \(c.old?.description ?? "-") → \(c.new?.description ?? "-") (cost \(signedUSD(c.costDeltaUSD)), quality \(signed(c.qualityDelta)))\(mark)")
            }
        default:
            lines.append("  \(diff.oldPick == nil ? "the old front" : "the new front") has no point within the budget")
        }
        console.out(lines.joined(separator: "\n") + "\n")
        return ExitStatus.ok
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + formatQuality(value)
    }

    private static func signedUSD(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + formatUSD(value)
    }
}
