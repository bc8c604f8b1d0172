/// NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002) for discrete multi-objective problems,
/// keeping an archive of every non-dominated feasible solution found.
///
/// Use ``run(_:observer:)`` (or the free function ``runNSGA2(_:configuration:observer:)``).
/// The engine uses only the Swift standard library and performs no I/O.
///
/// Conventions:
/// - **Objectives** are all minimized. **Feasible** means violation exactly `0`; a negative
///   violation counts as `0`; a NaN violation or a non-finite objective makes a solution
///   infeasible with infinite violation.
/// - **Initial population**: the valid, distinct warm-start genomes (all evaluated and archived,
///   even beyond `populationSize`), then uniform random genomes up to `populationSize`;
///   reduced to `populationSize` by the survival below.
/// - **Generation loop**: binary tournament under constrained domination (feasible beats
///   infeasible; smaller violation between infeasible; rank then crowding between feasible;
///   full tie → first drawn), uniform crossover with probability 0.9 (else copies), random-reset
///   mutation with per-gene probability 1/genes to a *different* value, then (μ + λ) survival
///   by constrained rank and crowding (Deb's crowding of the whole last front, cut by
///   descending distance, ties by index), λ = μ = `populationSize`.
/// - **Duplicates**: a candidate equal to a genome already seen is not admitted (not
///   evaluated). "Seen" is ``DuplicateScope/wholeRun`` by default — every genome evaluated in
///   the run, so no genome is evaluated twice — or ``DuplicateScope/population`` — the current
///   population and this generation's offspring. After `maxDuplicateAttempts` consecutive
///   rejected candidates (default 100) the generation goes on with fewer offspring; it also
///   stops once every genome of the space has been seen. The random fill of the initial
///   population follows the same rule, so tiny or converged spaces never loop.
/// - **Crowding distance**: Deb's sum of normalized neighbour gaps, *not* divided by the number
///   of objectives; boundary points infinite; zero-range objectives add nothing.
/// - **Sorting**: two objectives use the O(N log N) sweep ``nonDominatedRanks2D(_:)``, more use
///   ``nonDominatedRanks(_:)``. All ties are broken by index, never by hashing order.
/// - **Archive**: every non-dominated feasible solution evaluated, identical objective vectors
///   with different genes all kept; unbounded by default. With `archiveLimit`, after each
///   generation the solutions with the smallest crowding distance over the archive are dropped
///   (ties: lower position in the archive's order) until the limit holds; a bounded archive can
///   then no longer promise to hold every non-dominated solution found.
/// - **Reference point** for the hypervolume: fixed once, from the feasible solutions of the
///   initial population (or of the first generation that produced any), by
///   ``hypervolumeReferencePoint(_:)``: worst value + 10 % of the range per objective.
///   Archive points outside the box add nothing. Hypervolume is 0 while there is no reference.
/// - **Stall rule**: with `stallGenerations = K`, the run stops after generation `t` when a
///   reference point existed at `t − K` and `HV[t] − HV[t − K] ≤ stallTolerance × HV[t − K]`.
/// - **Determinism**: one ``Xoshiro256StarStar`` seeded from `seed`, integer-derived random
///   values, no libm, no parallelism inside the engine: the same problem, settings and seed
///   give the same result everywhere. A problem may evaluate a batch in parallel (see
///   ``MultiObjectiveProblem/evaluate(batch:objectives:violations:)``) without changing it.
///   The observer receives value copies and cannot change it.
/// - **Tested**: with default settings the whole front of a 16-item bi-objective knapsack
///   (24 points), a 14-item three-objective knapsack (28 points) and a discretized ZDT1 (11
///   points) is recovered for seeds 0–9 in the tests and 0–199 in a release sweep.
public struct NSGA2Engine: Sendable {
    /// The settings of the runs.
    public var configuration: NSGA2Configuration

    /// Creates an engine with the given settings.
    public init(configuration: NSGA2Configuration = NSGA2Configuration()) {
        self.configuration = configuration
    }

    /// Searches `problem` and returns the archive of non-dominated feasible solutions found.
    ///
    /// - Parameter observer: Called after the initial population (generation 0) and after each
    ///   generation, for progress output.
    /// - Precondition: `problem.objectiveCount >= 1`.
    public func run<P: MultiObjectiveProblem>(
        _ problem: P, observer: ((GenerationReport) -> Void)? = nil
    ) -> NSGA2Result {
        precondition(problem.objectiveCount >= 1, "a problem needs at least one objective")
        let cardinalities = problem.geneCardinalities
        if cardinalities.contains(where: { $0 < 1 }) {
            // A gene with no value: no genome exists at all.
            return NSGA2Result(
                archive: [], population: [], generationsRun: 0, evaluations: 0, hypervolumeHistory: [],
                referencePoint: nil, skippedInitialIndividuals: configuration.initialIndividuals.count,
                evaluated: [], stoppedByStall: false)
        }
        if cardinalities.isEmpty {
            return runWithoutGenes(problem, observer: observer)
        }
        var search = NSGA2Search(
            cardinalities: cardinalities, objectiveCount: problem.objectiveCount, configuration: configuration
        ) { genes, objectives, violations in
            problem.evaluate(batch: genes, objectives: objectives, violations: violations)
        }
        return search.run(observer: observer)
    }

    /// A problem with no gene has one genome, the empty one: searched as a single gene of one value.
    private func runWithoutGenes<P: MultiObjectiveProblem>(
        _ problem: P, observer: ((GenerationReport) -> Void)?
    ) -> NSGA2Result {
        var padded = configuration
        var skipped = 0
        padded.initialIndividuals = configuration.initialIndividuals.compactMap { individual in
            if individual.isEmpty { return [0] }
            skipped += 1
            return nil
        }
        var result = NSGA2Engine(configuration: padded).run(SingleValueGene(base: problem), observer: observer)
        func strip(_ solutions: [Solution]) -> [Solution] {
            solutions.map { Solution(genes: [], objectives: $0.objectives, constraintViolation: $0.constraintViolation) }
        }
        result.archive = strip(result.archive)
        result.population = strip(result.population)
        result.evaluated = strip(result.evaluated)
        result.skippedInitialIndividuals += skipped
        return result
    }
}

/// Runs NSGA-II on `problem` with `configuration`; the same as `NSGA2Engine(configuration:).run(_:observer:)`.
public func runNSGA2<P: MultiObjectiveProblem>(
    _ problem: P, configuration: NSGA2Configuration, observer: ((GenerationReport) -> Void)? = nil
) -> NSGA2Result {
    NSGA2Engine(configuration: configuration).run(problem, observer: observer)
}

/// Presents a gene-less problem as one gene with a single value.
private struct SingleValueGene<Base: MultiObjectiveProblem>: MultiObjectiveProblem {
    let base: Base
    var geneCardinalities: [Int] { [1] }
    var objectiveCount: Int { base.objectiveCount }
    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        base.evaluate(genes: UnsafeBufferPointer(rebasing: genes[0..<0]), objectives: objectives)
    }
}
