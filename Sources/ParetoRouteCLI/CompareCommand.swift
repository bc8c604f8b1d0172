import ParetoRoute

/// `paretoroute compare OLD NEW`: two eval runs compared cell by cell on shared golden samples.
enum CompareCommand {
    static let help = """
        usage: paretoroute compare OLD NEW [--drop SHARE] [--fdr Q] [--json]
                                   [--fail-if-worse CONFIG.json]

        Compares two eval runs cell by cell, paired on the golden samples both answered:
        the quality change with its paired standard error, 95% interval and p-value
        (exact McNemar on 0/1 scores, a paired t-test otherwise), adjusted for the many
        cells compared (Benjamini-Hochberg); the P99 change with a paired-bootstrap
        interval; input and output token changes; cells replaced by far fewer samples
        (listed first), new and vanished cells; and the samples whose quality dropped.
        OLD is a data directory; NEW a data directory, or an evals CSV file read after
        OLD's own evals as its next run.

          --drop SHARE            flag a sample whose quality fell below (1 - SHARE) of its
                                  old value (default 0.1, the design doc's 10%)
          --fdr Q                 expected share of false discoveries among the cells
                                  called changed (default 0.05)
          --fail-if-worse CONFIG  exit 3 when a cell this configuration uses got worse
                                  beyond noise
          --json                  print one JSON object

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "drop", takesValue: true), .init(name: "fdr", takesValue: true),
            .init(name: "fail-if-worse", takesValue: true), .init(name: "json", takesValue: false),
        ], command: "compare")
        try args.requirePositionals(2, command: "compare", names: "OLD and NEW")
        let drop = try args.double("drop", command: "compare", minimum: 0) ?? 0.1
        guard drop < 1 else { throw UsageError("compare: --drop must be in [0, 1)") }
        let level = try args.double("fdr", command: "compare", minimum: 0) ?? 0.05
        guard level > 0, level < 1 else { throw UsageError("compare: --fdr must be in (0, 1)") }
        // The gate's configuration is read before the comparison, so a bad path fails at once.
        let gated = try args.value("fail-if-worse").map { (path: $0, configuration: try Configuration.load(path: $0)) }
        let comparison = try RunComparison.load(old: args.positionals[0], new: args.positionals[1], level: level, drop: drop)
        if args.flag("json") {
            console.out(comparison.json.serialized())
        } else {
            console.text(comparison.text(width: console.width))
        }
        if let (path, configuration) = gated {
            let worse = comparison.worse(in: configuration)
            if !worse.isEmpty {
                console.note("compare: \(worse.count) cell(s) of \(path) got worse beyond noise: \(worse.map(\.name).joined(separator: ", "))\n")
                return ExitStatus.gateFailed
            }
        }
        return ExitStatus.ok
    }
}
