import NSGA2

/// A front made from data under a request, with the table it was searched on.
///
/// The one entry point per command: `optimize` and `exact` on the command line call
/// ``optimize(_:request:options:warmStart:referenceExact:observer:)`` and
/// ``exact(_:request:maxPoints:)``, so a library user gets the same complete front —
/// settings, statistics, warm-start counts, the exact share — and the same file.
public struct FrontRun: Sendable {
    /// The front, settings and statistics filled in.
    public var front: Front
    /// The table searched: the data with the request's what-ifs and confidence applied
    /// (evaluate a configuration on it to place it beside the front).
    public var table: CellTable
    /// The objectives of every configuration NSGA-II evaluated, when recorded (for a
    /// faint background in the SVG); empty for the exact front.
    public var background: [(cost: Double, quality: Double)]
    /// The cost of the cheapest feasible configuration (over every set of fee-paying models,
    /// ``Optimizer/cheapestFeasibleCost(_:)``) when an NSGA-II front's cheapest point costs
    /// more; `nil` when the front reaches it or it is not known. `optimize` warns about it.
    public var missedCheapestCostUSD: Double? = nil

    /// The front by NSGA-II.
    ///
    /// - Parameters:
    ///   - data: the loaded data (with samples when the request has a confidence).
    ///   - warmStart: an earlier front whose configurations seed the search (those whose
    ///     cells vanished are counted as dropped).
    ///   - referenceExact: also solve the exact front and record the share of its
    ///     hypervolume reached (reference point from the exact front).
    /// - Throws: as ``exact(_:request:maxPoints:)``.
    public static func optimize(_ data: CellTable, request: FrontRequest = FrontRequest(),
                                options: Optimizer.Options = Optimizer.Options(), warmStart: Front? = nil,
                                referenceExact: Bool = false,
                                observer: ((GenerationReport) -> Void)? = nil) throws -> FrontRun {
        let table = try request.table(from: data)
        let space = try SearchSpace(table: table, constraints: request.constraints, scope: request.scope)
        var options = options
        var stale = 0
        if let warmStart {
            let resolved = Optimizer.warmStart(from: warmStart, table: table)
            options.warmStart += resolved.choices
            stale = resolved.stale
        }
        let result = Optimizer.optimize(space, options: options, observer: observer)
        var statistics = FrontStatistics(
            pruning: space.pruning,
            search: .nsga2(generationsRun: result.generationsRun, evaluations: result.evaluations,
                           stoppedByStall: result.stoppedByStall, warmStartPoints: warmStart?.points.count,
                           warmStartDropped: warmStart.map { _ in result.droppedWarmStart + stale }))
        if referenceExact {
            let exact = ExactSolver.solve(space).points.map(\.objectives)
            statistics.exactHypervolumeShare = FrontGeometry.hypervolumeShare(of: result.points.map(\.objectives), exact: exact)
            statistics.exactPointCount = exact.count
        }
        let settings = FrontSettings(
            search: .nsga2(population: options.population, generations: options.generations,
                           stallGenerations: options.stallGenerations, seed: options.seed),
            request: request, table: table)
        let front = Front(method: .nsga2, table: table, scores: result.points, settings: settings, statistics: statistics)
        try checkChangeBudget(front, space: space)
        return FrontRun(front: front, table: table, background: result.background,
                        missedCheapestCostUSD: result.reachesCheapestFeasibleCost ? nil : result.cheapestFeasibleCostUSD)
    }

    /// The exact front; `maxPoints` caps it with an ε-grid (see ``ExactSolver/solve(_:maxPoints:)``).
    /// - Throws: ``RequestError`` when the request does not fit the data (named by ``RequestError/options``); ``DataError`` when an intent has no feasible cell or too many fee-paying models remain.
    public static func exact(_ data: CellTable, request: FrontRequest = FrontRequest(), maxPoints: Int? = nil) throws -> FrontRun {
        let table = try request.table(from: data)
        let space = try SearchSpace(table: table, constraints: request.constraints, scope: request.scope)
        let result = ExactSolver.solve(space, maxPoints: maxPoints)
        let statistics = FrontStatistics(
            pruning: space.pruning,
            search: .exact(feeModelSubsets: result.subsetsSolved, largestPartialFront: result.largestPartialFront,
                           candidateSums: result.candidatesExamined,
                           qualityTolerance: maxPoints == nil ? nil : result.qualityTolerance))
        let settings = FrontSettings(search: .exact(maxPoints: maxPoints), request: request, table: table)
        let front = Front(method: .exact, table: table, scores: result.points, settings: settings, statistics: statistics)
        try checkChangeBudget(front, space: space)
        return FrontRun(front: front, table: table, background: [])
    }

    /// An empty front because the change budget is below the intents that must change is
    /// the request's fault: say which intents must change.
    private static func checkChangeBudget(_ front: Front, space: SearchSpace) throws {
        guard front.points.isEmpty, let k = space.scope.maxChanges, k < space.mustChange.count else { return }
        let names = space.mustChange.map { space.table.intents[$0].name }.joined(separator: ", ")
        throw RequestError([.maxChanges], "\(k) changes are too few: the baseline cells of \(space.mustChange.count) intents are not allowed (they break a floor or cap while only feasible cells are kept, or their model is ruled out), so these must change: \(names); expected a change budget of \(space.mustChange.count) or more")
    }
}
