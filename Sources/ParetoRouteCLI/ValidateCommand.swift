import ParetoRoute

/// `paretoroute validate`: load, check and summarize a data directory.
enum ValidateCommand {
    static let help = """
        usage: paretoroute validate [--data DIR] [--json] [--confidence C] [--min-samples N]
                                    [--power CONFIG.json [--detect CHANGE]]

        Loads the data directory (default ./GoldenData), checks it against the golden
        data format, and prints a summary: models, per-intent cells, feasible cells,
        cells pruned by the quality floor or the P99 cap, samples per cell, warnings.
        Exits 65 naming the intent when an intent has no feasible cell.

          --data DIR        the data directory (default ./GoldenData)
          --json            print the summary as one JSON object
          --confidence C    bootstrap level for the list of cells whose feasibility
                            depends on noise (default 0.95)
          --min-samples N   count cells measured on fewer than N samples apart (column
                            'thin'), not as feasible; exits 64 when that leaves an intent
                            with no feasible cell
          --power CONFIG    per intent of this configuration, the smallest quality
                            change a paired rerun of its cell can detect (two-sided 5%,
                            power 80%)
          --detect CHANGE   with --power: the golden samples needed to detect CHANGE
                            (e.g. 0.01)

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [.init(name: "data", takesValue: true), .init(name: "json", takesValue: false),
                                                      .init(name: "confidence", takesValue: true),
                                                      .init(name: "min-samples", takesValue: true),
                                                      .init(name: "power", takesValue: true), .init(name: "detect", takesValue: true)],
                                  command: "validate")
        try args.requirePositionals(0, command: "validate", names: "no arguments")
        let confidence = try args.double("confidence", command: "validate", minimum: 0) ?? ConfidenceLevel.default
        try ConfidenceLevel.check(confidence)
        let minimumSamples = try ScopeOptions.minimumSamples(args, command: "validate")
        let table = try GoldenDataLoader.load(directory: args.value("data") ?? "GoldenData", keepingSamples: true)
        let summary = DataSummary(table, minimumSamples: minimumSamples)
        let detect = try args.double("detect", command: "validate", minimum: 0)
        if let detect, detect <= 0 || detect >= 1 { throw UsageError("validate: --detect must be in (0, 1)") }
        if detect != nil, args.value("power") == nil { throw UsageError("validate: --detect needs --power CONFIG.json") }
        let effects = try args.value("power").map { path in
            try table.detectableEffects(of: table.choice(of: Configuration.load(path: path), file: path))
        }
        let noise = try NoiseScreen(table: table, confidence: confidence)
        if args.flag("json") {
            console.out(summary.json(noise: noise, power: effects.map { ($0, detect) }).serialized())
        } else {
            console.text(summary.text(width: console.width) + noise.text
                         + (effects.map { DetectableEffect.text($0, change: detect, width: console.width) } ?? ""))
        }
        if let error = summary.infeasibilityError(table: table) { throw error }
        return ExitStatus.ok
    }
}
