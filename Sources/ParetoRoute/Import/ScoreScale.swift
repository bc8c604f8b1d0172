/// Maps an eval tool's score to the contract's quality in [0, 1].
///
/// Inspect's letter grades map C/I/P/N to 1/0/0.5/0 (its own `value_to_float`), booleans
/// to 1/0, numbers stay as they are when in [0, 1]; a rubric (1–5) needs a scale LO:HI,
/// which maps LO…HI linearly onto 0…1. Anything else is an error, never a guess.
public struct ScoreScale: Sendable, Equatable {
    /// The score that maps to quality 0.
    public var low: Double
    /// The score that maps to quality 1.
    public var high: Double

    /// Creates a scale; `low < high`.
    public init?(low: Double, high: Double) {
        guard low < high, low.isFinite, high.isFinite else { return nil }
        self.low = low
        self.high = high
    }

    /// Parses `LO:HI` with the project's number parser.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2,
              case .success(let low) = DecimalNumber.parseDouble(Array(parts[0].utf8)),
              case .success(let high) = DecimalNumber.parseDouble(Array(parts[1].utf8)) else { return nil }
        self.init(low: low, high: high)
    }

    /// What a score must be, for error messages.
    public static func expectation(_ scale: ScoreScale?) -> String {
        if let scale {
            return "expected C, I, P, N, a boolean or a number in [\(formatNumber(scale.low)), \(formatNumber(scale.high))]"
        }
        return "expected C, I, P, N, a boolean or a number in [0, 1]"
    }

    /// The quality of `value` under `scale` (nil: no scale), or nil when it is not a score.
    public static func quality(of value: JSONValue, scale: ScoreScale?) -> Double? {
        switch value {
        case .string(let letter):
            switch letter {
            case "C": return 1
            case "I", "N": return 0
            case "P": return 0.5
            default: return nil
            }
        case .bool(let flag):
            return flag ? 1 : 0
        case .number(let number):
            if let scale {
                guard number >= scale.low, number <= scale.high else { return nil }
                return (number - scale.low) / (scale.high - scale.low)
            }
            return number >= 0 && number <= 1 ? number : nil
        default:
            return nil
        }
    }
}
