/// Formats dollars for people: `$12,345` (whole dollars, grouped; cents below $100), the same
/// way at every magnitude: `$6,826,237,625,627,000`, never `6.8e+15` beside `$974,074,500,000,000`.
package func formatUSD(_ value: Double) -> String {
    guard value.isFinite else { return "$?" }
    let negative = value < 0
    let magnitude = abs(value)
    var text: String
    if magnitude < 100 {
        let cents = Int64((magnitude * 100).rounded())
        let fraction = cents % 100
        text = "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    } else {
        text = groupThousands(wholeDigits(magnitude.rounded()))
    }
    return (negative ? "-$" : "$") + text
}

/// The decimal digits of a whole, non-negative `value`: exact below 2⁶³, beyond it the
/// shortest round-trip digits padded with zeros (a Double holds no more).
func wholeDigits(_ value: Double) -> String {
    if value < 9e18 { return String(Int64(value)) }
    let text = "\(value)"
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    let exponent = parts.count > 1 ? Int(parts[1].replacingOccurrences(of: "+", with: "")) ?? 0 : 0
    let pieces = mantissa.split(separator: ".", maxSplits: 1)
    var fraction = pieces.count > 1 ? String(pieces[1]) : ""
    if fraction == "0" { fraction = "" }
    let digits = String(pieces[0]) + fraction
    let zeros = max(0, exponent - fraction.count)
    return digits + String(repeating: "0", count: zeros)
}

/// `1234567` → `1,234,567`.
func groupThousands(_ digits: String) -> String {
    var grouped = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
        grouped.append(character)
    }
    return grouped
}

/// Formats a standard error like a quality, or `n/a` when there is none (a mean of
/// fewer than 2 samples measures no spread).
package func formatStandardError(_ value: Double?) -> String {
    value.map(formatQuality) ?? "n/a"
}

/// Formats a quality for people with four decimals: `0.8731`.
package func formatQuality(_ value: Double) -> String {
    formatFixed(value, decimals: 4)
}

/// Formats `value` with a fixed number of decimals, without Foundation or locale.
package func formatFixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "?" }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    // Int64 holds about 9.2e18: larger scaled values print in Swift's shortest form.
    guard abs(value) * scale < 9e18 else { return "\(value)" }
    let scaled = Int64((abs(value) * scale).rounded())
    let divisor = Int64(scale)
    let whole = scaled / divisor
    var fraction = String(scaled % divisor)
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}

/// A share as a percentage with one decimal (`0.853` → `85.3%`).
public func formatPercent(_ share: Double) -> String {
    "\(formatFixed(share * 100, decimals: 1))%"
}
