import ParetoRoute

/// The options that scope a search or ask "what if", shared by optimize, exact and check.
enum ScopeOptions {
    static let options: [Arguments.Option] = [
        .init(name: "exclude-model", takesValue: true, repeatable: true),
        .init(name: "models", takesValue: true, repeatable: true),
        .init(name: "baseline", takesValue: true),
        .init(name: "max-changes", takesValue: true),
        .init(name: "pin", takesValue: true, repeatable: true),
        .init(name: "feasible-only", takesValue: false),
        .init(name: "min-samples", takesValue: true),
        .init(name: "price", takesValue: true, repeatable: true),
        .init(name: "fixed-fee", takesValue: true, repeatable: true),
        .init(name: "volume-scale", takesValue: true),
        .init(name: "volume", takesValue: true, repeatable: true),
        .init(name: "cache-rate", takesValue: true, repeatable: true),
        .init(name: "new-model", takesValue: true, repeatable: true),
    ]

    static let help = """
          --exclude-model NAME    never use this model (repeatable)
          --models INTENT=M1,M2   restrict an intent to these models (repeatable)
          --baseline CONFIG.json  what runs today, for --max-changes and --pin
          --max-changes K         change at most K intents from the baseline
          --pin INTENT            keep the baseline's setting for this intent (repeatable)
          --feasible-only         a kept baseline cell must meet its floor and cap too (without it
                                  an unchanged intent keeps its cell even when it is infeasible)
          --min-samples N         never use a cell measured on fewer than N golden samples
          --price MODEL=IN/OUT    what if this model cost IN/OUT USD per million tokens; append
                                  /READ/WRITE for its prompt-cache prices (without them they
                                  keep their ratio to IN)
          --fixed-fee MODEL=USD   what if this model's monthly fee were USD
          --volume-scale X        what if every intent's daily volume were X times as large
          --volume INTENT=N       what if this intent had N conversations a day
          --cache-rate INTENT=R   what if this intent's response-cache hit rate were R (0 <= R < 1)
          --new-model M=R:X:I/O   what if model M (no evals) had arrived: R's cells with quality
                                  × X (clipped to [0, 1]) at I/O USD per million tokens, marked
                                  estimated (e.g. haiku4=sonnet:0.92:0.40/2.00; repeatable)

        """

    /// Parses the what-if overrides.
    static func whatIf(_ args: Arguments, command: String) throws -> WhatIf {
        var whatIf = WhatIf()
        for text in args.all("price") {
            let (name, value) = try split(text, flag: "price", command: command)
            guard let prices = PriceCard(spelling: value) else {
                throw UsageError("\(command): --price '\(text)' must be MODEL=IN/OUT or MODEL=IN/OUT/CACHE_READ/CACHE_WRITE with prices >= 0 (USD per million tokens)")
            }
            whatIf.prices[name] = prices
        }
        for text in args.all("fixed-fee") {
            let (name, value) = try split(text, flag: "fixed-fee", command: command)
            guard let fee = number(value) else { throw UsageError("\(command): --fixed-fee '\(text)' must be MODEL=USD with USD >= 0") }
            whatIf.fixedFees[name] = fee
        }
        if let text = args.value("volume-scale") {
            guard let scale = number(text) else { throw UsageError("\(command): --volume-scale '\(text)' is not a number > 0") }
            whatIf.volumeScale = scale
        }
        for text in args.all("volume") {
            let (name, value) = try split(text, flag: "volume", command: command)
            guard let volume = number(value) else { throw UsageError("\(command): --volume '\(text)' must be INTENT=N with N > 0") }
            whatIf.volumes[name] = volume
        }
        for text in args.all("cache-rate") {
            let (name, value) = try split(text, flag: "cache-rate", command: command)
            guard let rate = number(value) else { throw UsageError("\(command): --cache-rate '\(text)' must be INTENT=R with 0 <= R < 1") }
            whatIf.responseCacheRates[name] = rate
        }
        // The spelling is the library's (EstimatedModel(spelling:)); its RequestError names --new-model.
        whatIf.newModels = try args.all("new-model").map { try EstimatedModel(spelling: $0) }
        // The ranges are the library's to check (once, for every caller); before any data is read.
        try whatIf.validate()
        return whatIf
    }

    /// Parses the scope against `table` (the baseline is resolved to cells).
    static func scope(_ args: Arguments, table: CellTable, command: String) throws -> Scope {
        var scope = Scope(excludedModels: args.all("exclude-model"))
        for text in args.all("models") {
            let (intent, value) = try split(text, flag: "models", command: command)
            scope.allowedModels[intent, default: []] += value.split(separator: ",").map(String.init)
        }
        if let path = args.value("baseline") {
            scope.baseline = try table.choice(of: Configuration.load(path: path), file: path)
        }
        scope.maxChanges = try args.int("max-changes", command: command, minimum: 0)
        scope.pinnedIntents = args.all("pin")
        scope.feasibleOnly = args.flag("feasible-only")
        scope.minimumSamples = try minimumSamples(args, command: command)
        return scope
    }

    /// `--min-samples N` (N >= 1), shared with `validate`.
    static func minimumSamples(_ args: Arguments, command: String) throws -> Int? {
        guard let count = try args.int("min-samples", command: command, minimum: 1) else { return nil }
        return count
    }

    /// The flags a request error comes from, as this CLI spells them (`--price/--volume`).
    static func flags(of error: RequestError) -> String {
        error.options.map { option in
            switch option {
            case .excludedModels: return "--exclude-model"
            case .allowedModels: return "--models"
            case .baseline: return "--baseline"
            case .maxChanges: return "--max-changes"
            case .pinnedIntents: return "--pin"
            case .feasibleOnly: return "--feasible-only"
            case .minimumSamples: return "--min-samples"
            case .prices: return "--price"
            case .fixedFees: return "--fixed-fee"
            case .volumeScale: return "--volume-scale"
            case .volumes: return "--volume"
            case .responseCacheRates: return "--cache-rate"
            case .confidence: return "--confidence"
            case .point: return "--point"
            case .budget: return "--budget"
            case .minQuality: return "--min-quality"
            case .apiKeyEnvironment: return "--api-key-env"
            case .switchShares: return "--switch-at"
            case .dailyCap: return "--daily-cap"
            case .modelIDs: return "--model-id"
            case .risk: return "--risk"
            case .runs: return "--runs"
            case .months: return "--months"
            case .month: return "--month"
            case .steps: return "--steps"
            case .maxChangesPerStep: return "--max-changes-per-step"
            case .intentFilter: return "--intent"
            case .modelFilter: return "--model"
            case .newModels: return "--new-model"
            case .routes: return "--routes"
            }
        }.joined(separator: "/")
    }

    private static func split(_ text: String, flag: String, command: String) throws -> (String, String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError("\(command): --\(flag) '\(text)' must look like NAME=VALUE")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func number(_ text: String) -> Double? {
        try? DecimalNumber.parseDouble(Array(text.utf8)).get()
    }
}
