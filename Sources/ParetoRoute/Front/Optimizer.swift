import NSGA2

/// Runs NSGA-II on a ``SearchSpace`` and turns its archive into evaluated configurations.
public enum Optimizer {
    /// The search's knobs; the defaults reach ≥ 99.9% of the exact front's hypervolume
    /// on the default data in a few tens of milliseconds (see docs/measurements.md).
    public struct Options: Sendable {
        /// Individuals per generation.
        public var population = 200
        /// Generations at most.
        public var generations = 400
        /// Stop after this many generations without hypervolume gain (nil: never).
        public var stallGenerations: Int? = 60
        /// The seed that fixes every random choice.
        public var seed: UInt64 = 1
        /// Configurations to seed the first population with (warm start).
        public var warmStart: [[Int]] = []
        /// Keep every evaluated configuration's objectives (for a faint background plot).
        public var recordsEvaluated = false

        /// The defaults.
        public init() {}
    }

    /// The configurations of an old front that still have a cell in `table`, for
    /// ``Options/warmStart``, and how many are stale (a cell vanished; the search drops
    /// the ones whose cells became infeasible itself).
    public static func warmStart(from front: Front, table: CellTable) -> (choices: [[Int]], stale: Int) {
        var choices: [[Int]] = []
        var stale = 0
        for point in front.points {
            if let choice = try? table.choice(of: point.configuration, file: "") { choices.append(choice) } else { stale += 1 }
        }
        return (choices, stale)
    }

    /// What a search found.
    public struct Result: Sendable {
        /// The non-dominated feasible configurations found, sorted by cost.
        public var points: [ConfigurationScore]
        /// Objectives of every distinct configuration evaluated (when recorded).
        public var background: [(cost: Double, quality: Double)]
        /// Generations run.
        public var generationsRun: Int
        /// Configurations evaluated.
        public var evaluations: Int
        /// Whether the run stopped because the hypervolume stalled.
        public var stoppedByStall: Bool
        /// Warm-start configurations that could not seed (a cell no longer a candidate).
        public var droppedWarmStart: Int
        /// The cost of the cheapest acceptable configuration of the space: the cheapest of every
        /// fee subset's cheapest configuration, when the constraints and the scope accept it
        /// (`nil` otherwise: then the cheapest acceptable cost is not known without a search).
        public var cheapestFeasibleCostUSD: Double?

        /// Whether the front's cheapest point costs no more than ``cheapestFeasibleCostUSD``
        /// (true when that is unknown). The search seeds that configuration, so a miss means a
        /// defect, which the CLI reports rather than printing a front that silently starts too high.
        public var reachesCheapestFeasibleCost: Bool {
            guard let bound = cheapestFeasibleCostUSD else { return true }
            guard let first = points.first else { return false }
            return first.monthlyCostUSD <= bound + 1e-9 * max(1, abs(bound))
        }
    }

    /// The cost of the cheapest configuration of `space` (over every fee subset), or `nil` when
    /// the space's constraints or scope do not accept it.
    /// - Complexity: O(2^F × intents × F) for F fee-paying models, plus one evaluation.
    public static func cheapestFeasibleCost(_ space: SearchSpace) -> Double? {
        cheapestFeasibleCost(RoutingProblem(space: space))
    }

    private static func cheapestFeasibleCost(_ problem: RoutingProblem) -> Double? {
        guard let cheapest = problem.feeSubsets.first else { return nil }
        let space = problem.space
        let score = space.table.score(problem.choice(of: cheapest.cheapestGenes), constraints: space.constraints)
        return space.accepts(score) ? score.monthlyCostUSD : nil
    }

    /// Searches `space`. The observer sees each generation's report; it cannot change the result.
    public static func optimize(_ space: SearchSpace, options: Options = Options(),
                                observer: ((GenerationReport) -> Void)? = nil) -> Result {
        let problem = RoutingProblem(space: space)
        var seeds: [[Int]] = []
        var dropped = 0
        for choice in options.warmStart {
            if let genes = problem.genes(of: choice) { seeds.append(genes) } else { dropped += 1 }
        }
        if let baseline = space.scope.baseline, let genes = problem.genes(of: baseline) { seeds.append(genes) }
        seeds += problem.extremeGenomes
        // The ladder over every model, then each fee subset's cheapest configuration and the
        // ladders of the two cheapest subsets: the cheap end of the front may avoid a fee that
        // every intent's cheapest cell pays (see FeeSubset).
        seeds += problem.ladderGenomes(count: max(2, options.population / 8))
        seeds += problem.feeSubsetGenomes(budget: max(2, options.population / 2), ladderSubsets: 2)
        let configuration = NSGA2Configuration(
            populationSize: options.population, generations: options.generations, seed: options.seed,
            initialIndividuals: seeds, stallGenerations: options.stallGenerations,
            recordsEvaluated: options.recordsEvaluated)
        let run = runNSGA2(problem, configuration: configuration, observer: observer)
        let scored = run.archive.map { space.table.score(problem.choice(of: $0.genes), constraints: space.constraints) }
            .filter(space.accepts)
        return Result(
            points: ExactSolver.sweep(scored),
            background: run.evaluated.map { ($0.objectives[0], -$0.objectives[1]) },
            generationsRun: run.generationsRun, evaluations: run.evaluations, stoppedByStall: run.stoppedByStall,
            droppedWarmStart: dropped, cheapestFeasibleCostUSD: cheapestFeasibleCost(problem))
    }
}
