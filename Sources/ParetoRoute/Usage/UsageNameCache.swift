import Foundation

/// Names as a log line spells them (intents, model ids) to what the ledger made of them, looked
/// up by their bytes, so that a line makes no string: a name is turned into a string once.
///
/// Bounded: past ``limit`` names (hostile input) new ones are not kept and go the slow way.
struct UsageNameCache: Sendable {
    private var table: [Int32] = [Int32](repeating: -1, count: 2048)
    private var names: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// What each name stands for (an index the ledger chose).
    private var values: [Int] = []
    /// The most names kept.
    static let limit = 1024

    /// Whether new names are no longer kept.
    var isFull: Bool { names.count >= Self.limit }

    /// The value of the bytes, or nil when they are not cached.
    @inline(__always)
    func value(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        let hash = Self.hash(p, count)
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: hash >> 53) & mask
        while true {
            let entry = Int(table[index])
            if entry < 0 { return nil }
            if hashes[entry] == hash {
                let equal = names[entry].withUnsafeBufferPointer { name in
                    name.count == count && (count == 0 || name.baseAddress.map { memcmp($0, p, count) == 0 } ?? false)
                }
                if equal { return values[entry] }
            }
            index = (index + 1) & mask
        }
    }

    /// Keeps `value` for the bytes (not already cached), unless the cache is full.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ count: Int, value: Int) {
        guard names.count < Self.limit else { return }
        let hash = Self.hash(p, count)
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: hash >> 53) & mask
        while table[index] >= 0 { index = (index + 1) & mask }
        table[index] = Int32(names.count)
        names.append(Array(UnsafeBufferPointer(start: p, count: count)))
        hashes.append(hash)
        values.append(value)
    }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        if count >= 8 {
            let raw = UnsafeRawPointer(p)
            h ^= raw.loadUnaligned(as: UInt64.self)
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            h ^= raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            h = (h ^ (h >> 32)) &* 0x94D0_49BB_1331_11EB
            if count > 16 {
                h ^= raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            }
        } else {
            for k in 0..<count { h = (h ^ UInt64(p[k])) &* 0x100_0000_01B3 }
            h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        }
        return h ^ (h >> 32)
    }
}
