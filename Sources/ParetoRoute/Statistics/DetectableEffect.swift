/// How small a quality change a rerun of an intent's cell can tell from noise, and how many
/// golden samples a given change needs ("how many samples do we need to see a 1-point change?").
///
/// A rerun answers the same golden samples, so its change is judged paired: the difference's
/// standard deviation is σ·√(2(1 − ρ)), σ the cell's per-sample quality spread and ρ the
/// correlation between two settings' scores on the same samples — the samples' shared difficulty.
/// ρ is estimated as the median correlation between the cell and the intent's other cells.
/// Two-sided α = 0.05 and power 0.8: MDE = (z₀.₉₇₅ + z₀.₈) · σ_d / √n, and n(δ) = ⌈((z₀.₉₇₅ + z₀.₈) · σ_d / δ)²⌉.
public struct DetectableEffect: Sendable, Hashable {
    /// The intent's name.
    public var intent: String
    /// The cell judged.
    public var setting: Setting
    /// Its samples.
    public var samples: Int
    /// The per-sample standard deviation of its quality.
    public var qualitySD: Double
    /// The correlation used (median over the intent's other cells, clipped to [0, 1)).
    public var correlation: Double
    /// The smallest detectable paired change at ``samples``.
    public var minimumDetectableChange: Double

    /// z₀.₉₇₅ + z₀.₈: a two-sided 5 % test with 80 % power.
    public static let zSum = NormalQuantile.twoSided(0.95) + NormalQuantile.twoSided(0.6)

    /// The standard deviation of a paired difference of two runs with spread `sd` and correlation `rho`.
    public static func pairedSD(sd: Double, correlation rho: Double) -> Double {
        sd * (2 * (1 - rho)).squareRoot()
    }

    /// The smallest detectable change with `n` pairs of difference spread `differenceSD`.
    public static func minimumDetectableChange(differenceSD: Double, samples n: Int) -> Double {
        zSum * differenceSD / Double(max(1, n)).squareRoot()
    }

    /// The pairs needed to detect `change` with difference spread `differenceSD`.
    public static func samplesNeeded(change: Double, differenceSD: Double) -> Int {
        guard change > 0 else { return Int.max }
        let n = (zSum * differenceSD / change) * (zSum * differenceSD / change)
        return max(2, Int(n.rounded(.up)))
    }

    /// The pairs this cell needs to detect `change`.
    public func samplesNeeded(for change: Double) -> Int {
        Self.samplesNeeded(change: change, differenceSD: Self.pairedSD(sd: qualitySD, correlation: correlation))
    }

    /// Pearson's correlation of two equally long series (0 when either is constant).
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard a.count >= 2, a.count == b.count else { return 0 }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        guard saa > 0, sbb > 0 else { return 0 }
        return sab / (saa * sbb).squareRoot()
    }
}

extension CellTable {
    /// The detectable effect of each intent's cell in `choice` (the table must carry samples;
    /// cells pair on the hashes of their sample ids).
    ///
    /// - Throws: ``DataError`` (bad request) when the table was loaded without samples.
    public func detectableEffects(of choice: [Int]) throws -> [DetectableEffect] {
        guard let samples, samples.allSatisfy({ $0.allSatisfy { $0.sampleKeys.count == $0.qualities.count } }) else {
            throw DataError(.badRequest, file: "power", "the data was loaded without samples; load with keepingSamples: true")
        }
        return choice.enumerated().map { i, c in
            let own = samples[i][c]
            var index: [UInt64: Int] = [:]
            index.reserveCapacity(own.sampleKeys.count)
            for (k, key) in own.sampleKeys.enumerated() { index[key] = k }
            var correlations: [Double] = []
            for (j, other) in samples[i].enumerated() where j != c {
                var a: [Double] = [], b: [Double] = []
                for (k, key) in other.sampleKeys.enumerated() {
                    if let m = index[key] {
                        a.append(own.qualities[m])
                        b.append(other.qualities[k])
                    }
                }
                if a.count >= 2 { correlations.append(DetectableEffect.correlation(a, b)) }
            }
            correlations.sort()
            let rho = correlations.isEmpty ? 0 : min(0.999, max(0, percentile(sorted: correlations, 0.5)))
            let n = Double(own.qualities.count)
            let mean = own.qualities.reduce(0, +) / max(1, n)
            let sd = n >= 2 ? (own.qualities.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : 0
            return DetectableEffect(
                intent: intents[i].name, setting: cells[i][c].setting, samples: own.qualities.count, qualitySD: sd,
                correlation: rho,
                minimumDetectableChange: DetectableEffect.minimumDetectableChange(
                    differenceSD: DetectableEffect.pairedSD(sd: sd, correlation: rho), samples: own.qualities.count))
        }
    }
}

extension DetectableEffect {
    /// The effects as JSON (`samples_for_change` only when a target change is given).
    public static func json(_ effects: [DetectableEffect], change: Double?) -> JSONValue {
        .array(effects.map { effect in
            .object([
                ("intent", .string(effect.intent)), ("setting", .string(effect.setting.description)),
                ("samples", .number(Double(effect.samples))), ("quality_sd", .number(effect.qualitySD)),
                ("correlation", .number(effect.correlation)),
                ("minimum_detectable_change", .number(effect.minimumDetectableChange)),
            ] + (change.map { [("samples_for_change", JSONValue.number(Double(effect.samplesNeeded(for: $0))))] } ?? []))
        })
    }

    /// The effects as a table: per intent the smallest detectable change, and the samples a
    /// target change needs.
    public static func text(_ effects: [DetectableEffect], change: Double?, width: Int?) -> String {
        var lines = ["smallest quality change a paired rerun can detect (two-sided 5%, power 80%; rho = median correlation with the intent's other cells)\(change.map { "; samples to detect \(formatQuality($0))" } ?? ""):"]
        let rows = effects.map { effect -> [String] in
            [effect.intent, effect.setting.description, "\(effect.samples)", formatQuality(effect.qualitySD),
             formatFixed(effect.correlation, decimals: 2), formatQuality(effect.minimumDetectableChange)]
                + (change.map { ["\(effect.samplesNeeded(for: $0))"] } ?? [])
        }
        lines += TextTable(columns: [
            .init("intent", cuttable: true), .init("setting", cuttable: true), .init("n", .right), .init("sd", .right, dropRank: 0),
            .init("rho", .right, dropRank: 1), .init("detectable", .right),
        ] + (change.map { [.init("n for \(formatQuality($0))", .right)] } ?? []), rows: rows, indent: "  ").lines(width: width)
        return lines.joined(separator: "\n") + "\n"
    }
}
