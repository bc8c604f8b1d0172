/// The settings of one run. Out-of-range values are clamped (documented per property), so
/// settings read from user input can never stop the program.
public struct NSGA2Configuration: Sendable, Hashable {
    /// The number of individuals kept each generation (μ) and of offspring created (λ = μ).
    /// Values below 1 count as 1, values above 2^24 as 2^24 (so sizes derived from it cannot overflow).
    public var populationSize: Int
    /// The maximum number of generations after the initial population (default 100). Negative
    /// counts as 0.
    public var generations: Int
    /// The probability that two parents are recombined by uniform crossover; otherwise the
    /// children start as copies. Clamped to `[0, 1]`; NaN counts as the default 0.9.
    public var crossoverProbability: Double
    /// The per-gene probability of a random reset to a different value; `nil` means
    /// 1 / number of genes. Clamped to `[0, 1]`; NaN counts as `nil`.
    public var mutationProbability: Double?
    /// The seed of the run's only source of randomness, ``Xoshiro256StarStar``.
    public var seed: UInt64
    /// Genomes placed in the initial population before random fill (warm start). Invalid ones
    /// (wrong length, gene out of range) are skipped and counted; repeats are merged. All valid
    /// ones are evaluated and archived even if they outnumber the population.
    public var initialIndividuals: [[Int]]
    /// Stop once the archive's hypervolume has improved by at most ``stallTolerance``
    /// (relative) over this many generations; `nil` disables the rule. Values below 1 count as 1.
    public var stallGenerations: Int?
    /// The relative hypervolume improvement at or below which generations count as stalled.
    /// Negative or NaN counts as 0.
    public var stallTolerance: Double
    /// Which earlier genomes a new candidate must differ from to be admitted and evaluated.
    public var duplicateScope: DuplicateScope
    /// The number of consecutive duplicate candidates after which a generation (or the random
    /// fill) stops creating offspring and goes on with fewer. Values below 1 count as 1.
    public var maxDuplicateAttempts: Int
    /// The largest archive kept; `nil` keeps every non-dominated solution. When exceeded after
    /// a generation, the solutions with the smallest crowding distance are dropped. Values
    /// below 1 count as 1.
    public var archiveLimit: Int?
    /// Keep every distinct evaluated solution (objectives and violation) in the result, for
    /// example to plot the dominated ones.
    public var recordsEvaluated: Bool

    /// Creates settings; every parameter has the documented default.
    public init(
        populationSize: Int = 100,
        generations: Int = 100,
        crossoverProbability: Double = 0.9,
        mutationProbability: Double? = nil,
        seed: UInt64 = 0,
        initialIndividuals: [[Int]] = [],
        stallGenerations: Int? = nil,
        stallTolerance: Double = 1e-6,
        duplicateScope: DuplicateScope = .wholeRun,
        maxDuplicateAttempts: Int = 100,
        archiveLimit: Int? = nil,
        recordsEvaluated: Bool = false
    ) {
        self.populationSize = populationSize
        self.generations = generations
        self.crossoverProbability = crossoverProbability
        self.mutationProbability = mutationProbability
        self.seed = seed
        self.initialIndividuals = initialIndividuals
        self.stallGenerations = stallGenerations
        self.stallTolerance = stallTolerance
        self.duplicateScope = duplicateScope
        self.maxDuplicateAttempts = maxDuplicateAttempts
        self.archiveLimit = archiveLimit
        self.recordsEvaluated = recordsEvaluated
    }
}

/// Which genomes count as duplicates of a new candidate (see ``NSGA2Configuration/duplicateScope``).
public enum DuplicateScope: Sendable, Hashable {
    /// The current population and the offspring already admitted in this generation, as in
    /// pymoo's duplicate elimination. A genome that left the population may be evaluated again.
    case population
    /// Every genome evaluated so far in the run (the population included): no genome is ever
    /// evaluated twice, which steers a converged population to new neighbours and finds whole
    /// fronts of discrete problems in fewer generations. Costs eight bytes per evaluation.
    case wholeRun
}

extension NSGA2Configuration {
    var effectivePopulationSize: Int { max(1, min(populationSize, 1 << 24)) }
    var effectiveGenerations: Int { max(0, generations) }
    var effectiveCrossoverProbability: Double { clampedProbability(crossoverProbability) ?? 0.9 }
    func effectiveMutationProbability(geneCount: Int) -> Double {
        if let probability = mutationProbability.flatMap(clampedProbability) { return probability }
        return geneCount > 0 ? 1 / Double(geneCount) : 0
    }
    var effectiveStallGenerations: Int? { stallGenerations.map { max(1, $0) } }
    var effectiveStallTolerance: Double { stallTolerance >= 0 ? stallTolerance : 0 }
    var effectiveMaxDuplicateAttempts: Int { max(1, maxDuplicateAttempts) }
    var effectiveArchiveLimit: Int? { archiveLimit.map { max(1, $0) } }
}

private func clampedProbability(_ value: Double) -> Double? {
    if value.isNaN { return nil }
    return min(1, max(0, value))
}
