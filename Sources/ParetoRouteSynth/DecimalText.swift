/// Locale-free decimal text for the CSV files, computed with integer arithmetic.
///
/// `String(format:)` depends on the C locale and `description` may switch to exponent notation;
/// the files must read the same on every machine and stay byte-identical across regenerations.
enum DecimalText {
    /// `value` rounded half away from zero to `maxDecimals` decimals, trailing zeros trimmed but
    /// at least `minDecimals` kept (`format(0.5, 2, 4)` is `"0.50"`). `value` must be finite and
    /// `abs(value) * 10^maxDecimals` below 2^62.
    static func format(_ value: Double, minDecimals: Int, maxDecimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<maxDecimals { scale *= 10 }
        let scaled = Int64((value.magnitude * Double(scale)).rounded())
        var text = scaled != 0 && value < 0 ? "-" : ""
        text += String(scaled / scale)
        guard maxDecimals > 0 else { return text }
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: maxDecimals - fraction.count) + fraction
        var decimals = maxDecimals
        while decimals > minDecimals, fraction.last == "0" {
            fraction.removeLast()
            decimals -= 1
        }
        if decimals > 0 {
            text += "." + fraction
        }
        return text
    }

    /// A temperature as written in the evals: `0.1`, `0.25`, `1.0`.
    static func temperature(_ value: Double) -> String {
        format(value, minDecimals: 1, maxDecimals: 2)
    }

    /// A USD figure: at least cents, up to six decimals (`3.00`, `0.075`, `2000.00`).
    static func usd(_ value: Double) -> String {
        format(value, minDecimals: 2, maxDecimals: 6)
    }

    /// A rate or score in intents.csv: `0.45`, `0.88`, `0.00`.
    static func rate(_ value: Double) -> String {
        format(value, minDecimals: 2, maxDecimals: 4)
    }
}
