/// Random-reset mutation: each gene, with the given probability, takes a uniformly drawn value
/// *different* from its current one, so every mutation changes the genome. Genes with a single
/// value never change (the probability draw is still made, keeping the sequence simple).
struct RandomResetMutation {
    /// Mutates `genome` in place.
    static func mutate(
        _ genome: UnsafeMutablePointer<Int>, cardinalities: UnsafeBufferPointer<Int>,
        probability: Double, using generator: inout Xoshiro256StarStar
    ) {
        for gene in 0..<cardinalities.count {
            guard generator.nextDouble() < probability else { continue }
            let cardinality = cardinalities[gene]
            if cardinality < 2 { continue }
            var value = generator.nextInt(below: cardinality - 1)
            if value >= genome[gene] { value += 1 }
            genome[gene] = value
        }
    }
}
