import ParetoRoute

/// `paretoroute usage`: what production spends, from request logs (A9) and their anomalies (A10).
enum UsageCommand {
    static let help = """
        usage: paretoroute usage LOG... [--data DIR] [--config FILE] [--json]
                                 [--html FILE] [--daily-cap USD] [--fail-on-anomaly]
                                 [--strict] [--utc-offset +HH:MM]

        Reads request logs (one JSON object per line, design doc A9; '-' is
        standard input: 'zcat logs.gz | paretoroute usage -') or A9's hourly
        aggregates (CSV), and prints what they cost: by intent, by model, by kind
        of token, by day and hour of day, the response cache's savings, and A10's
        anomalies. Model ids match models.csv's names and provider_ids; unknown
        intents and ids are listed. Malformed lines are counted, the first listed.

          --data DIR          the data directory (default ./GoldenData)
          --config FILE       compare each intent's observed cost per 30 days with the
                              configuration's planned cost, the difference split into
                              volume, cache rate, tokens per call and price
          --json              print one JSON object instead of the text
          --html FILE         also write a self-contained HTML page ('-': stdout)
          --daily-cap USD     report each day's crossings of 70/85/95/100 % of USD
          --fail-on-anomaly   exit 3 when any anomaly is found
          --strict            exit 65 at the first malformed line (file, line, field)
          --utc-offset OFF    cut days at local midnight, OFF like +09:00 (default UTC)

        """

    static let options: [Arguments.Option] = [
        .init(name: "data", takesValue: true), .init(name: "json", takesValue: false),
        .init(name: "config", takesValue: true), .init(name: "html", takesValue: true),
        .init(name: "daily-cap", takesValue: true), .init(name: "fail-on-anomaly", takesValue: false),
        .init(name: "strict", takesValue: false), .init(name: "utc-offset", takesValue: true),
    ]

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: options, command: "usage")
        guard !args.positionals.isEmpty else { throw UsageError("usage: expected at least one LOG file ('-' for standard input)") }
        let cap = try args.double("daily-cap", command: "usage", minimum: 0)
        if let cap, cap <= 0 { throw UsageError("usage: --daily-cap must be > 0") }
        let offset = try utcOffset(args.value("utc-offset"), command: "usage")
        let html = args.value("html").map { OutputTarget(path: $0, option: "--html") }
        if let html { try html.validate() }
        if html?.isStandardOutput == true && args.flag("json") { throw UsageError("usage: --html - and --json both write to stdout; choose one") }
        let table = try GoldenDataLoader.load(directory: args.value("data") ?? "GoldenData")
        let configuration = try args.value("config").map { try Configuration.load(path: $0) }
        let ledger = try UsageReader.read(paths: args.positionals, catalog: UsageCatalog(table: table), utcOffsetSeconds: offset,
                                          options: UsageReader.Options(strict: args.flag("strict")))
        let summary = UsageSummary(ledger: ledger, dailyCapUSD: cap)
        let plan = try configuration.map { try UsagePlanComparison(ledger: ledger, table: table, configuration: $0) }
        if let html { try html.write(UsageHTML.page(summary, plan: plan)) }
        if args.flag("json") {
            var document = UsageJSON.document(summary)
            if let plan, case .object(var members) = document {
                members.append(("plan", plan.json))
                document = .object(members)
            }
            console.out(document.serialized())
        } else if html?.isStandardOutput != true {
            console.text(UsageText.render(summary, width: console.width) + (plan.map { "\n" + $0.text(width: console.width) } ?? ""))
        }
        return args.flag("fail-on-anomaly") && summary.anomalyCount > 0 ? ExitStatus.gateFailed : ExitStatus.ok
    }

    /// Seconds of `+HH:MM` / `-HH:MM` (0 when not given).
    static func utcOffset(_ text: String?, command: String) throws -> Int {
        guard let text else { return 0 }
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == 43 || bytes[0] == 45, bytes[3] == 58,
              let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)), let minutes = Int(String(decoding: bytes[4...5], as: UTF8.self)),
              hours < 24, minutes < 60, bytes[1...2].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[4...5].allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw UsageError("\(command): --utc-offset expects +HH:MM or -HH:MM, got '\(text)'")
        }
        return (bytes[0] == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
