/// Integer keys to dense slots (0, 1, 2… in order of first use), for the ledger's per-line sums.
///
/// A line looks up four keys (intent × model, day, minute, 15-minute window); a multiplicative
/// hash with linear probing costs a few nanoseconds where `Dictionary`'s seeded hash costs tens.
/// The values live in arrays indexed by slot, so each key's sum is added to in line order,
/// exactly as a dictionary's would be.
struct UsageSlotTable: Sendable {
    private var table: [Int]
    private var shift: UInt64
    /// The keys by slot.
    private(set) var keys: [Int] = []

    private static let empty = Int.min

    init() {
        table = [Int](repeating: Self.empty, count: 64)
        shift = 64 - 6
    }

    /// The slot of `key`, and whether it is new (its value must be appended).
    @inline(__always)
    mutating func slot(of key: Int) -> (slot: Int, isNew: Bool) {
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let entry = table[index]
            if entry == Self.empty { break }
            if keys[entry] == key { return (entry, false) }
            index = (index + 1) & mask
        }
        let slot = keys.count
        keys.append(key)
        table[index] = slot
        if keys.count * 2 > table.count { grow() }
        return (slot, true)
    }

    private mutating func grow() {
        table = [Int](repeating: Self.empty, count: table.count * 2)
        shift -= 1
        let mask = table.count - 1
        for (slot, key) in keys.enumerated() {
            var index = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while table[index] != Self.empty { index = (index + 1) & mask }
            table[index] = slot
        }
    }
}
