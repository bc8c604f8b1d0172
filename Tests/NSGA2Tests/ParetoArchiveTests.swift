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

@Suite struct GenomeSetTests {
    @Test func fingerprintSetAdmitsEachValueOnceAndGrows() {
        var set = FingerprintSet(capacity: 2)
        let first = (0..<1_000).map { set.insert(UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        let second = (0..<1_000).map { set.insert(UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
        #expect(first.allSatisfy { $0 })
        #expect(second.allSatisfy { !$0 })
        #expect(set.count == 1_000)
        #expect(set.contains(0))
        #expect(!set.contains(12_345))
        set.removeAll()
        let emptied = set.count == 0 && !set.contains(0)
        #expect(emptied)
    }

    @Test func fingerprintIsFixedAcrossRunsAndMachines() {
        // Pinned: a change here changes every run's duplicate decisions.
        #expect([1, 2, 3].withUnsafeBufferPointer(FingerprintSet.fingerprint) == Self.pinnedFingerprint)
        #expect([3, 2, 1].withUnsafeBufferPointer(FingerprintSet.fingerprint) != Self.pinnedFingerprint)
    }
    /// Computed independently from the documented steps (multiply–xorshift per gene, SplitMix finalizer).
    static let pinnedFingerprint: UInt64 = 0x3B0E_597C_A6DF_60F5

    @Test func genomeSetStoresDistinctGenomesInInsertionOrder() {
        var set = GenomeSet(geneCount: 2, capacity: 1)
        let genomes = [[1, 2], [2, 1], [1, 2], [0, 0], [2, 1]]
        let admitted = genomes.map { genome in genome.withUnsafeBufferPointer { set.insert($0) } }
        #expect(admitted == [true, true, false, true, false])
        #expect(set.genes == [1, 2, 2, 1, 0, 0])
        #expect(set.count == 3)
    }
}

@Suite struct XoshiroTests {
    @Test func matchesTheReferenceSequence() {
        // xoshiro256** seeded through SplitMix64, values from the reference algorithm.
        var zero = Xoshiro256StarStar(seed: 0)
        let zeroValues = [zero.next(), zero.next(), zero.next()]
        #expect(zeroValues == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var answer = Xoshiro256StarStar(seed: 42)
        let answerValues = [answer.next(), answer.next(), answer.next()]
        #expect(answerValues == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test func boundedIntegersStayInRangeAndCoverIt() {
        var generator = Xoshiro256StarStar(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[generator.nextInt(below: 7)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1_150 })
    }
}
