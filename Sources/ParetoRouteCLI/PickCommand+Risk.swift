import Foundation
import ParetoRoute

/// `pick FRONT.json --budget USD --risk P --data DIR`: the risk-aware pick, a path of its own.
extension PickCommand {
    /// The options only `--risk` takes.
    static let riskOptions: [Arguments.Option] = [
        .init(name: "risk", takesValue: true), .init(name: "scenario", takesValue: true),
        .init(name: "month", takesValue: true), .init(name: "runs", takesValue: true), .init(name: "seed", takesValue: true),
    ]

    static let riskHelp = """
          --risk P          with --budget: the best-quality point whose month-M cost stays within
                            the budget with probability at least P (Monte Carlo, see 'project');
                            needs --data; judged under the front's what-if (0: the expected cost)
          --scenario FILE   the projection's scenario (default: none)
          --month M         the month judged (default 1)
          --runs R          Monte Carlo runs (default 10000)
          --seed S          the Monte Carlo seed (default 1)

        """

    /// Runs `pick --risk`; `args` were parsed with ``riskOptions``.
    static func runRisk(_ args: Arguments, path: String, console: Console) throws -> Int32 {
        guard let risk = try args.double("risk", command: "pick", minimum: 0) else {
            throw UsageError("pick: --risk needs a probability in [0, 1)")
        }
        guard let budget = try args.double("budget", command: "pick", minimum: 0) else {
            throw UsageError("pick: --risk needs --budget USD")
        }
        guard args.value("min-quality") == nil, !args.flag("knee") else {
            throw UsageError("pick: --risk goes with --budget only")
        }
        guard let data = args.value("data") else {
            throw UsageError("pick: --risk needs --data DIR (the golden samples behind the projection)")
        }
        let month = try args.int("month", command: "pick", minimum: 1, maximum: 120) ?? 1
        var options = try ProjectCommand.projectionOptions(args, command: "pick")
        options.months = month
        // The data as the front saw it: a what-if front is projected under its what-if.
        let loaded = try FrontWithData.load(frontPath: path, dataDirectory: data)
        let front = loaded.front, table = loaded.table
        if loaded.isFromOtherData {
            console.note("warning: \(path) was made from data \(front.dataFingerprint), but \(data) is \(loaded.dataFingerprint); rerun optimize to refresh the front\n")
        }
        let scenario = try args.value("scenario").map { try Scenario.load(path: $0) } ?? Scenario()
        let pick = try RiskAwarePick.pick(from: front, table: table, budgetUSD: budget, risk: risk, month: month,
                                          scenario: scenario, options: options, file: path)
        let explanation = pick.explanation(front: front).joined(separator: "\n") + "\n"
        // The same JSON as pick --json: the configuration with found, point (its number), feasible, failures.
        func judged(_ index: Int) throws -> PickedPoint {
            try PickedPoint(front: front, index: index, table: table, constraints: front.settings.constraints, file: path)
        }
        guard let chosen = pick.chosen else {
            console.note("pick: " + explanation)
            let nearest = pick.tried.max { ($0.probabilityWithinBudget, -$0.index) < ($1.probabilityWithinBudget, -$1.index) }?.index ?? 0
            if args.flag("json") {
                console.out(PickedPoint.unmetJSON(reason: explanation.trimmingCharacters(in: .newlines), nearest: try judged(nearest)).serialized())
            } else {
                console.text(FrontText.describe(front.points[nearest], title: "nearest point (#\(nearest + 1))", width: console.width) + "\n")
            }
            return ExitStatus.noAnswer
        }
        let point = front.points[chosen.index]
        if args.flag("json") {
            console.out(try judged(chosen.index).json.serialized())
            console.note(explanation)
        } else {
            console.text(FrontText.describe(point, title: "point #\(chosen.index + 1) of \(front.points.count)", width: console.width) + "\n" + explanation)
        }
        return ExitStatus.ok
    }
}
