/// What the observer is told after the initial population and after every generation.
///
/// A value copy: the observer can print or store it but cannot influence the run.
public struct GenerationReport: Sendable, Hashable {
    /// The generation just completed; `0` is the initial population.
    public var generation: Int
    /// The number of solutions in the archive of non-dominated feasible solutions.
    public var archiveCount: Int
    /// The archive's hypervolume against the run's reference point (`0` while there is none).
    public var hypervolume: Double
    /// The number of evaluations made so far.
    public var evaluations: Int
    /// The number of new (non-duplicate) individuals evaluated in this generation; for
    /// generation 0, the whole initial population including any surplus warm start.
    public var offspringCount: Int
    /// The number of feasible individuals in the population after survival.
    public var feasibleCount: Int

    /// Creates a report.
    public init(
        generation: Int, archiveCount: Int, hypervolume: Double, evaluations: Int,
        offspringCount: Int, feasibleCount: Int
    ) {
        self.generation = generation
        self.archiveCount = archiveCount
        self.hypervolume = hypervolume
        self.evaluations = evaluations
        self.offspringCount = offspringCount
        self.feasibleCount = feasibleCount
    }
}
