import ParetoRoute

/// `paretoroute report FRONT.json`: the interactive HTML report (and the SVG) of a saved front.
enum ReportCommand {
    static let help = """
        usage: paretoroute report FRONT.json (--html REPORT.html | --svg FRONT.svg) [--mark CONFIG.json] [--log-cost] [--data DIR]

        Writes a saved front as an interactive report: one self-contained HTML file (no network)
        with the plot, a budget answer (the same as pick --budget), every point's settings, a
        sortable table and the configuration JSON to copy. Links keep the view: REPORT.html#budget=20000,
        REPORT.html#point=12. Files are written atomically; - is stdout.
          --html REPORT.html  write the interactive report
          --svg FRONT.svg     write the scatter plot
          --mark CONFIG.json  place a configuration (e.g. production) with its feasibility and the
                              points that dominate it; evaluated on --data under the front's what-if
          --log-cost          log scale for the cost axis (the report's reader can switch)
          --data DIR          the data the front was made from (default ./GoldenData); read only
                              with --mark or to warn when its fingerprint differs from the front's

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "html", takesValue: true), .init(name: "svg", takesValue: true),
            .init(name: "mark", takesValue: true), .init(name: "log-cost", takesValue: false), .init(name: "data", takesValue: true),
        ], command: "report")
        try args.requirePositionals(1, command: "report", names: "one FRONT.json")
        guard args.value("html") != nil || args.value("svg") != nil else {
            throw UsageError("report: give --html REPORT.html or --svg FRONT.svg (or both)")
        }
        let outputs = try OutputOptions(args, names: ["html", "svg"])
        let path = args.positionals[0]
        var inputs: [(path: String, role: String)] = [(path, "the front")]
        if let mark = args.value("mark") { inputs.append((mark, "the configuration to mark")) }
        if args.value("data") != nil || args.value("mark") != nil { inputs += OutputOptions.dataFiles(args.value("data") ?? "GoldenData") }
        try outputs.protect(inputs)
        let front: Front
        var mark: FrontHTML.Mark?
        if args.value("data") != nil || args.value("mark") != nil {
            // The mark is evaluated on the data as the front saw it (its what-if, its confidence).
            let data = args.value("data") ?? "GoldenData"
            let loaded = try FrontWithData.load(frontPath: path, dataDirectory: data)
            front = loaded.front
            if loaded.isFromOtherData {
                console.note("warning: \(path) was made from data \(front.dataFingerprint), but \(data) is \(loaded.dataFingerprint); rerun optimize to refresh the front\n")
            }
            mark = try args.value("mark").map { try Self.mark(path: $0, table: loaded.table, constraints: front.settings.constraints) }
        } else {
            front = try Front.load(path: path)
        }
        // (The front reader checked that a recorded confidence lies in (0, 1).)
        let z = NormalQuantile.twoSided(front.settings.confidence ?? ConfidenceLevel.default)
        let logCost = args.flag("log-cost")
        try outputs.write("html", console: console, FrontHTML.render(front, mark: mark, z: z, logCost: logCost))
        let marks = mark.map { [FrontSVG.Mark(label: $0.label, evaluation: $0.evaluation)] } ?? []
        try outputs.write("svg", console: console, FrontSVG.render(front, marks: marks, z: z, logCost: logCost))
        return ExitStatus.ok
    }

    /// The configuration at `path`, evaluated on `table` under `constraints`, labelled with its file name.
    static func mark(path: String, table: CellTable, constraints: GlobalConstraints = GlobalConstraints()) throws -> FrontHTML.Mark {
        let choice = try table.choice(of: Configuration.load(path: path), file: path)
        return FrontHTML.Mark(label: String(path.split(separator: "/").last ?? Substring(path)), evaluation: table.evaluate(choice, constraints: constraints))
    }
}
