import Testing
@testable import NSGA2

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
