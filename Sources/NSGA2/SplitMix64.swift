/// A tiny 64-bit generator used to expand one seed into the state of ``Xoshiro256StarStar``.
///
/// SplitMix64 (Steele, Lea and Flood 2014) turns any seed, including 0, into well-mixed
/// words, which is exactly what xoshiro's state needs.
public struct SplitMix64: Sendable {
    /// The running state; one step adds the golden-ratio increment.
    public private(set) var state: UInt64

    /// Creates a generator whose whole future is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
