/// Every distinct genome evaluated during a run, with its objectives and violation, in order of
/// first evaluation (kept only when ``NSGA2Configuration/recordsEvaluated`` is set).
struct EvaluatedRecords {
    private var seen: GenomeSet
    private var objectives: [Double] = []
    private var violations: [Double] = []
    let objectiveCount: Int

    init(geneCount: Int, objectiveCount: Int) {
        seen = GenomeSet(geneCount: geneCount, capacity: 1024)
        self.objectiveCount = objectiveCount
    }

    /// Records the rows not seen before.
    mutating func record(genes: [Int], objectives newObjectives: [Double], violations newViolations: [Double]) {
        let g = seen.geneCount
        genes.withUnsafeBufferPointer { buffer in
            for row in newViolations.indices
            where seen.insert(UnsafeBufferPointer(rebasing: buffer[(row * g)..<((row + 1) * g)])) {
                objectives.append(contentsOf: newObjectives[(row * objectiveCount)..<((row + 1) * objectiveCount)])
                violations.append(newViolations[row])
            }
        }
    }

    /// The records as solutions, in order of first evaluation.
    func solutions() -> [Solution] {
        let g = seen.geneCount
        return violations.indices.map { row in
            Solution(
                genes: Array(seen.genes[(row * g)..<((row + 1) * g)]),
                objectives: Array(objectives[(row * objectiveCount)..<((row + 1) * objectiveCount)]),
                constraintViolation: violations[row])
        }
    }
}
