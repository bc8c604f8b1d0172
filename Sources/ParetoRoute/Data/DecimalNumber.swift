#if canImport(Glibc)
import Glibc
#endif

/// The contract's number syntax, checked byte by byte.
///
/// `Double(String)` accepts `nan`, `inf`, hex floats and surrounding forms the
/// contract forbids, so numbers are validated here first: an optional sign, digits
/// with an optional fraction (`1`, `0.25`, `.5`, `5.`), an optional exponent
/// (`6e-1`, `2.0E-1`). Values are converted exactly (Clinger's fast path, then the
/// standard library's correctly rounded parser for the rare long forms).
package enum DecimalNumber {
    /// Why a field is not a number of the wanted kind.
    package enum Failure: Error, Sendable, Equatable {
        /// The bytes are not a decimal number at all.
        case notANumber
        /// A decimal number where an integer was required.
        case notAnInteger
        /// The value does not fit (non-finite double or integer overflow).
        case outOfRange
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a finite decimal number.
    package static func parseDouble<C: Collection>(_ bytes: C) -> Result<Double, Failure> where C.Element == UInt8 {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedIntegerDigits = 0
        var fractionDigits = 0
        var digitCount = 0
        var mantissaExact = true
        while index < end, let digit = digitValue(bytes[index]) {
            digitCount += 1
            accumulate(digit, into: &mantissa, significant: &significantDigits, exact: &mantissaExact, dropped: &droppedIntegerDigits)
            index = bytes.index(after: index)
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index = bytes.index(after: index)
            while index < end, let digit = digitValue(bytes[index]) {
                digitCount += 1
                var dropped = 0
                accumulate(digit, into: &mantissa, significant: &significantDigits, exact: &mantissaExact, dropped: &dropped)
                if dropped == 0 { fractionDigits += 1 }
                index = bytes.index(after: index)
            }
        }
        guard digitCount > 0 else { return .failure(.notANumber) }
        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index = bytes.index(after: index)
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index = bytes.index(after: index)
            }
            var exponentDigits = 0
            while index < end, let digit = digitValue(bytes[index]) {
                exponentDigits += 1
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                index = bytes.index(after: index)
            }
            guard exponentDigits > 0 else { return .failure(.notANumber) }
            if exponentNegative { exponent = -exponent }
        }
        guard index == end else { return .failure(.notANumber) }

        let power = exponent - fractionDigits + droppedIntegerDigits
        var value: Double
        if mantissaExact, mantissa < (1 << 53), abs(power) <= 22 {
            value = Double(mantissa)
            value = power < 0 ? value / exactPowers[-power] : value * exactPowers[power]
        } else {
            guard let parsed = correctlyRounded(bytes) else { return .failure(.notANumber) }
            value = abs(parsed)
        }
        guard value.isFinite else { return .failure(.outOfRange) }
        return .success(negative ? -value : value)
    }

    /// ``parseDouble(_:)`` for the common plain form, digits with at most one `.` (`0.4555`,
    /// `687`), at most 19 digits: the same exact computation without the general parser's
    /// bookkeeping, so the same bits; any other form goes to ``parseDouble(_:)``.
    @inline(__always)
    package static func parsePlainDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Double, Failure> {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            let digit = byte &- 48
            if digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return parseDouble(bytes)
            }
        }
        guard digits > 0, digits <= 19, mantissa < (1 << 53), fractionDigits <= 22 else { return parseDouble(bytes) }
        return .success(Double(mantissa) / exactPowers[fractionDigits])
    }

    /// The correctly rounded value of bytes already checked to be a decimal number: the C
    /// library's `strtod` on a stack copy (no string allocated: front files hold millions of
    /// 17-digit numbers), or the standard library's parser for long forms, other platforms,
    /// and a process locale whose decimal point is not `.` (`strtod` then stops early).
    private static func correctlyRounded<C: Collection>(_ bytes: C) -> Double? where C.Element == UInt8 {
        #if canImport(Glibc)
        let count = bytes.count
        if count < 64 {
            let parsed = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
                guard let start = buffer.baseAddress else { return nil }
                var i = 0
                for byte in bytes {
                    buffer[i] = CChar(bitPattern: byte)
                    i += 1
                }
                buffer[i] = 0
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(start, &end)
                return end == start + count ? value : nil
            }
            if let parsed { return parsed }
        }
        #endif
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses an integer: optional sign and digits only (`250`, not `250.0` or `2.5e2`).
    package static func parseInt<C: Collection>(_ bytes: C) -> Result<Int, Failure> where C.Element == UInt8 {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        var value = 0
        var digits = 0
        var overflow = false
        while index < end, let digit = digitValue(bytes[index]) {
            digits += 1
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit))
            overflow = overflow || o1 || o2
            value = sum
            index = bytes.index(after: index)
        }
        guard digits > 0, index == end else {
            if digits > 0 || (index < end && bytes[index] == UInt8(ascii: ".")) {
                if case .success = parseDouble(bytes) { return .failure(.notAnInteger) }
            }
            return .failure(.notANumber)
        }
        if overflow { return .failure(.outOfRange) }
        return .success(negative ? -value : value)
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> UInt64? {
        byte >= 48 && byte <= 57 ? UInt64(byte - 48) : nil
    }

    @inline(__always)
    private static func accumulate(_ digit: UInt64, into mantissa: inout UInt64, significant: inout Int, exact: inout Bool, dropped: inout Int) {
        if mantissa == 0 && digit == 0 { return }
        if significant < 19 {
            mantissa = mantissa * 10 + digit
            significant += 1
        } else {
            // More than 19 significant digits: fall back to the slow, exact parser.
            exact = false
            dropped += 1
        }
    }
}
