import Testing
@testable import NSGA2

@Suite struct ParetoArchiveTests {
    /// Random batches with few distinct objective values (ties, copies, same objectives with other
    /// genes, repeated genomes): after each batch the archive must equal the brute-force
    /// non-dominated set of everything inserted so far, in archive order.
    @Test(arguments: [1, 2, 3, 4])
    func equalsBruteForceAfterEveryBatch(objectiveCount: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(objectiveCount * 31))
        let geneCount = 3
        for _ in 0..<8 {
            var archive = ParetoArchive(objectiveCount: objectiveCount, geneCount: geneCount)
            var inserted: [Solution] = []
            for _ in 0..<6 {
                let batchSize = generator.nextInt(below: 12)
                var objectives: [Double] = []
                var genes: [Int] = []
                for _ in 0..<batchSize {
                    let genome = (0..<geneCount).map { _ in generator.nextInt(below: 3) }
                    // Objectives are a fixed function of the genome, as in a real problem, but coarse.
                    let point = (0..<objectiveCount).map { j in Double((genome[j % geneCount] * 7 + genome[(j + 1) % geneCount] * (j + 2)) % 5) }
                    objectives += point
                    genes += genome
                    inserted.append(Solution(genes: genome, objectives: point, constraintViolation: 0))
                }
                let changed = objectives.withUnsafeBufferPointer { o in
                    genes.withUnsafeBufferPointer { g in archive.insert(objectives: o, genes: g, rows: Array(0..<batchSize)) }
                }
                let expected = bruteForceNonDominated(Array(Set(inserted)))
                let before = inserted.dropLast(batchSize)
                let expectedBefore = bruteForceNonDominated(Array(Set(before)))
                #expect(archive.solutions() == expected)
                #expect(changed == (expected != expectedBefore))
            }
        }
    }

    @Test func onlyListedRowsAreInserted() {
        var archive = ParetoArchive(objectiveCount: 2, geneCount: 1)
        let objectives: [Double] = [0, 0, 5, 1, 1, 5]
        let genes = [0, 1, 2]
        _ = objectives.withUnsafeBufferPointer { o in
            genes.withUnsafeBufferPointer { g in archive.insert(objectives: o, genes: g, rows: [1, 2]) }
        }
        #expect(archive.solutions().map(\.genes) == [[2], [1]])
    }

    @Test func truncationDropsTheMostCrowded() {
        // Crowding (not divided by M): (1,3) 0.55, (1.1,2.9) 1.0, (3,1) 1.45, extremes infinite.
        var archive = ParetoArchive(objectiveCount: 2, geneCount: 1)
        let objectives: [Double] = [0, 4, 1, 3, 1.1, 2.9, 3, 1, 4, 0]
        let genes = [0, 1, 2, 3, 4]
        _ = objectives.withUnsafeBufferPointer { o in
            genes.withUnsafeBufferPointer { g in archive.insert(objectives: o, genes: g, rows: Array(0..<5)) }
        }
        let droppedToFour = archive.truncate(to: 4)
        #expect(droppedToFour)
        #expect(archive.solutions().map(\.genes) == [[0], [2], [3], [4]])
        let droppedToTwo = archive.truncate(to: 2)
        #expect(droppedToTwo)
        #expect(archive.solutions().map(\.genes) == [[0], [4]])
        let droppedAgain = archive.truncate(to: 2)
        #expect(!droppedAgain)
    }

    @Test func archiveHypervolumeMatchesThePublicFunction() {
        var generator = Xoshiro256StarStar(seed: 77)
        for objectiveCount in 2...3 {
            var archive = ParetoArchive(objectiveCount: objectiveCount, geneCount: 1)
            let points = randomIntegerPoints(count: 40, dimensions: objectiveCount, values: 9, generator: &generator)
            let objectives = points.flatMap { $0 }
            let genes = Array(0..<40)
            _ = objectives.withUnsafeBufferPointer { o in
                genes.withUnsafeBufferPointer { g in archive.insert(objectives: o, genes: g, rows: Array(0..<40)) }
            }
            let reference = [Double](repeating: 9, count: objectiveCount)
            #expect(archive.hypervolume(reference: reference) == hypervolume(points, reference: reference))
        }
    }
}
