import ParetoRoute

/// `paretoroute cells`: the derived cell table, one row per evaluated setting.
enum CellsCommand {
    static let help = """
        usage: paretoroute cells [--data DIR] [--intent NAME]... [--model NAME]...
                                 [--csv FILE] [--json]

        Lists the cell table the data derives: per evaluated setting its samples,
        quality and standard error, mean input, output and prompt-cache tokens, P99,
        monthly cost and whether it meets its intent's floor and cap, in the data's
        order (intents as intents.csv lists them, cells by setting).

          --data DIR      the data directory (default ./GoldenData)
          --intent NAME   only this intent (repeatable)
          --model NAME    only this model (repeatable)
          --csv FILE      write the table as CSV (full precision; - is stdout)
          --json          print one JSON array of the rows

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "data", takesValue: true), .init(name: "intent", takesValue: true, repeatable: true),
            .init(name: "model", takesValue: true, repeatable: true), .init(name: "csv", takesValue: true),
            .init(name: "json", takesValue: false),
        ], command: "cells")
        try args.requirePositionals(0, command: "cells", names: "no arguments")
        let directory = args.value("data") ?? "GoldenData"
        let outputs = try OutputOptions(args, names: ["csv"], printFlags: ["json"])
        try outputs.protect(OutputOptions.dataFiles(directory))
        let table = try GoldenDataLoader.load(directory: directory)
        let listing = try CellListing(table: table, intents: args.all("intent"), models: args.all("model"))
        try outputs.write("csv", console: console, listing.csv)
        if args.flag("json") {
            console.out(listing.json.serialized())
        } else if !outputs.claimsStandardOutput {
            console.text(listing.text(width: console.width))
        }
        return ExitStatus.ok
    }
}
