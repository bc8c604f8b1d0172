import ParetoRoute

/// `paretoroute calibrate`: a new data directory with the volumes and hit rates the logs observed.
enum CalibrateCommand {
    static let help = """
        usage: paretoroute calibrate LOG... --out NEWDIR [--data DIR] [--strict]
                                     [--utc-offset +HH:MM]

        Reads request logs (or hourly aggregates) like 'usage' and writes NEWDIR:
        DIR's files copied unchanged, except intents.csv, whose daily_volume and
        cache_hit_rate become the observed ones; prints old and new side by side.
        A day is a calendar day in UTC (or at --utc-offset); only whole days count
        (the first and last day only when the logs reach their first and last
        hour). NEWDIR must not exist.

          --out NEWDIR        the directory to create (not DIR, nor any existing path)
          --data DIR          the data directory (default ./GoldenData)
          --strict            exit 65 at the first malformed line
          --utc-offset OFF    cut days at local midnight, OFF like +09:00 (default UTC)

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [.init(name: "data", takesValue: true), .init(name: "out", takesValue: true),
                                                      .init(name: "strict", takesValue: false), .init(name: "utc-offset", takesValue: true)],
                                 command: "calibrate")
        guard !args.positionals.isEmpty else { throw UsageError("calibrate: expected at least one LOG file ('-' for standard input)") }
        guard let out = args.value("out") else { throw UsageError("calibrate: --out NEWDIR is required") }
        let data = args.value("data") ?? "GoldenData"
        let offset = try UsageCommand.utcOffset(args.value("utc-offset"), command: "calibrate")
        let table = try GoldenDataLoader.load(directory: data)
        let ledger = try UsageReader.read(paths: args.positionals, catalog: UsageCatalog(table: table), utcOffsetSeconds: offset,
                                          options: UsageReader.Options(strict: args.flag("strict")))
        let calibration = try UsageCalibration(ledger: ledger, intents: table.intents)
        try calibration.write(data: data, to: out)
        var table2 = TextTable(columns: [.init("intent"), .init("volume/day", .right), .init("observed", .right),
                                         .init("hit rate", .right), .init("observed", .right)], indent: "  ")
        for row in calibration.rows {
            table2.rows.append([row.intent, formatFixed(row.plannedDailyVolume, decimals: 0),
                                row.observedDailyVolume.map { formatFixed($0, decimals: 1) } ?? "not seen",
                                formatFixed(row.plannedHitRate, decimals: 2),
                                row.observedHitRate.map { formatFixed($0, decimals: 4) } ?? "-"])
        }
        var text = "wrote \(out): intents.csv from \(calibration.wholeDays) whole day\(calibration.wholeDays == 1 ? "" : "s") of logs "
            + "(\(ledger.malformedLines) malformed lines skipped)\n"
        text += table2.lines(width: console.width).joined(separator: "\n") + "\n"
        if !calibration.unknownIntents.isEmpty {
            text += "intents in the logs but not in the data (not written): \(calibration.unknownIntents.joined(separator: ", "))\n"
        }
        console.text(text)
        return ExitStatus.ok
    }
}
