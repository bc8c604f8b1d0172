/// One evaluated genome: its genes, its objective values and how far it is from feasible.
public struct Solution: Sendable, Hashable {
    /// The gene values; gene `i` lies in `0..<geneCardinalities[i]`.
    public var genes: [Int]
    /// The objective values, all minimized.
    public var objectives: [Double]
    /// The total constraint violation; `0` means feasible.
    public var constraintViolation: Double

    /// Whether the solution satisfies every constraint.
    public var isFeasible: Bool { constraintViolation == 0 }

    /// Creates a solution from its parts.
    public init(genes: [Int], objectives: [Double], constraintViolation: Double) {
        self.genes = genes
        self.objectives = objectives
        self.constraintViolation = constraintViolation
    }
}

extension Solution {
    /// Orders solutions by objectives lexicographically, then by genes: the archive's order.
    static func precedes(_ lhs: Solution, _ rhs: Solution) -> Bool {
        for (a, b) in zip(lhs.objectives, rhs.objectives) where a != b {
            return a < b
        }
        if lhs.objectives.count != rhs.objectives.count {
            return lhs.objectives.count < rhs.objectives.count
        }
        return lhs.genes.lexicographicallyPrecedes(rhs.genes)
    }
}
