/// An exact hash set of genomes of one fixed length, stored flat (for the evaluated records).
///
/// Open addressing with linear probing over a deterministic hash (no per-process seed),
/// and genomes copied into one flat array: inserting allocates nothing per genome. Only
/// membership is ever asked, so no iteration order can reach a result.
struct GenomeSet {
    /// The genome length.
    let geneCount: Int
    /// The stored genomes, back to back, in insertion order.
    private(set) var genes: [Int] = []
    /// The number of stored genomes.
    private(set) var count = 0
    /// Slot → stored genome index + 1, or 0 for empty.
    private var slots: [Int32]
    private var slotHashes: [UInt64]
    private var mask: Int

    /// Creates an empty set ready for about `capacity` genomes.
    init(geneCount: Int, capacity: Int = 16) {
        self.geneCount = geneCount
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        slotHashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
        genes.reserveCapacity(capacity * geneCount)
    }

    /// Adds `genome`; returns `false` (and changes nothing) if it was already there.
    @discardableResult
    mutating func insert(_ genome: UnsafeBufferPointer<Int>) -> Bool {
        if 2 * (count + 1) > slots.count { grow() }
        let hash = Self.hash(genome)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if slotHashes[slot] == hash && matches(entry - 1, genome) { return false }
            slot = (slot + 1) & mask
        }
        genes.append(contentsOf: genome)
        count += 1
        slots[slot] = Int32(truncatingIfNeeded: count)
        slotHashes[slot] = hash
        return true
    }

    private func matches(_ index: Int, _ genome: UnsafeBufferPointer<Int>) -> Bool {
        genes.withUnsafeBufferPointer { stored in
            let start = index * geneCount
            for j in 0..<geneCount where stored[start + j] != genome[j] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: size)
        var newHashes = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for slot in slots.indices where slots[slot] != 0 {
            var target = Int(truncatingIfNeeded: slotHashes[slot]) & newMask
            while newSlots[target] != 0 { target = (target + 1) & newMask }
            newSlots[target] = slots[slot]
            newHashes[target] = slotHashes[slot]
        }
        slots = newSlots
        slotHashes = newHashes
        mask = newMask
    }

    static func hash(_ genome: UnsafeBufferPointer<Int>) -> UInt64 {
        FingerprintSet.fingerprint(genome)
    }
}
