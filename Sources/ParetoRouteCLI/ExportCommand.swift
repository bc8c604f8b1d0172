import ParetoRoute

/// `paretoroute export`: what was picked, as a gateway config and the orchestrator's table.
enum ExportCommand {
    static let help = """
        usage: paretoroute export CONFIG.json [--data DIR] [--litellm FILE] [--intents FILE]
               paretoroute export --front FRONT.json (--point N | --knee | --budget USD)
                                  [--data DIR] [--litellm FILE] [--intents FILE]

        Writes a configuration (a configuration JSON, pick's JSON, an intent table, or a
        front's point) in the forms a deployment reads, and prints what it wrote.
          --litellm FILE        a LiteLLM proxy config.yaml: one model group per intent,
                                intent/<name> (a threshold route: intent/<name>/low and /high);
                                model = the model's first provider_ids entry, max_tokens,
                                temperature; RAG chunks and expected figures in model_info
          --intents FILE        the orchestrator's intent table (JSON): per intent the setting
                                or route, gateway groups, max output tokens, expected figures
          --model-id MODEL=ID   the provider id to write for MODEL (first of models.csv's
                                provider_ids otherwise, else its name; repeatable)
          --api-key-env NAME    api_key: os.environ/NAME in every deployment (MODEL=NAME for
                                one model; repeatable); without it no api_key is written
          --front FRONT.json    export a point of this front, judged on its data
          --point N             point #N of the front
          --knee                the front's knee
          --budget USD          the front's best point costing at most USD a month
          --data DIR            the data directory (default ./GoldenData)
        Files are replaced atomically; the same input gives the same bytes. See docs/deploy.md.

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "litellm", takesValue: true), .init(name: "intents", takesValue: true),
            .init(name: "api-key-env", takesValue: true, repeatable: true),
            .init(name: "model-id", takesValue: true, repeatable: true),
            .init(name: "front", takesValue: true), .init(name: "point", takesValue: true),
            .init(name: "knee", takesValue: false), .init(name: "budget", takesValue: true),
            .init(name: "data", takesValue: true),
        ], command: "export")
        let dataDirectory = args.value("data") ?? "GoldenData"
        let apiKeys = try APIKeyReferences(specifications: args.all("api-key-env"))
        let modelIDs = try CellTable.providerIDs(specifications: args.all("model-id"))
        let outputs = try OutputOptions(args, names: ["litellm", "intents"])
        var requests: [FrontPicker.Request] = []
        if let number = try args.int("point", command: "export", minimum: 1) { requests.append(.point(number)) }
        if args.flag("knee") { requests.append(.knee) }
        if let budget = try args.double("budget", command: "export", minimum: 0) { requests.append(.budget(budget)) }
        let deployment: Deployment
        if let frontPath = args.value("front") {
            try args.requirePositionals(0, command: "export", names: "no CONFIG.json with --front")
            guard requests.count == 1, let request = requests.first else {
                throw UsageError("export: with --front give exactly one of --point N, --knee, --budget USD")
            }
            try outputs.protect([(frontPath, "the front")] + OutputOptions.dataFiles(dataDirectory))
            var loaded = try FrontWithData.load(frontPath: frontPath, dataDirectory: dataDirectory)
            loaded.table = try loaded.table.withProviderIDs(modelIDs)
            if loaded.isFromOtherData {
                console.note("warning: \(frontPath) was made from data \(loaded.front.dataFingerprint), but \(dataDirectory) is \(loaded.dataFingerprint)\n")
            }
            deployment = try Deployment(front: loaded, pick: request, frontPath: frontPath)
        } else {
            try args.requirePositionals(1, command: "export", names: "one CONFIG.json (or --front FRONT.json)")
            guard requests.isEmpty else {
                throw UsageError("export: --point, --knee and --budget pick a point of --front FRONT.json")
            }
            let path = args.positionals[0]
            try outputs.protect([(path, "the configuration exported")] + OutputOptions.dataFiles(dataDirectory))
            let options = try Configuration.load(path: path).entries
            let byRouter = options.contains { entry in
                if case .route(let route) = entry.option, case .threshold = route.rule { return true }
                return false
            }
            let table = try GoldenDataLoader.load(directory: dataDirectory, keepingSamples: true, keepingSampleIDs: byRouter)
                .withProviderIDs(modelIDs)
            deployment = try Deployment(options: options, table: table, file: path)
        }
        let yaml = try outputs.contains("litellm") ? LiteLLMConfig.render(deployment, apiKeys: apiKeys) : ""
        try outputs.write("litellm", console: console, yaml)
        try outputs.write("intents", console: console, IntentTable.json(deployment).serialized())
        if outputs.contains("litellm"), !deployment.modelIDsWithoutProvider.isEmpty {
            console.note("note: \(deployment.modelIDsWithoutProvider.joined(separator: ", ")) name(s) no provider (provider/model); LiteLLM refuses a model it does not know: give models.csv provider_ids or --model-id MODEL=provider/id\n")
        }
        if !outputs.claimsStandardOutput {
            console.text(IntentTable.text(deployment, width: console.width))
        }
        return ExitStatus.ok
    }
}
