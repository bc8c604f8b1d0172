import ParetoRoute

/// `paretoroute ladder --budget USD`: the degrade ladder, step by step, exact.
enum LadderCommand {
    static let help = """
        usage: paretoroute ladder --budget USD [--steps 1,0.85,0.7,0.5] [--max-changes-per-step K]
                                  [--from CONFIG.json] [--data DIR] [--json]
                                  [--export DIR [--daily-cap USD] [--switch-at 0.7,0.85,0.95]]

        For each step, the best-quality configuration whose expected monthly cost is within
        step × budget, in which every intent meets its floor and cap, and which changes at
        most K intents from the step before (the first step from --from, what runs today,
        when given; otherwise unrestricted). Exact: one exact fold per step. A step with no
        answer exits 1 naming it.

          --budget USD               the monthly budget the steps are fractions of
          --steps F1,F2,…            decreasing fractions of the budget (default 1,0.85,0.7,0.5)
          --max-changes-per-step K   intents a step may change (default 3)
          --from CONFIG.json         what runs today: the first step's changes count from it
          --data DIR                 the data directory (default ./GoldenData)
          --json                     {"1": {"intents": …}, "0.85": …}: configurations for a gateway
          --export DIR               write A10's mode table (DIR/modes.json: step k is mode k,
                                     normal, cache_aggressive, cost_saving, emergency,
                                     cap_reached) and one LiteLLM config per mode
                                     (DIR/<mode>.litellm.yaml; see docs/deploy.md)
          --daily-cap USD            the daily cap modes switch on a share of (default budget/30)
          --switch-at S2,S3,…        the shares of it at which modes 2, 3, … switch on
                                     (default A10's 0.7,0.85,0.95,1)
          --model-id MODEL=ID        as for export: the provider id written for MODEL
          --api-key-env NAME         as for export: api_key: os.environ/NAME

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "budget", takesValue: true), .init(name: "steps", takesValue: true),
            .init(name: "max-changes-per-step", takesValue: true), .init(name: "from", takesValue: true),
            .init(name: "data", takesValue: true), .init(name: "json", takesValue: false),
            .init(name: "export", takesValue: true), .init(name: "daily-cap", takesValue: true),
            .init(name: "switch-at", takesValue: true),
            .init(name: "model-id", takesValue: true, repeatable: true), .init(name: "api-key-env", takesValue: true, repeatable: true),
        ], command: "ladder")
        try args.requirePositionals(0, command: "ladder", names: "no positional argument")
        guard let budget = try args.double("budget", command: "ladder", minimum: 0), budget > 0 else {
            throw UsageError("ladder: --budget USD (> 0) is required")
        }
        let fractions = try args.value("steps").map(parseSteps) ?? DegradeLadder.defaultFractions
        let k = try args.int("max-changes-per-step", command: "ladder", minimum: 0) ?? 3
        let exportDirectory = args.value("export")
        let exportOnly = ["daily-cap", "switch-at", "model-id", "api-key-env"].filter { args.value($0) != nil }
        if exportDirectory == nil, let option = exportOnly.first {
            throw UsageError("ladder: --\(option) goes with --export DIR")
        }
        let dailyCap = try args.double("daily-cap", command: "ladder", minimum: 0)
        let switchShares = try args.value("switch-at").map { text in
            try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
                guard case .success(let value) = DecimalNumber.parseDouble(Array(part.utf8)) else {
                    throw UsageError("ladder: --switch-at '\(text)': '\(part)' is not a number; expected shares such as 0.7,0.85,0.95")
                }
                return value
            }
        }
        let apiKeys = try APIKeyReferences(specifications: args.all("api-key-env"))
        let modelIDs = try CellTable.providerIDs(specifications: args.all("model-id"))
        let table = try GoldenDataLoader.load(directory: args.value("data") ?? "GoldenData").withProviderIDs(modelIDs)
        let from = try args.value("from").map { try table.choice(of: Configuration.load(path: $0), file: $0) }
        let ladder = try DegradeLadder.build(table: table, budgetUSD: budget, fractions: fractions, maxChangesPerStep: k, from: from)
        if let exportDirectory {
            let modes = try ModeTable(ladder: ladder, table: table, dailyCapUSD: dailyCap, switchShares: switchShares)
            try modes.write(to: exportDirectory, apiKeys: apiKeys)
            console.text("wrote \(exportDirectory)/\(ModeTable.fileName) and one LiteLLM config per mode\n" + modes.text)
        } else if args.flag("json") {
            console.out(ladder.json(table: table).serialized())
        } else {
            console.text(ladder.text(table: table, from: from))
        }
        if let fraction = ladder.unansweredFraction {
            let limited = !ladder.steps.isEmpty || from != nil
            let base = ladder.steps.isEmpty ? (from == nil ? "" : " within \(k) change(s) of --from") : " within \(k) change(s) of step \(formatNumber(ladder.steps[ladder.steps.count - 1].fraction))"
            let all = ladder.cheapestFeasibleUSD.map(formatUSD) ?? "nothing"
            let cheapest: String
            if !limited {
                cheapest = "; the cheapest feasible configuration costs \(all)"
            } else if let within = ladder.cheapestWithinChangesUSD {
                cheapest = "; the cheapest within those changes costs \(formatUSD(within)) (of all: \(all))"
            } else {
                cheapest = "; no configuration within those changes meets every floor and cap (the cheapest of all costs \(all))"
            }
            console.err("ladder: step \(formatNumber(fraction)) has no answer: no configuration meeting every floor and cap costs at most \(formatUSD(fraction * budget)) a month\(base)\(cheapest)\n")
            return ExitStatus.noAnswer
        }
        return ExitStatus.ok
    }

    /// `1,0.85,0.7`: positive, strictly decreasing fractions.
    static func parseSteps(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var steps: [Double] = []
        for part in parts {
            guard case .success(let value) = DecimalNumber.parseDouble(Array(part.utf8)), value > 0, value <= 100 else {
                throw UsageError("ladder: --steps '\(text)': '\(part)' is not a fraction > 0; expected e.g. 1,0.85,0.7,0.5")
            }
            if let last = steps.last, value >= last {
                throw UsageError("ladder: --steps '\(text)' must decrease step by step; expected e.g. 1,0.85,0.7,0.5")
            }
            steps.append(value)
        }
        return steps
    }
}
