import ParetoRoute

/// `paretoroute project CONFIG.json | FRONT.json (--knee | --point N)`: the month-by-month
/// cost distribution of a configuration by Monte Carlo.
enum ProjectCommand {
    static let help = """
        usage: paretoroute project CONFIG.json [options]
               paretoroute project FRONT.json (--knee | --point N) [options]

        Projects the monthly cost of a configuration (or of a front's knee or point #N) by
        Monte Carlo: daily Poisson volumes, cache hits, token pairs drawn from the cell's
        golden samples, prices and fees, under a scenario's growth and changes (the native
        spelling or the design doc's A12 format). Prints per month the expected cost, the
        mean, P5, P50, P95, the 95 % interval and, with --budget, the share of runs over it;
        warnings (broken floors or caps, changes outside the projection) go to stderr.

          --data DIR              the data directory (default ./GoldenData)
          --scenario FILE.json    growth, price changes, reassignments, cache changes (see docs/planning.md)
          --months N              months to project (default: the scenario's, else 6)
          --runs R                Monte Carlo runs (default 10000)
          --seed S                seed (default 1); the same seed gives the same bytes
          --budget USD            a monthly budget: the probability of exceeding it, a line on the chart
          --json                  JSON (months, warnings) instead of the table
          --svg FILE.svg          write a fan chart (P5–P95 band, median, budget, changes); - for stdout
          --knee, --point N       with a front file: project its knee or its point #N
        \(whatIfHelp)
        """

    /// The what-if flags `project` and `pick --risk` accept (those of optimize).
    static let whatIfNames = ["price", "fixed-fee", "volume-scale", "volume", "cache-rate", "new-model"]
    static var whatIfOptions: [Arguments.Option] { ScopeOptions.options.filter { whatIfNames.contains($0.name) } }
    static var whatIfHelp: String {
        // A kept option's continuation lines (deeper indented, no flag) come with it.
        var keep = false
        return ScopeOptions.help.split(separator: "\n").filter { line in
            if line.hasPrefix("  --") { keep = whatIfNames.contains { line.hasPrefix("  --\($0) ") } }
            return keep
        }.joined(separator: "\n") + "\n"
    }

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "data", takesValue: true), .init(name: "scenario", takesValue: true),
            .init(name: "months", takesValue: true), .init(name: "runs", takesValue: true),
            .init(name: "seed", takesValue: true), .init(name: "budget", takesValue: true),
            .init(name: "json", takesValue: false), .init(name: "svg", takesValue: true),
            .init(name: "knee", takesValue: false), .init(name: "point", takesValue: true),
        ] + whatIfOptions, command: "project")
        try args.requirePositionals(1, command: "project", names: "one CONFIG.json or FRONT.json")
        var options = try projectionOptions(args, command: "project")
        let outputs = try OutputOptions(args, names: ["svg"])
        let whatIf = try ScopeOptions.whatIf(args, command: "project")
        let dataDirectory = args.value("data") ?? "GoldenData"
        var inputs: [(path: String, role: String)] = [(args.positionals[0], "the configuration or front")]
        if let scenario = args.value("scenario") { inputs.append((scenario, "the scenario")) }
        try outputs.protect(inputs + OutputOptions.dataFiles(dataDirectory))
        let path = args.positionals[0]
        let document = try JSONFile.read(path: path, limit: InputFile.Limit.unlimited)
        let configuration: Configuration
        let table: CellTable
        var subject = path
        if document["format"] != nil {
            // A front is projected as it was made: under its own what-if (FrontWithData).
            let given = whatIfNames.filter { args.value($0) != nil }
            guard given.isEmpty else {
                throw UsageError("project: \(path) is a front and records its own what-if; omit --\(given.joined(separator: ", --"))")
            }
            let loaded = try FrontWithData.load(frontPath: path, dataDirectory: dataDirectory)
            let front = loaded.front
            table = loaded.table
            if loaded.isFromOtherData {
                console.note("warning: \(path) was made from data \(front.dataFingerprint), but \(dataDirectory) is \(loaded.dataFingerprint)\n")
            }
            let index: Int
            switch (args.flag("knee"), try args.int("point", command: "project", minimum: 1)) {
            case (true, nil):
                guard let knee = front.kneeIndex else { throw DataError(file: path, field: "points", "the front has no points") }
                index = knee
                subject = "the knee (#\(knee + 1)) of \(path)"
            case (false, let point?):
                index = try front.pointIndex(number: point)
                subject = "point #\(point) of \(path)"
            default:
                throw UsageError("project: with a front file give exactly one of --knee, --point N")
            }
            configuration = front.points[index].configuration
        } else {
            guard !args.flag("knee"), args.value("point") == nil else {
                throw UsageError("project: --knee and --point need a front file; \(path) is a configuration")
            }
            configuration = try Configuration(json: document, file: path)
            table = try whatIf.apply(to: GoldenDataLoader.load(directory: dataDirectory, keepingSamples: true))
        }
        let choice = try table.choice(of: configuration, file: path)
        let scenario = try args.value("scenario").map { try Scenario.load(path: $0) } ?? Scenario()
        // The scenario's projection_months unless --months says otherwise.
        if args.value("months") == nil, let months = scenario.projectionMonths { options.months = months }
        let plan = try ProjectionPlan(table: table, choice: choice, scenario: scenario, months: options.months)
        let projection = try CostProjector.project(plan, options: options)
        let scenarioFile = args.value("scenario").map { $0 + ": " } ?? ""
        for warning in projection.warnings {
            console.note("warning: " + (warning.field == nil ? "" : scenarioFile) + warning.description + "\n")
        }
        try outputs.write("svg", console: console, ProjectionSVG.render(projection, title: "Projected monthly cost of \(subject)"))
        guard !outputs.claimsStandardOutput else { return ExitStatus.ok }
        let scenarioLabel = args.value("scenario").map { file in scenario.name.map { "'\($0)' (\(file))" } ?? file }
        if args.flag("json") {
            console.out(projection.json.serialized())
        } else {
            console.text(ProjectionText.render(projection, subject: subject, scenario: scenarioLabel, width: console.width))
        }
        return ExitStatus.ok
    }

    /// `--months`, `--runs`, `--seed`, `--budget`.
    static func projectionOptions(_ args: Arguments, command: String) throws -> CostProjector.Options {
        var options = CostProjector.Options()
        options.months = try args.int("months", command: command, minimum: 1, maximum: 120) ?? options.months
        options.runs = try args.int("runs", command: command, minimum: 1, maximum: 1_000_000) ?? options.runs
        if let seedText = args.value("seed") {
            guard let seed = UInt64(seedText) else { throw UsageError("\(command): --seed '\(seedText)' is not an integer in 0...\(UInt64.max)") }
            options.seed = seed
        }
        options.budgetUSD = try args.double("budget", command: command, minimum: 0)
        return options
    }
}
