import ParetoRoute

/// `paretoroute import`: turn an eval tool's results into a new golden-data evals file.
enum ImportCommand {
    static let help = """
        usage: paretoroute import inspect LOG.json... [options]
               paretoroute import promptfoo RESULTS.json|RESULTS.jsonl [options]

        Reads the per-sample scores, tokens and latencies of an Inspect AI eval log
        (JSON form) or a promptfoo results file and writes them as one new file
        DIR/evals/NNNN-<tool>-<date>.csv (never replacing a file). Its cells replace
        those cells' older rows; the report says which cells are added and which
        replaced. A directory without models.csv and intents.csv gets both, listing
        the names found, with prices, volumes, floors and caps left for you to fill.
        Provider prompt-cache reads and writes get their own columns, cache_read_tokens
        and cache_write_tokens (when any sample has them), never input_tokens.

          --data DIR            the data directory (default ./GoldenData)
          --intent-field PATH   where each sample's intent is: inspect metadata.<key>,
                                eval.task_args.<key> or eval.task (default
                                metadata.intent); promptfoo vars.<key> (default
                                vars.intent)
          --intent NAME         every sample is this intent
          --model-map FROM=TO   a tool's model name to a models.csv name (repeatable;
                                default: the name after the last '/' or ':')
          --max-tokens N        max_tokens where the log sets none
          --temperature T       temperature where the log sets none
          --rag-field PATH      where the RAG chunk count is (roots as --intent-field)
          --rag-chunks N        every sample used N chunks (0 without retrieval)
          --score NAME          the scorer (inspect) or named score (promptfoo) to read;
                                needed when an Inspect log has several
          --score-scale LO:HI   map scores in [LO, HI] onto quality [0, 1] (rubric 1:5)
          --epochs MODE         inspect: distinct (default) keeps epochs as samples
                                faq-0007#2; mean averages a sample's epochs into one row
          --skip-incomplete     skip (and count) samples without tokens or latency
          --keep-cached         promptfoo: keep rows served from its cache
          --name NAME           NNNN-NAME.csv instead of NNNN-<tool>-<date>.csv
          --dry-run             print the report, write nothing

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let valued = ["data", "intent-field", "intent", "max-tokens", "temperature", "rag-field", "rag-chunks",
                      "score", "score-scale", "epochs", "name"]
        let args = try Arguments(arguments, options: valued.map { .init(name: $0, takesValue: true) } + [
            .init(name: "model-map", takesValue: true, repeatable: true),
            .init(name: "skip-incomplete", takesValue: false), .init(name: "keep-cached", takesValue: false),
            .init(name: "dry-run", takesValue: false),
        ], command: "import")
        guard let toolName = args.positionals.first else {
            throw UsageError("import: expected a tool (inspect or promptfoo) and its files; see 'paretoroute import --help'")
        }
        guard let tool = EvalTool(rawValue: toolName) else {
            throw UsageError("import: unknown tool '\(toolName)'; expected inspect or promptfoo")
        }
        let files = Array(args.positionals.dropFirst())
        guard !files.isEmpty else { throw UsageError("import \(toolName): expected at least one file") }
        if tool == .promptfoo, files.count > 1 { throw UsageError("import promptfoo: expected one results file, got \(files.count)") }
        if tool == .promptfoo, args.value("epochs") != nil { throw UsageError("import promptfoo: --epochs is for Inspect logs") }
        if tool == .inspect, args.flag("keep-cached") { throw UsageError("import inspect: --keep-cached is for promptfoo results") }

        let roots = tool == .inspect ? InspectLogReader.pathRoots : PromptfooResultsReader.pathRoots
        func path(_ flag: String) throws -> FieldPath? {
            guard let text = args.value(flag) else { return nil }
            guard let path = FieldPath(text, roots: roots) else {
                throw UsageError("import \(toolName): --\(flag) '\(text)' is not a path; expected \(roots.map { $0.hasSuffix(".") ? $0 + "<key>" : $0 }.joined(separator: ", "))")
            }
            return path
        }
        var options = ImportOptions()
        options.optionNames = [
            .intent: "--intent-field PATH or --intent NAME", .modelMap: "--model-map FROM=TO", .maxTokens: "--max-tokens",
            .temperature: "--temperature", .ragChunks: "--rag-field PATH or --rag-chunks N", .scoreName: "--score NAME",
            .scoreScale: "--score-scale", .skipIncomplete: "--skip-incomplete", .keepCached: "--keep-cached",
        ]
        if let field = try path("intent-field") { options.intent = .field(field) }
        if let name = args.value("intent") {
            guard options.intent == nil else { throw UsageError("import: --intent and --intent-field exclude each other") }
            guard !name.isEmpty else { throw UsageError("import: --intent needs a name") }
            options.intent = .fixed(name)
        }
        if let field = try path("rag-field") { options.ragChunks = .field(field) }
        if let chunks = try args.int("rag-chunks", command: "import", minimum: 0) {
            guard options.ragChunks == nil else { throw UsageError("import: --rag-chunks and --rag-field exclude each other") }
            options.ragChunks = .fixed(chunks)
        }
        options.modelMap = ModelNameMap(try args.all("model-map").map { text in
            guard let pair = ModelNameMap.pair(text) else { throw UsageError("import: --model-map '\(text)' is not FROM=TO") }
            return pair
        })
        options.maxTokens = try args.int("max-tokens", command: "import", minimum: 1)
        options.temperature = try args.double("temperature", command: "import", minimum: 0)
        options.scoreName = args.value("score")
        if let text = args.value("score-scale") {
            guard let scale = ScoreScale(parsing: text) else { throw UsageError("import: --score-scale '\(text)' is not LO:HI with LO < HI") }
            options.scoreScale = scale
        }
        if let text = args.value("epochs") {
            guard let mode = EpochMode(rawValue: text) else { throw UsageError("import: --epochs '\(text)' is not distinct or mean") }
            options.epochs = mode
        }
        options.skipIncomplete = args.flag("skip-incomplete")
        options.keepCached = args.flag("keep-cached")
        if let name = args.value("name"), !EvalsFileName.isValidStem(name) {
            throw UsageError("import: --name '\(name)' is not a file name stem; expected letters, digits, '.', '_' and '-'")
        }

        let run = tool == .inspect
            ? try InspectLogReader.read(paths: files, options: options)
            : try PromptfooResultsReader.read(path: files[0], options: options)
        let plan = try ImportPlan.make(run: run, directory: args.value("data") ?? "GoldenData", name: args.value("name"))
        let dryRun = args.flag("dry-run")
        if !dryRun { try plan.write() }
        console.out(plan.report(dryRun: dryRun))
        return ExitStatus.ok
    }
}
