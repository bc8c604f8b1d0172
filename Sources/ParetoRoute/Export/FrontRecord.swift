/// What a front file records about the run that made it, in the file's key order.
///
/// A front must say which assumptions produced it (constraints, scope, what-if
/// overrides, search settings) so that `diff` can tell a changed assumption from changed
/// data; building the record here lets a library user write the same file as the CLI.
public enum FrontRecord {
    /// How the front was found: NSGA-II with its options, or the exact fold (capped or not).
    public enum Method: Sendable {
        /// The evolutionary search with these options.
        case nsga2(Optimizer.Options)
        /// The exact fold; `maxPoints` when capped by an ε-grid.
        case exact(maxPoints: Int?)
    }

    /// The `settings` object: search settings, then constraints, scope, what-if and confidence.
    public static func settings(method: Method, constraints: GlobalConstraints, scope: Scope, table: CellTable,
                                whatIf: WhatIf, confidence: Double?) -> [(String, JSONValue)] {
        var settings: [(String, JSONValue)] = []
        switch method {
        case .nsga2(let options):
            settings = [
                ("population", .number(Double(options.population))),
                ("generations", .number(Double(options.generations))),
                ("stall_generations", options.stallGenerations.map { .number(Double($0)) } ?? .null),
                ("seed", .number(Double(options.seed))),
            ]
        case .exact(let maxPoints):
            if let maxPoints { settings.append(("max_points", .number(Double(maxPoints)))) }
        }
        return settings + [
            ("max_monthly_cost_usd", constraints.maxMonthlyCostUSD.map { .number($0) } ?? .null),
            ("min_quality", constraints.minQuality.map { .number($0) } ?? .null),
        ] + scope.json(table: table) + [("what_if", whatIf.json), ("confidence", confidence.map { .number($0) } ?? .null)]
    }

    /// The `statistics` of an exact run: pruning, then the fold's figures.
    public static func statistics(space: SearchSpace, exact result: ExactSolver.Result, capped: Bool) -> [(String, JSONValue)] {
        var statistics: [(String, JSONValue)] = [("pruning", .array(space.pruning.map(\.json)))]
        if capped { statistics.append(("quality_tolerance", .number(result.qualityTolerance))) }
        return statistics + [
            ("fee_model_subsets", .number(Double(result.subsetsSolved))),
            ("largest_partial_front", .number(Double(result.largestPartialFront))),
            ("candidate_sums", .number(Double(result.candidatesExamined))),
        ]
    }

    /// The `statistics` of an NSGA-II run; `warmStart` gives the old front's point count
    /// and the configurations dropped before the search (cells gone) when one was used.
    public static func statistics(space: SearchSpace, search result: Optimizer.Result,
                                  warmStart: (points: Int, stale: Int)?) -> [(String, JSONValue)] {
        var statistics: [(String, JSONValue)] = [("pruning", .array(space.pruning.map(\.json)))]
        if let warmStart { statistics.append(("warm_start_points", .number(Double(warmStart.points)))) }
        statistics += [
            ("generations_run", .number(Double(result.generationsRun))),
            ("evaluations", .number(Double(result.evaluations))),
            ("stopped_by_stall", .bool(result.stoppedByStall)),
        ]
        if let warmStart {
            statistics.append(("warm_start_dropped", .number(Double(result.droppedWarmStart + warmStart.stale))))
        }
        return statistics
    }
}
