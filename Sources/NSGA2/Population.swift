/// Individuals stored column-wise in flat arrays, with the rank and crowding distance that
/// the binary tournament reads. Also used for the merged parent + offspring pool.
struct Population {
    let geneCount: Int
    let objectiveCount: Int
    /// Genes, row by row.
    var genes: [Int] = []
    /// Objective values, row by row.
    var objectives: [Double] = []
    /// Total constraint violation per individual; `0` is feasible.
    var violations: [Double] = []
    /// Non-domination rank among the feasible (`Int.max` for infeasible individuals).
    var ranks: [Int] = []
    /// Crowding distance within the individual's front (`0` for infeasible individuals).
    var crowding: [Double] = []

    init(geneCount: Int, objectiveCount: Int) {
        self.geneCount = geneCount
        self.objectiveCount = objectiveCount
    }

    /// The number of individuals.
    var count: Int { violations.count }

    /// The number of feasible individuals.
    var feasibleCount: Int { violations.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } }

    /// Appends evaluated individuals (rank and crowding unset).
    mutating func append(genes newGenes: [Int], objectives newObjectives: [Double], violations newViolations: [Double]) {
        genes.append(contentsOf: newGenes)
        objectives.append(contentsOf: newObjectives)
        violations.append(contentsOf: newViolations)
    }

    /// The individuals selected by `survival`, in its order, with its ranks and crowding.
    func gathering(_ survival: Survival) -> Population {
        var result = Population(geneCount: geneCount, objectiveCount: objectiveCount)
        let n = survival.survivors.count
        result.genes.reserveCapacity(n * geneCount)
        result.objectives.reserveCapacity(n * objectiveCount)
        result.violations.reserveCapacity(n)
        for index in survival.survivors {
            result.genes.append(contentsOf: genes[(index * geneCount)..<((index + 1) * geneCount)])
            result.objectives.append(
                contentsOf: objectives[(index * objectiveCount)..<((index + 1) * objectiveCount)])
            result.violations.append(violations[index])
        }
        result.ranks = survival.ranks
        result.crowding = survival.crowding
        return result
    }

    /// The individuals as solutions, in population order.
    func solutions() -> [Solution] {
        (0..<count).map { index in
            Solution(
                genes: Array(genes[(index * geneCount)..<((index + 1) * geneCount)]),
                objectives: Array(objectives[(index * objectiveCount)..<((index + 1) * objectiveCount)]),
                constraintViolation: violations[index])
        }
    }
}
