/// A discrete multi-objective problem the engine can search.
///
/// The decision vector is a list of genes; gene `i` takes the values `0..<geneCardinalities[i]`.
/// Every objective is minimized: a figure to maximize is negated by the conforming type.
/// Evaluation writes into caller-owned buffers so a run allocates nothing per individual.
public protocol MultiObjectiveProblem: Sendable {
    /// The number of values each gene can take; gene `i` ranges over `0..<geneCardinalities[i]`.
    ///
    /// A cardinality below 1 means the space is empty and the engine returns an empty result.
    var geneCardinalities: [Int] { get }

    /// The number of objectives, all minimized; at least 1.
    var objectiveCount: Int { get }

    /// Evaluates one genome, writing `objectiveCount` values into `objectives`.
    ///
    /// - Returns: The total constraint violation, `0` when the genome is feasible.
    ///   The engine treats a negative violation as `0`, and a NaN violation or any non-finite
    ///   objective as an infinitely infeasible solution.
    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double

    /// Evaluates `violations.count` genomes stored back to back.
    ///
    /// `genes` holds `violations.count × geneCardinalities.count` genes and `objectives` receives
    /// `violations.count × objectiveCount` values, row by row. The default calls
    /// ``evaluate(genes:objectives:)`` for each row; a problem may override it (for example to
    /// evaluate rows in parallel), provided row `k`'s results depend on row `k`'s genes only,
    /// so the outcome of a run cannot change.
    func evaluate(
        batch genes: UnsafeBufferPointer<Int>,
        objectives: UnsafeMutableBufferPointer<Double>,
        violations: UnsafeMutableBufferPointer<Double>
    )
}

extension MultiObjectiveProblem {
    /// Evaluates the rows one after another with ``evaluate(genes:objectives:)``.
    public func evaluate(
        batch genes: UnsafeBufferPointer<Int>,
        objectives: UnsafeMutableBufferPointer<Double>,
        violations: UnsafeMutableBufferPointer<Double>
    ) {
        let rows = violations.count
        guard rows > 0 else { return }
        let geneCount = genes.count / rows
        let objectiveCount = objectives.count / rows
        for row in 0..<rows {
            let rowGenes = UnsafeBufferPointer(rebasing: genes[(row * geneCount)..<((row + 1) * geneCount)])
            let rowObjectives = UnsafeMutableBufferPointer(
                rebasing: objectives[(row * objectiveCount)..<((row + 1) * objectiveCount)])
            violations[row] = evaluate(genes: rowGenes, objectives: rowObjectives)
        }
    }
}
