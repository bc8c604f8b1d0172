import Testing
@testable import NSGA2

@Suite struct OperatorTests {
    @Test func mutationAlwaysDrawsADifferentValueInRange() {
        var generator = Xoshiro256StarStar(seed: 8)
        let cardinalities = [2, 3, 5, 1, 4]
        var seen = [Set<Int>](repeating: [], count: cardinalities.count)
        for _ in 0..<400 {
            var genome = [1, 2, 0, 0, 3]
            cardinalities.withUnsafeBufferPointer { c in
                genome.withUnsafeMutableBufferPointer { g in
                    if let base = g.baseAddress {
                        RandomResetMutation.mutate(base, cardinalities: c, probability: 1, using: &generator)
                    }
                }
            }
            for gene in genome.indices { seen[gene].insert(genome[gene]) }
        }
        // Every other value appears, the original never (except the single-valued gene).
        #expect(seen == [[0], [0, 1], [1, 2, 3, 4], [0], [0, 1, 2]])
    }

    @Test func mutationWithProbabilityZeroChangesNothing() {
        var generator = Xoshiro256StarStar(seed: 8)
        var genome = [1, 2, 0]
        [3, 3, 3].withUnsafeBufferPointer { c in
            genome.withUnsafeMutableBufferPointer { g in
                if let base = g.baseAddress {
                    RandomResetMutation.mutate(base, cardinalities: c, probability: 0, using: &generator)
                }
            }
        }
        #expect(genome == [1, 2, 0])
    }

    @Test func uniformCrossoverSwapsGenesBetweenComplementaryChildren() {
        var generator = Xoshiro256StarStar(seed: 4)
        let geneCount = 150
        let parentA = [Int](repeating: 0, count: geneCount)
        let parentB = [Int](repeating: 1, count: geneCount)
        var childA = [Int](repeating: -1, count: geneCount)
        var childB = [Int](repeating: -1, count: geneCount)
        parentA.withUnsafeBufferPointer { a in
            parentB.withUnsafeBufferPointer { b in
                childA.withUnsafeMutableBufferPointer { x in
                    childB.withUnsafeMutableBufferPointer { y in
                        if let a = a.baseAddress, let b = b.baseAddress, let x = x.baseAddress, let y = y.baseAddress {
                            UniformCrossover.recombine(a, b, into: x, y, geneCount: geneCount, using: &generator)
                        }
                    }
                }
            }
        }
        #expect(zip(childA, childB).allSatisfy { $0 + $1 == 1 })
        let fromB = childA.reduce(0, +)
        #expect(fromB > 50 && fromB < 100)
        // Genes past the first 64 use fresh random words, not a repeat of the first.
        #expect(Array(childA[0..<64]) != Array(childA[64..<128]))
    }

    @Test func tournamentUsesConstrainedDomination() {
        var population = Population(geneCount: 0, objectiveCount: 1)
        population.violations = [0, 0, 0, 0.5, 2, 0.5]
        population.ranks = [0, 1, 0, .max, .max, .max]
        population.crowding = [1, 9, 3, 0, 0, 0]
        #expect(BinaryTournament.winner(3, 1, in: population) == 1)  // feasible beats infeasible
        #expect(BinaryTournament.winner(4, 3, in: population) == 3)  // smaller violation
        #expect(BinaryTournament.winner(1, 0, in: population) == 0)  // lower rank despite crowding
        #expect(BinaryTournament.winner(0, 2, in: population) == 2)  // same rank: larger crowding
        #expect(BinaryTournament.winner(5, 3, in: population) == 5)  // full tie: first drawn
    }
}
