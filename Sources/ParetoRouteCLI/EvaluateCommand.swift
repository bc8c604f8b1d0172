import ParetoRoute

/// `paretoroute evaluate CONFIG.json`: the figures of one configuration.
enum EvaluateCommand {
    static let help = """
        usage: paretoroute evaluate CONFIG.json [--data DIR] [--json]

        Evaluates one configuration (one setting per intent, the configuration JSON of
        the data format): monthly cost, weighted quality, feasibility, and per intent
        the cell's cost, quality, P99 and which constraint fails. An infeasible
        configuration is still evaluated (exit 0); its failures are listed.

          --data DIR   the data directory (default ./GoldenData)
          --json       print one JSON object (monthly_cost_usd, quality, feasible, intents)

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [.init(name: "data", takesValue: true), .init(name: "json", takesValue: false)], command: "evaluate")
        try args.requirePositionals(1, command: "evaluate", names: "one CONFIG.json")
        let path = args.positionals[0]
        let configuration = try Configuration.load(path: path)
        let table = try GoldenDataLoader.load(directory: args.value("data") ?? "GoldenData", keepingSamples: configuration.hasRoutes,
                                              keepingSampleIDs: configuration.hasRoutes)
        let evaluation = try table.evaluate(configuration, file: path)
        if args.flag("json") {
            console.out(evaluation.json.serialized())
        } else {
            console.text(evaluation.text(width: console.width))
        }
        return ExitStatus.ok
    }
}
