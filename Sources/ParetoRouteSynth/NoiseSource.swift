import NSGA2

/// The random draws of the generative model, built on the seeded ``Xoshiro256StarStar``.
///
/// Every distribution is derived with ``PortableMath`` and `squareRoot()` (correctly rounded by
/// IEEE 754), so a seed yields the same draws on every platform.
struct NoiseSource: Sendable {
    private var generator: Xoshiro256StarStar
    private var spareNormal: Double?

    /// Creates a source whose draws are fixed by `seed`.
    init(seed: UInt64) {
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// A uniform draw in `[0, 1)`.
    mutating func uniform() -> Double {
        generator.nextDouble()
    }

    /// A standard normal draw (Marsaglia's polar method, which needs no sine or cosine).
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * generator.nextDouble() - 1
            let v = 2 * generator.nextDouble() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                let factor = (-2 * PortableMath.log(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// A normal draw with the given mean and standard deviation.
    mutating func normal(mean: Double, deviation: Double) -> Double {
        mean + deviation * normal()
    }

    /// A lognormal factor with mean 1 whose logarithm has standard deviation `spread`.
    mutating func unitMeanLognormal(spread: Double) -> Double {
        PortableMath.exp(spread * normal() - spread * spread / 2)
    }

    /// An exponential draw with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * PortableMath.log(1 - generator.nextDouble())
    }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        generator.nextDouble() < probability
    }
}
