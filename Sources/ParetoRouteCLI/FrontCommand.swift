import ParetoRoute

/// `paretoroute optimize` and `paretoroute exact`: find the front and export it.
enum FrontCommand {
    static func help(_ method: Front.Method) -> String {
        let name = method == .exact ? "exact" : "optimize"
        let searchOptions = method == .nsga2 ? """
              --population N          individuals per generation (default 200)
              --generations G         generations at most (default 400; stops earlier when the
                                      hypervolume has not grown for 60 generations)
              --seed S                seed of every random choice (default 1)
              --warm-start OLD.json   seed the search with an earlier front's configurations
              --reference exact       also compute the exact front and print the share of its
                                      hypervolume this front reaches
              --background            draw the dominated configurations evaluated, faintly, in the SVG

            """ : ""
        let capOption = method == .exact ? """
              --max-points M          cap the front with an ε-grid on quality (ε = 2 × quality range / M);
                                      every exact point keeps a point at no more cost within ε in quality

            """ : ""
        let summary = method == .exact
            ? "The exact Pareto front of monthly cost vs weighted quality, by folding the per-intent\nfronts intent by intent (fixed model fees handled exactly)."
            : "The Pareto front of monthly cost vs weighted quality, found by NSGA-II."
        return """
            usage: paretoroute \(name) [--data DIR] [options]

            \(summary)
            Cells below their intent's quality floor or above its P99 cap are pruned first.
            Prints the front as a table on stdout. Every output takes a path or - (stdout, which
            then carries only that output); files are replaced atomically (through a symlink, its
            target), FIFOs and devices written directly; two outputs may not name one file.

              --data DIR              the data directory (default ./GoldenData)
            \(searchOptions)\(capOption)  --max-monthly-cost USD  keep only configurations costing at most USD a month
              --min-quality Q         keep only configurations of weighted quality at least Q
              --confidence C          a cell is feasible only if its bootstrap interval at C (e.g. 0.95)
                                      clears the floor and the cap (1,000 seeded resamples)
            \(ScopeOptions.help)  --out FRONT.json        write the front as JSON (format paretoroute.front/1)
              --text FRONT.txt        write the table to a file instead of stdout
              --csv FRONT.csv         write one row per point
              --svg FRONT.svg         write a scatter plot
              --html REPORT.html      write an interactive report (one self-contained file)
              --mark CONFIG.json      place a configuration (e.g. production) on the plot and report
              --points K|all          print K representative points (default 25; the JSON keeps all)
              --quiet                 no diagnostics or progress on stderr

            """
    }

    static func run(_ arguments: [String], console: Console, method: Front.Method) throws -> Int32 {
        let name = method == .exact ? "exact" : "optimize"
        if CommandLineTool.helpRequested(arguments, help: help(method), console: console) { return ExitStatus.ok }
        var options: [Arguments.Option] = [
            .init(name: "data", takesValue: true), .init(name: "max-monthly-cost", takesValue: true),
            .init(name: "min-quality", takesValue: true),
            .init(name: "out", takesValue: true), .init(name: "text", takesValue: true), .init(name: "csv", takesValue: true),
            .init(name: "svg", takesValue: true), .init(name: "html", takesValue: true), .init(name: "mark", takesValue: true), .init(name: "points", takesValue: true),
            .init(name: "quiet", takesValue: false), .init(name: "confidence", takesValue: true),
        ] + ScopeOptions.options
        if method == .exact {
            options.append(.init(name: "max-points", takesValue: true))
        }
        if method == .nsga2 {
            options += [
                .init(name: "population", takesValue: true), .init(name: "generations", takesValue: true),
                .init(name: "seed", takesValue: true), .init(name: "warm-start", takesValue: true),
                .init(name: "reference", takesValue: true), .init(name: "background", takesValue: false),
            ]
        }
        let args = try Arguments(arguments, options: options, command: name)
        try args.requirePositionals(0, command: name, names: "no positional arguments")
        // Before any work: a missing directory or two outputs naming one file fail now, not after the search.
        let outputs = try OutputOptions(args, names: ["out", "text", "csv", "svg", "html"])
        let quiet = args.flag("quiet")
        let diagnose: (String) -> Void = { if !quiet { console.err($0 + "\n") } }

        let constraints = GlobalConstraints(
            maxMonthlyCostUSD: try args.double("max-monthly-cost", command: name, minimum: 0),
            minQuality: try args.double("min-quality", command: name, minimum: 0))
        // A front can hold thousands of points: print a readable sample unless asked for all.
        let points: Int? = args.value("points") == "all" ? nil : try args.int("points", command: name, minimum: 1) ?? 25
        var searchOptions = Optimizer.Options()
        if method == .nsga2 {
            searchOptions.population = try args.int("population", command: name, minimum: 2, maximum: 1_000_000) ?? searchOptions.population
            searchOptions.generations = try args.int("generations", command: name, minimum: 0, maximum: 1_000_000) ?? searchOptions.generations
            if let seedText = args.value("seed") {
                guard let seed = UInt64(seedText) else { throw UsageError("\(name): --seed '\(seedText)' is not an integer in 0...\(UInt64.max)") }
                searchOptions.seed = seed
            }
            if let reference = args.value("reference"), reference != "exact" {
                throw UsageError("\(name): --reference takes only 'exact'")
            }
            searchOptions.recordsEvaluated = args.flag("background") && args.value("svg") != nil
        }

        let whatIf = try ScopeOptions.whatIf(args, command: name)
        let confidence = try args.double("confidence", command: name, minimum: 0)
        if let confidence, !(confidence > 0 && confidence < 1) { throw UsageError("\(name): --confidence must be in (0, 1)") }
        var table = try whatIf.apply(to: GoldenDataLoader.load(directory: args.value("data") ?? "GoldenData",
                                                               keepingSamples: confidence != nil))
        if let confidence { table = try table.applyingConfidence(confidence) }
        for warning in table.warnings { diagnose("warning: \(warning)") }
        let scope = try ScopeOptions.scope(args, table: table, command: name)
        let space = try SearchSpace(table: table, constraints: constraints, scope: scope)
        diagnose("pruned cells per intent (never feasible, or of an excluded model):")
        for report in space.pruning { diagnose("  " + report.text) }

        let settings: [(String, JSONValue)]
        let statistics: [(String, JSONValue)]
        var evaluations: [ConfigurationEvaluation]
        var background: [(cost: Double, quality: Double)] = []
        switch method {
        case .exact:
            let maxPoints = try args.int("max-points", command: name, minimum: 1)
            let result = ExactSolver.solve(space, maxPoints: maxPoints)
            evaluations = result.points
            diagnose("exact: \(result.subsetsSolved) fee-model subsets, largest partial front \(result.largestPartialFront), \(result.candidatesExamined) candidate sums examined")
            if let maxPoints {
                diagnose("--max-points \(maxPoints): every exact front point has a point here at no more cost and at most \(formatFixed(result.qualityTolerance, decimals: 6)) less quality")
            }
            settings = FrontRecord.settings(method: .exact(maxPoints: maxPoints), constraints: constraints, scope: scope,
                                            table: table, whatIf: whatIf, confidence: confidence)
            statistics = FrontRecord.statistics(space: space, exact: result, capped: maxPoints != nil)
        case .nsga2:
            var warmStart: (points: Int, stale: Int)?
            if let old = args.value("warm-start") {
                let front = try Front.load(path: old)
                let (choices, stale) = Optimizer.warmStart(from: front, table: table)
                searchOptions.warmStart += choices
                warmStart = (front.points.count, stale)
            }
            let progress = console.errIsTerminal && !quiet
            let result = Optimizer.optimize(space, options: searchOptions) { report in
                if progress {
                    console.err("\rgeneration \(report.generation): front \(report.archiveCount) points, hypervolume \(formatFixed(report.hypervolume, decimals: 1))   ")
                }
            }
            if progress { console.err("\n") }
            evaluations = result.points
            background = result.background
            settings = FrontRecord.settings(method: .nsga2(searchOptions), constraints: constraints, scope: scope,
                                            table: table, whatIf: whatIf, confidence: confidence)
            statistics = FrontRecord.statistics(space: space, search: result, warmStart: warmStart)
            if let warmStart {
                diagnose("warm start: \(searchOptions.warmStart.count - result.droppedWarmStart) configurations seeded, \(result.droppedWarmStart + warmStart.stale) dropped (a cell vanished or is no longer feasible)")
            }
        }
        let front = Front(method: method, dataFingerprint: table.fingerprint, settings: settings,
                          statistics: statistics, points: FrontPoint.points(consuming: &evaluations))
        if method == .nsga2, args.value("reference") == "exact" {
            let exact = ExactSolver.solve(space).points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) }
            let share = FrontGeometry.hypervolumeShare(of: front.objectives, exact: exact)
            console.err("hypervolume vs exact front: \(formatFixed(share * 100, decimals: 3))% (\(front.points.count) points; the exact front has \(exact.count); reference point from the exact front)\n")
        }
        if front.points.isEmpty, let k = scope.maxChanges, k < space.mustChange.count {
            let names = space.mustChange.map { table.intents[$0].name }.joined(separator: ", ")
            throw DataError(.badRequest, file: "--max-changes",
                            "\(k) changes are too few: the baseline cells of \(space.mustChange.count) intents are not allowed (they break a floor or cap under --feasible-only, or their model is ruled out), so these must change: \(names); expected --max-changes \(space.mustChange.count) or more")
        }
        guard !front.points.isEmpty else {
            throw DataError(file: args.value("data") ?? "GoldenData", "no configuration meets every constraint (check --max-monthly-cost and --min-quality)")
        }

        let mark = try args.value("mark").map { try ReportCommand.mark(path: $0, table: table) }
        let marks = mark.map { [FrontSVG.Mark(label: $0.label, cost: $0.evaluation.monthlyCostUSD, quality: $0.evaluation.quality)] } ?? []
        let z = NormalQuantile.twoSided(confidence ?? 0.95)
        let text = FrontText.render(front, points: points)
        try outputs.write("out", console: console, front.json.serialized())
        try outputs.write("csv", console: console, FrontCSV.render(front))
        try outputs.write("svg", console: console, FrontSVG.render(front, marks: marks, background: background, z: z))
        try outputs.write("html", console: console, FrontHTML.render(front, mark: mark, z: z))
        if outputs.contains("text") {
            try outputs.write("text", console: console, text)
        } else if !outputs.claimsStandardOutput {
            console.out(text)
        }
        return ExitStatus.ok
    }
}
