/// A CSV file being built in memory as UTF-8 bytes, written to disk in one go.
///
/// Appending digits to a byte array is an order of magnitude faster than string interpolation,
/// which matters for the benchmark sets' hundreds of thousands of rows.
struct CSVBuffer: Sendable {
    /// The file's bytes so far.
    private(set) var bytes: [UInt8] = []

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one record (fields quoted where RFC 4180 requires) and a line feed.
    mutating func appendRecord(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { appendComma() }
            appendField(field)
        }
        appendNewline()
    }

    /// Appends one field, quoted if it holds a comma, a quote, CR or LF.
    mutating func appendField(_ field: String) {
        bytes.append(contentsOf: Self.encoded(field))
    }

    /// The bytes of `field` as one CSV field.
    static func encoded(_ field: String) -> [UInt8] {
        let utf8 = Array(field.utf8)
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        guard utf8.contains(where: special.contains) else { return utf8 }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return quoted
    }

    /// Appends raw, already encoded bytes.
    mutating func appendRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Appends the field separator.
    mutating func appendComma() {
        bytes.append(UInt8(ascii: ","))
    }

    /// Ends the record.
    mutating func appendNewline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends an integer in decimal.
    mutating func appendInteger(_ value: Int) {
        var remaining = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt = 1
        while divisor <= remaining / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// Appends `scaled / 10^decimals` with exactly `decimals` decimals (`8734, 4` gives `0.8734`).
    mutating func appendFixed(_ scaled: Int, decimals: Int) {
        var power = 1
        for _ in 0..<decimals { power *= 10 }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int(scaled.magnitude)
        appendInteger(magnitude / power)
        guard decimals > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % power
        var digitPower = power / 10
        while digitPower > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / digitPower))
            fraction %= digitPower
            digitPower /= 10
        }
    }
}
