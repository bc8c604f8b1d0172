/// The outcome of a run: the archive of everything non-dominated found, and how the run went.
public struct NSGA2Result: Sendable {
    /// Every non-dominated feasible solution evaluated during the run (bounded only when
    /// ``NSGA2Configuration/archiveLimit`` is set), sorted by objectives lexicographically,
    /// then by genes. Solutions with identical objectives but different genes are all kept.
    public var archive: [Solution]
    /// The final population, in the engine's internal order.
    public var population: [Solution]
    /// The number of generations performed after the initial population.
    public var generationsRun: Int
    /// The number of calls to the problem's evaluation.
    public var evaluations: Int
    /// The archive's hypervolume after each generation; element `0` is the initial population.
    public var hypervolumeHistory: [Double]
    /// The hypervolume reference point, or `nil` if no feasible solution was ever found.
    public var referencePoint: [Double]?
    /// The number of warm-start individuals skipped as invalid (wrong length, gene out of range).
    public var skippedInitialIndividuals: Int
    /// Every distinct evaluated genome in order of first evaluation; empty unless
    /// ``NSGA2Configuration/recordsEvaluated`` is set.
    public var evaluated: [Solution]

    /// Whether the run ended early because the hypervolume stalled.
    public var stoppedByStall: Bool

    /// Creates a result from its parts.
    public init(
        archive: [Solution], population: [Solution], generationsRun: Int, evaluations: Int,
        hypervolumeHistory: [Double], referencePoint: [Double]?, skippedInitialIndividuals: Int,
        evaluated: [Solution], stoppedByStall: Bool
    ) {
        self.archive = archive
        self.population = population
        self.generationsRun = generationsRun
        self.evaluations = evaluations
        self.hypervolumeHistory = hypervolumeHistory
        self.referencePoint = referencePoint
        self.skippedInitialIndividuals = skippedInitialIndividuals
        self.evaluated = evaluated
        self.stoppedByStall = stoppedByStall
    }
}
