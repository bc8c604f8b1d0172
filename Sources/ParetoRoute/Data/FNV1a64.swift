/// The 64-bit FNV-1a hash, the data fingerprint of a front.
///
/// Foundation on Linux has no SHA-256, and the fingerprint only has to tell users
/// "this front was made from other data", not resist an attacker.
package struct FNV1a64: Sendable, Equatable {
    /// The running hash.
    package private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Starts a new hash.
    package init() {}

    /// Mixes `bytes` into the hash.
    package mutating func combine<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// The hash as 16 lowercase hexadecimal digits, as written in front files.
    package var hexDigest: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
