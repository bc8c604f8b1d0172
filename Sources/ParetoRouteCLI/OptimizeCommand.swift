import ParetoRoute

/// `paretoroute optimize`: the front by NSGA-II.
enum OptimizeCommand {
    static let help = FrontOptions.help(
        command: "optimize", summary: "The Pareto front of monthly cost vs weighted quality, found by NSGA-II.",
        searchOptions: """
              --population N          individuals per generation (default 200)
              --generations G         generations at most (default 400; stops earlier when the
                                      hypervolume has not grown for 60 generations)
              --seed S                seed of every random choice (default 1)
              --warm-start OLD.json   seed the search with an earlier front's configurations
              --reference exact       also compute the exact front and print the share of its
                                      hypervolume this front reaches
              --background            draw the dominated configurations evaluated, faintly, in the SVG

            """)

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let command = "optimize"
        let options = try FrontOptions(arguments, extra: [
            .init(name: "population", takesValue: true), .init(name: "generations", takesValue: true),
            .init(name: "seed", takesValue: true), .init(name: "warm-start", takesValue: true),
            .init(name: "reference", takesValue: true), .init(name: "background", takesValue: false),
        ], command: command)
        let args = options.args
        var search = Optimizer.Options()
        search.population = try args.int("population", command: command, minimum: 2, maximum: 1_000_000) ?? search.population
        search.generations = try args.int("generations", command: command, minimum: 0, maximum: 1_000_000) ?? search.generations
        if let seedText = args.value("seed") {
            guard let seed = UInt64(seedText) else { throw UsageError("\(command): --seed '\(seedText)' is not an integer in 0...\(UInt64.max)") }
            search.seed = seed
        }
        if let reference = args.value("reference"), reference != "exact" {
            throw UsageError("\(command): --reference takes only 'exact'")
        }
        search.recordsEvaluated = args.flag("background") && args.value("svg") != nil
        try options.validateOutputs()

        let data = try options.data()
        let request = try options.request(data: data)
        let warmStart = try args.value("warm-start").map(Front.load(path:))
        let progress = console.errIsTerminal && !options.quiet
        let run = try FrontRun.optimize(data, request: request, options: search, warmStart: warmStart,
                                        referenceExact: args.value("reference") == "exact") { report in
            if progress {
                // The search measures against its own reference point, fixed early in the run;
                // the last line below gives the table's figure instead.
                console.err("\rgeneration \(report.generation): front \(report.archiveCount) points, search hypervolume \(formatFixed(report.hypervolume, decimals: 1))   ")
            }
        }
        if progress {
            let front = run.front, reference = front.referencePoint
            var generations = ""
            if case let .nsga2(run, _, _, _, _) = front.statistics.search { generations = "generation \(run): " }
            console.err("\r\(generations)front \(front.points.count) points, hypervolume \(formatFixed(front.hypervolume, decimals: 2)) (reference \(formatUSD(reference.cost)), \(formatQuality(reference.quality)), as in the table)\u{1B}[K\n")
        }
        if let bound = run.missedCheapestCostUSD {
            options.diagnose("warning: the front's cheapest point costs \(run.front.objectives.first.map { formatUSD($0.cost) } ?? "nothing"), but a feasible configuration costs \(formatUSD(bound)) (the cheapest over every set of fee-paying models); try a larger --population or --generations, or `exact`", console: console)
        }
        let statistics = run.front.statistics
        if case let .nsga2(_, _, _, points?, dropped?) = statistics.search {
            options.diagnose("warm start: \(points - dropped) configuration\(points - dropped == 1 ? "" : "s") seeded, \(dropped) dropped (a cell vanished or is no longer feasible)", console: console)
        }
        if let share = statistics.exactHypervolumeShare, let count = statistics.exactPointCount {
            console.note("hypervolume vs exact front: \(formatFixed(share * 100, decimals: 3))% (\(run.front.points.count) points; the exact front has \(count); reference point from the exact front)\n")
        }
        return try options.finish(run, console: console)
    }
}
