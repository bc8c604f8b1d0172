@testable import NSGA2

/// A multi-objective 0/1 knapsack: maximize every value sum (negated), total weight ≤ capacity.
struct KnapsackProblem: MultiObjectiveProblem {
    let values: [[Int]]  // values[objective][item]
    let weights: [Int]
    let capacity: Int

    var geneCardinalities: [Int] { [Int](repeating: 2, count: weights.count) }
    var objectiveCount: Int { values.count }

    /// Items with seeded integer weights in 10..<100 and conflicting values: each item's first
    /// value is drawn in 10..<100 and the others are mostly what is left of 110 (anti-correlated),
    /// which gives fronts of dozens of points. Capacity is half the total weight.
    init(items: Int, objectives: Int, seed: UInt64) {
        var generator = Xoshiro256StarStar(seed: seed)
        var values = [[Int]](repeating: [], count: objectives)
        for _ in 0..<items {
            let first = 10 + generator.nextInt(below: 90)
            values[0].append(first)
            for objective in 1..<max(1, objectives) {
                values[objective].append(max(1, 110 - first + generator.nextInt(below: 40) - 20))
            }
        }
        self.values = values
        weights = (0..<items).map { _ in 10 + generator.nextInt(below: 90) }
        capacity = weights.reduce(0, +) / 2
    }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        var weight = 0
        for (objective, itemValues) in values.enumerated() {
            var total = 0
            for item in genes.indices where genes[item] == 1 { total += itemValues[item] }
            objectives[objective] = -Double(total)
        }
        for item in genes.indices where genes[item] == 1 { weight += weights[item] }
        return Double(max(0, weight - capacity))
    }
}

/// ZDT1 on a grid: every gene takes 11 values, x = gene / 10. The front is x₂… = 0, so it is
/// known analytically: (x₁, 1 − √x₁) for the 11 values of x₁.
struct DiscreteZDT1: MultiObjectiveProblem {
    let geneCount: Int
    var geneCardinalities: [Int] { [Int](repeating: 11, count: geneCount) }
    var objectiveCount: Int { 2 }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        let x1 = Double(genes[0]) / 10
        var sum = 0.0
        for gene in 1..<geneCount { sum += Double(genes[gene]) / 10 }
        let g = 1 + 9 * sum / Double(geneCount - 1)
        objectives[0] = x1
        objectives[1] = g * (1 - libmFreeSquareRoot(x1 / g))
        return 0
    }

    /// The analytic front, in archive order.
    var front: [Solution] {
        (0...10).map { value in
            var genes = [Int](repeating: 0, count: geneCount)
            genes[0] = value
            var objectives = [0.0, 0.0]
            let violation = genes.withUnsafeBufferPointer { g in
                objectives.withUnsafeMutableBufferPointer { evaluate(genes: g, objectives: $0) }
            }
            return Solution(genes: genes, objectives: objectives, constraintViolation: violation)
        }
    }
}

/// Evaluates one genome of any problem.
func evaluateSolution<P: MultiObjectiveProblem>(_ problem: P, _ genes: [Int]) -> Solution {
    var objectives = [Double](repeating: 0, count: problem.objectiveCount)
    let violation = genes.withUnsafeBufferPointer { g in
        objectives.withUnsafeMutableBufferPointer { problem.evaluate(genes: g, objectives: $0) }
    }
    return Solution(genes: genes, objectives: objectives, constraintViolation: violation)
}

/// Every genome of a small space, in lexicographic order.
func allGenomes(_ cardinalities: [Int]) -> [[Int]] {
    var result: [[Int]] = [[]]
    for cardinality in cardinalities {
        result = result.flatMap { prefix in (0..<cardinality).map { prefix + [$0] } }
    }
    return result
}

/// The feasible non-dominated solutions of a small space by exhaustive enumeration, sorted in
/// archive order (objectives, then genes).
func bruteForceFront<P: MultiObjectiveProblem>(_ problem: P) -> [Solution] {
    let feasible = allGenomes(problem.geneCardinalities).map { evaluateSolution(problem, $0) }.filter(\.isFeasible)
    return bruteForceNonDominated(feasible)
}

/// The solutions not dominated by any other, by testing each against every distinct objective
/// vector (tried best sum first, so dominated ones are rejected early); archive order.
func bruteForceNonDominated(_ solutions: [Solution]) -> [Solution] {
    let vectors = Set(solutions.map(\.objectives)).sorted {
        let a = $0.reduce(0, +)
        let b = $1.reduce(0, +)
        return a != b ? a < b : $0.lexicographicallyPrecedes($1)
    }
    let nonDominated = Set(vectors.filter { candidate in !vectors.contains { dominates($0, candidate) } })
    return solutions.filter { nonDominated.contains($0.objectives) }.sorted(by: Solution.precedes)
}

/// Seeded random points with small integer coordinates, so that ties and identical points occur.
func randomIntegerPoints(count: Int, dimensions: Int, values: Int, generator: inout Xoshiro256StarStar) -> [[Double]] {
    (0..<count).map { _ in (0..<dimensions).map { _ in Double(generator.nextInt(below: values)) } }
}
