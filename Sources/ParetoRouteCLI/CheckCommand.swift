import ParetoRoute

/// `paretoroute check CONFIG.json`: is a configuration dominated, and what could it save.
enum CheckCommand {
    static let help = """
        usage: paretoroute check (CONFIG.json | --litellm config.yaml) [--data DIR] [--json]
                                 [--front FRONT.json | --out FRONT.json]
                                 [--fail-if-dominated] [--fail-if-infeasible]

        Evaluates a configuration (e.g. what production runs today) and compares it with
        a front: the given one, or the exact front of the data (point numbers #N refer to
        that front; the output says which, and --out saves it). Says whether it is
        dominated, lists up to 5 front points that dominate it, and the two headline
        moves: the cheapest point with at least its quality (the monthly saving) and
        the best point at no more than its cost (the quality gain).
          --data DIR              the data directory (default ./GoldenData)
          --front FRONT.json      compare with this front instead of computing the exact one
          --out FRONT.json        save the exact front computed, the one whose #N the output names
          --fail-if-dominated     exit 3 when it is dominated (for deployment pipelines)
          --fail-if-infeasible    exit 3 when it breaks a floor, a cap or a global constraint
          --json                  print the whole result as one JSON object
          --litellm config.yaml   check what a LiteLLM config from export deploys (its groups
                                  intent/<name>, read back where unambiguous)
          --confidence C          noise margin for "dominated beyond noise" (default 0.95)
        Next to the headline moves it reports the best move that changes one intent only,
        and the best that changes two (marked "still NOT feasible" when they leave it so).
        An intent table from export is a configuration too; check notes on stderr any
        expected figure it records that the data no longer gives.
        When the configuration is not feasible it names the intents that break a floor or
        cap, the fewest intents that must change, and the cheapest feasible repair and the
        best one within today's cost with those changes, and with 1 and 2 more.
        What-if and scope options (see optimize) apply too.
        \(ScopeOptions.help)
        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "data", takesValue: true), .init(name: "front", takesValue: true), .init(name: "out", takesValue: true),
            .init(name: "fail-if-dominated", takesValue: false), .init(name: "fail-if-infeasible", takesValue: false),
            .init(name: "json", takesValue: false), .init(name: "litellm", takesValue: true),
            .init(name: "confidence", takesValue: true),
        ] + ScopeOptions.options, command: "check")
        let litellm = args.value("litellm")
        try args.requirePositionals(litellm == nil ? 1 : 0, command: "check",
                                    names: litellm == nil ? "one CONFIG.json (or --litellm config.yaml)" : "no CONFIG.json with --litellm")
        let whatIf = try ScopeOptions.whatIf(args, command: "check")
        let confidence = try args.double("confidence", command: "check", minimum: 0) ?? ConfidenceLevel.default
        try ConfidenceLevel.check(confidence)
        let path = litellm ?? args.positionals[0]
        func configuration(on table: CellTable) throws -> Configuration {
            try litellm.map { try LiteLLMConfig.configuration(path: $0, table: table) } ?? IntentTable.configuration(path: path)
        }
        let dataDirectory = args.value("data") ?? "GoldenData"
        let outputs = try OutputOptions(args, names: ["out"], printFlags: ["json"])
        var inputs: [(path: String, role: String)] = [(path, "the configuration checked")]
        if let baseline = args.value("baseline") { inputs.append((baseline, "the baseline configuration")) }
        try outputs.protect(inputs + OutputOptions.dataFiles(dataDirectory))
        let result: ConfigurationCheck
        let table: CellTable
        if let frontPath = args.value("front") {
            // The configuration is judged under the front's own assumptions: its what-if, its
            // feasibility confidence, its constraints and its models.
            let given = ScopeOptions.options.map(\.name).filter { args.value($0) != nil || args.flag($0) }
            guard given.isEmpty else {
                throw UsageError("check: --front \(frontPath) records its own what-if and scope; omit --\(given.joined(separator: ", --"))")
            }
            guard args.value("out") == nil else {
                throw UsageError("check: --out saves the exact front check computes; with --front \(frontPath) it computes none")
            }
            let loaded = try FrontWithData.load(frontPath: frontPath, dataDirectory: dataDirectory)
            table = loaded.table
            if loaded.isFromOtherData {
                guard args.value("data") == nil else {
                    throw UsageError("check: --front \(frontPath) was made from data \(loaded.front.dataFingerprint), but --data \(dataDirectory) is \(loaded.dataFingerprint); expected the front's data (or rerun optimize or exact on this data)")
                }
                console.note("warning: \(frontPath) was made from data \(loaded.front.dataFingerprint), \(dataDirectory) is \(loaded.dataFingerprint)\n")
            }
            result = try ConfigurationCheck.against(loaded, frontPath: frontPath, configuration: configuration(on: loaded.table),
                                                    file: path, confidence: confidence)
        } else {
            // A routed configuration is evaluated sample by sample: load the samples and their ids then.
            var configuration = try litellm == nil ? IntentTable.configuration(path: path) : nil
            let routed = configuration?.hasRoutes ?? false
            var data = try GoldenDataLoader.load(directory: dataDirectory, keepingSamples: routed, keepingSampleIDs: routed)
            if let litellm {
                let read = try LiteLLMConfig.configuration(path: litellm, table: whatIf.apply(to: data))
                if read.hasRoutes { data = try GoldenDataLoader.load(directory: dataDirectory, keepingSamples: true, keepingSampleIDs: true) }
                configuration = read
            }
            table = try whatIf.apply(to: data)
            let scope = try ScopeOptions.scope(args, table: table, command: "check")
            guard let configuration else { throw UsageError("check: expected CONFIG.json or --litellm config.yaml") }
            let (check, run) = try ConfigurationCheck.againstExactFront(
                of: data, dataDirectory: dataDirectory, configuration: configuration, file: path,
                request: FrontRequest(scope: scope, whatIf: whatIf), confidence: confidence)
            result = check
            try outputs.write("out", console: console, streaming: run.front.writeJSON(to:))
        }
        if litellm == nil {
            for line in try IntentTable.drift(path: path, table: table) {
                console.note("note: \(path) expected \(line) on this data\n")
            }
        }
        let saved = args.value("out").flatMap { $0 == "-" ? nil : $0 }
        if args.flag("json") {
            console.out(result.json(savedAs: saved).serialized())
        } else if !outputs.claimsStandardOutput {
            console.text(result.text(width: console.width, savedAs: saved))
        }
        let failed = result.failsGate(ifDominated: args.flag("fail-if-dominated"), ifInfeasible: args.flag("fail-if-infeasible"))
        return failed ? ExitStatus.gateFailed : ExitStatus.ok
    }
}
