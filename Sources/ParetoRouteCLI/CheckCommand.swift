import ParetoRoute

/// `paretoroute check CONFIG.json`: is a configuration dominated, and what could it save.
enum CheckCommand {
    static let help = """
        usage: paretoroute check CONFIG.json [--data DIR] [--front FRONT.json] [--fail-if-dominated]
                                             [--fail-if-infeasible] [--json]

        Evaluates a configuration (e.g. what production runs today) and compares it with
        a front: the given one, or the exact front of the data. Says whether it is
        dominated, lists up to 5 front points that dominate it, and the two headline
        moves: the cheapest point with at least its quality (the monthly saving) and
        the best point at no more than its cost (the quality gain).
          --data DIR              the data directory (default ./GoldenData)
          --front FRONT.json      compare with this front instead of computing the exact one
          --fail-if-dominated     exit 3 when it is dominated (for deployment pipelines)
          --fail-if-infeasible    exit 3 when it breaks a floor, a cap or a global constraint
          --json                  print the whole result as one JSON object
          --confidence C          noise margin for "dominated beyond noise" (default 0.95)
        Next to the headline moves it reports the best move that changes one intent only,
        and the best that changes two (marked "still NOT feasible" when they leave it so).
        When the configuration is not feasible it names the intents that break a floor or
        cap, the fewest intents that must change, and the cheapest feasible repair and the
        best one within today's cost with those changes, and with 1 and 2 more.
        What-if and scope options (see optimize) apply too.
        \(ScopeOptions.help)
        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "data", takesValue: true), .init(name: "front", takesValue: true),
            .init(name: "fail-if-dominated", takesValue: false), .init(name: "fail-if-infeasible", takesValue: false),
            .init(name: "json", takesValue: false),
            .init(name: "confidence", takesValue: true),
        ] + ScopeOptions.options, command: "check")
        try args.requirePositionals(1, command: "check", names: "one CONFIG.json")
        let whatIf = try ScopeOptions.whatIf(args, command: "check")
        let confidence = try args.double("confidence", command: "check", minimum: 0) ?? 0.95
        guard confidence > 0, confidence < 1 else { throw UsageError("check: --confidence must be in (0, 1)") }
        let path = args.positionals[0]
        let dataDirectory = args.value("data") ?? "GoldenData"
        let front: Front
        let table: CellTable
        let scope: Scope
        var constraints = GlobalConstraints()
        var assumptions: String?
        if let frontPath = args.value("front") {
            // The configuration is judged under the front's own assumptions: its what-if, its
            // feasibility confidence, its constraints and its models.
            let given = ScopeOptions.options.map(\.name).filter { args.value($0) != nil || args.flag($0) }
            guard given.isEmpty else {
                throw UsageError("check: --front \(frontPath) records its own what-if and scope; omit --\(given.joined(separator: ", --"))")
            }
            let loaded = try FrontWithData.load(frontPath: frontPath, dataDirectory: dataDirectory)
            front = loaded.front
            let settings = front.settings
            if loaded.isFromOtherData {
                guard args.value("data") == nil else {
                    throw UsageError("check: --front \(frontPath) was made from data \(front.dataFingerprint), but --data \(dataDirectory) is \(loaded.dataFingerprint); expected the front's data (or rerun optimize or exact on this data)")
                }
                console.note("warning: \(frontPath) was made from data \(front.dataFingerprint), \(dataDirectory) is \(loaded.dataFingerprint)\n")
            }
            table = loaded.table
            scope = settings.modelScope
            constraints = settings.constraints
            let phrases = front.assumptions.filter { !$0.hasPrefix("baseline") && !$0.hasPrefix("pinned") && !$0.hasPrefix("capped") }
            assumptions = "judged under the assumptions of \(frontPath): " + (phrases.isEmpty ? "the data as measured" : phrases.joined(separator: "; "))
        } else {
            let data = try GoldenDataLoader.load(directory: dataDirectory)
            table = try whatIf.apply(to: data)
            scope = try ScopeOptions.scope(args, table: table, command: "check")
            front = try FrontRun.exact(data, request: FrontRequest(scope: scope, whatIf: whatIf)).front
        }
        let choice = try table.choice(of: Configuration.load(path: path), file: path)
        let evaluation = table.evaluate(choice, constraints: constraints)
        let check = DominanceCheck(evaluation: evaluation, front: front, confidence: confidence)
        let moves = try LimitedMove.headline(from: choice, table: table, constraints: constraints, scope: scope)
        let repair = try FeasibilityRepair.find(for: choice, table: table, constraints: constraints, scope: scope)
        let thin = scope.thinIntents(of: choice, table: table)
        if args.flag("json") {
            var result = json(check, front: front, moves: moves, repair: repair, assumptions: assumptions)
            if scope.minimumSamples != nil, case .object(var members) = result {
                members.append(("thin_intents", .array(thin.map { .string(table.intents[$0].name) })))
                result = .object(members)
            }
            console.out(result.serialized())
        } else {
            let notes = thin.map { i in
                let cell = table.cells[i][choice[i]]
                return wrapLines("note: \(table.intents[i].name) runs \(cell.setting) on \(cell.sampleCount) sample\(cell.sampleCount == 1 ? "" : "s"), fewer than the minimum of \(scope.minimumSamples ?? 0); no move or repair uses such a cell\n", width: console.width)
            }.joined()
            console.text((assumptions.map { $0 + "\n" } ?? "") + notes + text(check, front: front, moves: moves, repair: repair, width: console.width))
        }
        let failed = (check.isDominated && args.flag("fail-if-dominated")) || (!evaluation.isFeasible && args.flag("fail-if-infeasible"))
        return failed ? ExitStatus.gateFailed : ExitStatus.ok
    }

    static func text(_ check: DominanceCheck, front: Front, moves: [LimitedMove?], repair: FeasibilityRepair?, width: Int? = nil) -> String {
        var lines = [check.evaluation.text(width: width)]
        if let repair { lines.append(repair.text) }
        let verdict = check.isDominated
            ? "DOMINATED by \(check.dominators.count) of the \(front.points.count) front points (\(front.method.rawValue) front)"
            : "not dominated by the \(front.points.count) front points (\(front.method.rawValue) front)"
        lines.append(verdict)
        let level = formatFixed(check.confidence * 100, decimals: 0) + "%"
        if check.isDominated {
            lines.append(check.isDominatedBeyondNoise
                ? "the domination survives the noise: \(check.dominatorsBeyondNoise.count) points are better even after discounting quality by its \(level) margin"
                : "but not beyond noise: at \(level) confidence no point is better once the quality difference is discounted by its standard error")
        }
        for i in check.shownDominators {
            let p = front.points[i]
            lines.append("  #\(i + 1): \(formatUSD(p.monthlyCostUSD))/month, quality \(formatQuality(p.quality))")
        }
        if let move = check.cheaperAtSameQuality {
            let p = front.points[move.index]
            lines.append("same quality for less: #\(move.index + 1) at \(formatUSD(p.monthlyCostUSD))/month (quality \(formatQuality(p.quality))) saves \(formatUSD(move.savingUSD))/month")
        }
        if let move = check.betterAtSameCost {
            let p = front.points[move.index]
            lines.append("more quality for the money: #\(move.index + 1) at \(formatUSD(p.monthlyCostUSD))/month reaches \(formatQuality(p.quality)) (+\(formatQuality(move.qualityGain)))")
        }
        for (k, move) in moves.enumerated() {
            let label = k == 0 ? "best move changing one intent" : "best move changing two intents"
            guard let move else {
                lines.append("\(label): none improves on it")
                continue
            }
            let what = move.changedIntents.map { name in
                let i = move.evaluation.perIntent.firstIndex { $0.intent == name } ?? 0
                return "\(name) → \(move.evaluation.perIntent[i].setting)"
            }.joined(separator: ", ")
            let gain = move.savingUSD > 0 ? "saves \(formatUSD(move.savingUSD))/month (quality \(move.qualityGain >= 0 ? "+" : "")\(formatQuality(move.qualityGain)))"
                                          : "quality +\(formatQuality(move.qualityGain)) for \(formatUSD(-move.savingUSD)) more"
            lines.append("\(label): \(what): \(gain)\(move.evaluation.isFeasible ? "" : " (still NOT feasible)")")
        }
        if let move = check.cheaperAtSameQuality {
            lines.append("")
            lines.append(FrontText.describe(front.points[move.index], title: "the cheaper configuration (#\(move.index + 1))", width: width))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ check: DominanceCheck, front: Front, moves: [LimitedMove?], repair: FeasibilityRepair?,
                     assumptions: String? = nil) -> JSONValue {
        func point(_ i: Int) -> JSONValue {
            let p = front.points[i]
            return .object([("index", .number(Double(i))), ("monthly_cost_usd", .number(p.monthlyCostUSD)),
                            ("quality", .number(p.quality)), ("config", p.configuration.json)])
        }
        let limitedMoves: [JSONValue] = moves.compactMap { $0 }.map { move in
            .object([
                ("max_changes", .number(Double(move.maxChanges))),
                ("changed_intents", .array(move.changedIntents.map { .string($0) })),
                ("monthly_cost_usd", .number(move.evaluation.monthlyCostUSD)),
                ("quality", .number(move.evaluation.quality)),
                ("monthly_saving_usd", .number(move.savingUSD)),
                ("quality_gain", .number(move.qualityGain)),
                ("feasible", .bool(move.evaluation.isFeasible)),
                ("config", Configuration(entries: move.evaluation.perIntent.map { ($0.intent, $0.setting) }).json),
            ])
        }
        let assumptionsJSON: JSONValue = assumptions.map { .string($0) } ?? .null
        return .object([
            ("evaluation", check.evaluation.json),
            ("assumptions", assumptionsJSON),
            ("front_method", .string(front.method.rawValue)),
            ("front_points", .number(Double(front.points.count))),
            ("dominated", .bool(check.isDominated)),
            ("dominated_by_count", .number(Double(check.dominators.count))),
            ("dominated_beyond_noise", .bool(check.isDominatedBeyondNoise)),
            ("dominated_beyond_noise_count", .number(Double(check.dominatorsBeyondNoise.count))),
            ("confidence", .number(check.confidence)),
            ("dominated_by", .array(check.shownDominators.map(point))),
            ("cheaper_at_same_quality", check.cheaperAtSameQuality.map { move in
                .object([("point", point(move.index)), ("monthly_saving_usd", .number(move.savingUSD))])
            } ?? .null),
            ("better_at_same_cost", check.betterAtSameCost.map { move in
                .object([("point", point(move.index)), ("quality_gain", .number(move.qualityGain))])
            } ?? .null),
            ("limited_moves", .array(limitedMoves)),
            ("repair", repair?.json ?? .null),
        ])
    }
}
