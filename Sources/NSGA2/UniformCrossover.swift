/// Uniform crossover: each gene of the first child comes from either parent with probability
/// 1/2 (one random bit per gene), and the second child takes the other parent's gene.
struct UniformCrossover {
    /// Writes the two children of `parentA` and `parentB` (all rows of `geneCount` genes).
    static func recombine(
        _ parentA: UnsafePointer<Int>, _ parentB: UnsafePointer<Int>,
        into childA: UnsafeMutablePointer<Int>, _ childB: UnsafeMutablePointer<Int>,
        geneCount: Int, using generator: inout Xoshiro256StarStar
    ) {
        var bits: UInt64 = 0
        for gene in 0..<geneCount {
            if gene & 63 == 0 { bits = generator.next() }
            if bits & 1 == 1 {
                childA[gene] = parentB[gene]
                childB[gene] = parentA[gene]
            } else {
                childA[gene] = parentA[gene]
                childB[gene] = parentB[gene]
            }
            bits >>= 1
        }
    }
}
