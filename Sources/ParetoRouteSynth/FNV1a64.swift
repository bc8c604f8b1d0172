/// The 64-bit FNV-1a hash: a fixed, platform-independent fingerprint of bytes.
///
/// Used to derive each cell's random stream from names rather than positions (so adding an intent
/// or a setting never changes the rows of the others) and to fingerprint generated files in tests.
public struct FNV1a64: Sendable, Hashable {
    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Starts from the FNV offset basis.
    public init() {}

    /// Mixes `bytes` into the hash.
    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    /// Mixes the UTF-8 bytes of `text` and a 0xFF separator, so `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0xFF))
    }

    /// Mixes the eight little-endian bytes of `number`.
    public mutating func combine(_ number: UInt64) {
        var remaining = number
        for _ in 0..<8 {
            combine(CollectionOfOne(UInt8(truncatingIfNeeded: remaining)))
            remaining >>= 8
        }
    }

    /// The hash of `bytes` alone.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = FNV1a64()
        hasher.combine(bytes)
        return hasher.value
    }
}
