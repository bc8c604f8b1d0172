import ParetoRoute

/// The options `optimize` and `exact` share: data, constraints, scope and what-if,
/// confidence, and the outputs; and the printing of a finished front.
struct FrontOptions {
    static let options: [Arguments.Option] = [
        .init(name: "data", takesValue: true), .init(name: "max-monthly-cost", takesValue: true),
        .init(name: "min-quality", takesValue: true),
        .init(name: "out", takesValue: true), .init(name: "json", takesValue: false), .init(name: "text", takesValue: true),
        .init(name: "csv", takesValue: true), .init(name: "svg", takesValue: true), .init(name: "html", takesValue: true), .init(name: "mark", takesValue: true),
        .init(name: "log-cost", takesValue: false),
        .init(name: "points", takesValue: true), .init(name: "quiet", takesValue: false), .init(name: "verbose", takesValue: false), .init(name: "confidence", takesValue: true),
        .init(name: "routes", takesValue: true), .init(name: "no-routes", takesValue: false), .init(name: "in-sample-routes", takesValue: false),
    ] + ScopeOptions.options

    /// The usage text: `searchOptions` are the command's own options, already indented.
    static func help(command: String, summary: String, searchOptions: String) -> String {
        """
        usage: paretoroute \(command) [--data DIR] [options]

        \(summary)
        Cells below their intent's quality floor or above its P99 cap are pruned first.
        Prints the front as a table on stdout. Every output takes a path or - (stdout, which
        then carries only that output); files are replaced atomically (through a symlink, its
        target), FIFOs and devices written directly; two outputs may not name one file.

          --data DIR              the data directory (default ./GoldenData)
        \(searchOptions)  --max-monthly-cost USD  keep only configurations costing at most USD a month
          --min-quality Q         keep only configurations of weighted quality at least Q
          --confidence C          a cell is feasible only if its bootstrap interval at C (e.g. 0.95)
                                  clears the floor and the cap (1,000 seeded resamples)
          --routes KIND           routes within an intent: share, threshold, all or none
                                  (default: all when the data has a routers.csv, else none)
          --no-routes             one setting per intent (the same as --routes none)
          --in-sample-routes      judge thresholds on the samples that chose them (optimistic;
                                  for comparison)
        \(ScopeOptions.help)  --out FRONT.json        write the front file (format \(Front.format))
          --json                  print the front file on stdout instead of the table
          --text FRONT.txt        write the table to a file instead of stdout
          --csv FRONT.csv         write one row per point
          --svg FRONT.svg         write a scatter plot
          --html REPORT.html      write an interactive report (one self-contained file)
          --mark CONFIG.json      place a configuration (e.g. production) on the plot and report
          --log-cost              log scale for the cost axis (fronts spanning orders of magnitude)
          --points K|all          print K representative points (default 25; the JSON keeps all)
          --verbose               list the pruned cells per intent (default: one summary line)
          --quiet                 no diagnostics or progress on stderr

        """
    }

    let args: Arguments
    let command: String
    let quiet: Bool
    /// The outputs, checked before any work: a missing directory or two outputs naming one
    /// file fail now, not after the search.
    let outputs: OutputOptions

    /// Parses `arguments` with the shared options plus `extra`.
    init(_ arguments: [String], extra: [Arguments.Option], command: String) throws {
        args = try Arguments(arguments, options: FrontOptions.options + extra, command: command)
        try args.requirePositionals(0, command: command, names: "no positional arguments")
        self.command = command
        quiet = args.flag("quiet")
        outputs = try OutputOptions(args, names: ["out", "text", "csv", "svg", "html"], printFlags: ["json"])
    }

    /// Prints a diagnostic unless `--quiet`.
    func diagnose(_ line: String, console: Console) {
        if !quiet { console.note(line + "\n") }
    }

    /// The loaded data (with samples when a confidence or routes are asked for; data with a
    /// routers.csv keeps them anyway).
    func data() throws -> CellTable {
        let routes = args.value("routes") != nil
        return try GoldenDataLoader.load(directory: dataDirectory, keepingSamples: args.value("confidence") != nil || routes,
                                         keepingSampleIDs: routes)
    }

    /// The routes asked for by `--routes`, `--no-routes` and `--in-sample-routes`; nil lets the data decide.
    func routes(data: CellTable) throws -> RouteOptions? {
        if args.flag("no-routes") {
            guard args.value("routes") == nil else {
                throw UsageError("\(command): --routes and --no-routes exclude each other")
            }
            return RouteOptions.none
        }
        var routes: RouteOptions?
        switch args.value("routes") {
        case nil: routes = nil
        case "share": routes = RouteOptions.shareOnly
        case "threshold": routes = RouteOptions(thresholdRoutes: true, shareRoutes: false)
        case "all": routes = RouteOptions()
        case "none": routes = RouteOptions.none
        case let other?: throw UsageError("\(command): --routes \(other): expected share, threshold, all or none")
        }
        if args.flag("in-sample-routes") {
            var chosen = routes ?? (data.routerScores.routers.isEmpty ? RouteOptions.none : RouteOptions())
            chosen.protectsFromSelection = false
            routes = chosen
        }
        return routes
    }

    var dataDirectory: String { args.value("data") ?? "GoldenData" }

    /// The request: constraints, scope (resolved against `data`), what-if and confidence.
    func request(data: CellTable) throws -> FrontRequest {
        let constraints = GlobalConstraints(
            maxMonthlyCostUSD: try args.double("max-monthly-cost", command: command, minimum: 0),
            minQuality: try args.double("min-quality", command: command, minimum: 0))
        let confidence = try args.double("confidence", command: command, minimum: 0)
        if let confidence { try ConfidenceLevel.check(confidence) }
        return FrontRequest(constraints: constraints, scope: try ScopeOptions.scope(args, table: data, command: command),
                            whatIf: try ScopeOptions.whatIf(args, command: command), confidence: confidence,
                            routes: try routes(data: data))
    }

    /// Checks the cheap options before the search, so a typo does not cost a run.
    /// Outputs naming an input (a data file, the configuration to mark, the baseline, the
    /// warm-start front) are refused; `--out` may name the `--warm-start` front it re-reads.
    func validateOutputs() throws {
        if args.value("points") != "all" { _ = try args.int("points", command: command, minimum: 1) }
        var inputs = OutputOptions.dataFiles(dataDirectory)
        if let mark = args.value("mark") { inputs.append((mark, "the configuration to mark")) }
        if let baseline = args.value("baseline") { inputs.append((baseline, "the baseline configuration")) }
        var allowed: [(option: String, path: String)] = []
        if let warmStart = args.value("warm-start") {
            inputs.append((warmStart, "the warm-start front"))
            allowed.append(("out", warmStart))
        }
        try outputs.protect(inputs, allowing: allowed)
    }

    /// Prints diagnostics about a finished run and writes every output asked for.
    func finish(_ run: FrontRun, console: Console) throws -> Int32 {
        let front = run.front
        for warning in run.table.warnings { diagnose("warning: \(warning)", console: console) }
        if args.flag("verbose") {
            diagnose("pruned cells per intent (never feasible, or of an excluded model):", console: console)
            for report in front.statistics.pruning { diagnose("  " + report.text, console: console) }
        } else {
            diagnose(SearchSpace.Pruning.summary(front.statistics.pruning) + " (--verbose: per intent)", console: console)
        }
        guard !front.points.isEmpty else {
            throw DataError(file: dataDirectory, "no configuration meets every constraint (check --max-monthly-cost and --min-quality)")
        }
        let mark = try args.value("mark").map { try ReportCommand.mark(path: $0, table: run.table) }
        let marks = mark.map { [FrontSVG.Mark(label: $0.label, evaluation: $0.evaluation)] } ?? []
        let z = NormalQuantile.twoSided(front.settings.confidence ?? 0.95)
        let logCost = args.flag("log-cost")
        let points: Int? = args.value("points") == "all" ? nil : try args.int("points", command: command, minimum: 1) ?? 25
        try outputs.write("out", console: console, streaming: front.writeJSON(to:))
        try outputs.write("json", console: console, streaming: front.writeJSON(to:))
        try outputs.write("csv", console: console, FrontCSV.render(front))
        try outputs.write("svg", console: console, FrontSVG.render(front, marks: marks, background: run.background, z: z, logCost: logCost))
        try outputs.write("html", console: console, FrontHTML.render(front, mark: mark, z: z, logCost: logCost))
        if outputs.contains("text") {
            try outputs.write("text", console: console, FrontText.render(front, points: points))
        } else if !outputs.claimsStandardOutput {
            console.text(FrontText.render(front, points: points, width: console.width))
        }
        return ExitStatus.ok
    }
}
