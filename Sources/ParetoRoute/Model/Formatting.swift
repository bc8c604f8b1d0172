/// Formats dollars for people: `$12,345` (whole dollars; cents below $100).
public func formatUSD(_ value: Double) -> String {
    guard value.isFinite else { return "$?" }
    let negative = value < 0
    let magnitude = abs(value)
    // Beyond a quadrillion dollars whole-dollar digits mean nothing (and overflow Int64).
    guard magnitude < 1e15 else { return (negative ? "-$" : "$") + "\(magnitude)" }
    var text: String
    if magnitude < 100 {
        let cents = Int64((magnitude * 100).rounded())
        let fraction = cents % 100
        text = "\(cents / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    } else {
        let whole = String(Int64(magnitude.rounded()))
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        text = grouped
    }
    return (negative ? "-$" : "$") + text
}

/// Formats a standard error like a quality, or `n/a` when there is none (a mean of
/// fewer than 2 samples measures no spread).
public func formatStandardError(_ value: Double?) -> String {
    value.map(formatQuality) ?? "n/a"
}

/// Formats a quality for people with four decimals: `0.8731`.
public func formatQuality(_ value: Double) -> String {
    formatFixed(value, decimals: 4)
}

/// Formats `value` with a fixed number of decimals, without Foundation or locale.
public func formatFixed(_ value: Double, decimals: Int) -> String {
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
