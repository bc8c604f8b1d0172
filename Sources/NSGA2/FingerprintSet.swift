/// A set of 64-bit genome fingerprints, for duplicate elimination.
///
/// Open addressing with linear probing over a fixed hash (no per-process seed). A genome whose
/// fingerprint is absent is certainly new; two different genomes sharing a fingerprint (odds
/// about n²/2⁶⁵) only make the engine skip one candidate, the same way on every run. Only
/// membership is ever asked, so no iteration order can reach a result. Eight bytes per genome
/// keep "every genome ever evaluated" affordable even for millions of evaluations.
struct FingerprintSet {
    /// The number of fingerprints held.
    private(set) var count = 0
    /// Slot contents; 0 marks an empty slot (a fingerprint of 0 is stored as 1).
    private var slots: [UInt64]
    private var mask: Int

    /// Creates an empty set ready for about `capacity` fingerprints.
    init(capacity: Int = 16) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Empties the set, keeping its storage.
    mutating func removeAll() {
        count = 0
        for index in slots.indices { slots[index] = 0 }
    }

    /// Whether `fingerprint` is in the set.
    func contains(_ fingerprint: UInt64) -> Bool {
        let key = fingerprint == 0 ? 1 : fingerprint
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Adds `fingerprint`; returns `false` if it was already there.
    @discardableResult
    mutating func insert(_ fingerprint: UInt64) -> Bool {
        if 2 * (count + 1) > slots.count { grow() }
        let key = fingerprint == 0 ? 1 : fingerprint
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        count += 1
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for key in slots where key != 0 {
            var target = Int(truncatingIfNeeded: key) & newMask
            while newSlots[target] != 0 { target = (target + 1) & newMask }
            newSlots[target] = key
        }
        slots = newSlots
        mask = newMask
    }

    /// A fixed 64-bit fingerprint of the gene values (multiply–xorshift per gene, SplitMix finalizer).
    static func fingerprint(_ genome: UnsafeBufferPointer<Int>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        for gene in genome {
            h = (h ^ UInt64(bitPattern: Int64(gene))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }
}
