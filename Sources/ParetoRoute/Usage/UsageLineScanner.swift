import Foundation

/// The request log reader's fast path: one pass over a line's bytes that reads a flat JSON
/// object of ASCII strings, numbers, booleans and nulls without building a document or a string.
///
/// It answers nil for anything it does not read exactly as the strict ``JSONParser`` would —
/// escapes, control or non-ASCII bytes in a string, nested values, duplicate keys, numbers that
/// are not plain, a logged id given as a number — and that line goes through
/// ``UsageLineParser``'s strict path instead; so which path read a line never changes a figure,
/// a malformed-line count or a `--strict` error (tests compare the two on tricky lines).
struct UsageLineScanner {
    /// What one line holds: numbers read, names as byte ranges of the line.
    struct Scan {
        var time = 0.0
        var hasTime = false
        var requestID: Range<Int>?
        var intent: Range<Int>?
        var model: Range<Int>?
        var input = 0.0, output = 0.0, cacheRead = 0.0, cacheWrite = 0.0
        var cacheHit = false
        var latency: Double?
        var inputCost: Double?, outputCost: Double?, totalCost: Double?
        /// The first rule broken, in the order of the line's fields, then the missing fields
        /// (plain values, so that a scan is copied without reference counting).
        var fault = Fault.none
        /// The field of ``fault`` and the number at fault, when it names them.
        var faultKey = UsageLineParser.Key.timestamp, faultNumber = 0.0

        /// A broken field rule.
        enum Fault: UInt8 {
            case none, badTimestamp, notTimestamp, timestampRange, notString, notNumber, negative, notBool
            case missingTimestamp, missingIntent, missingModel
        }

        /// Keeps the first broken rule only.
        @inline(__always)
        mutating func fail(_ fault: Fault, _ key: UsageLineParser.Key = .timestamp, _ number: Double = 0) {
            if self.fault == .none {
                self.fault = fault
                faultKey = key
                faultNumber = number
            }
        }

        /// The problem of the line, or nil when it is a request.
        var problem: UsageLineProblem? {
            switch fault {
            case .none: return nil
            case .badTimestamp: return .badTimestamp
            case .notTimestamp: return .notTimestamp
            case .timestampRange: return .timestampRange
            case .notString: return .notString(faultKey.name)
            case .notNumber: return .notNumber(faultKey.name)
            case .negative: return .negative(faultKey.name, faultNumber)
            case .notBool: return .notBool
            case .missingTimestamp: return .missingTimestamp
            case .missingIntent: return .missingIntent
            case .missingModel: return .missingModel
            }
        }
    }

    /// Unknown keys of the line under way, for the duplicate-key rule.
    private var unknownKeys: [Range<Int>] = []
    /// More unknown keys than this on a line go to the strict path (quadratic check otherwise).
    private static let unknownKeyLimit = 32

    init() {
        unknownKeys.reserveCapacity(Self.unknownKeyLimit)
    }

    /// Reads `line` (without its line break); nil when the strict path must decide.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> Scan? {
        guard let p = line.baseAddress else { return nil }
        let n = line.count
        var i = 0
        var scan = Scan()
        var seen: UInt32 = 0
        unknownKeys.removeAll(keepingCapacity: true)


        Self.skipSpace(p, n, &i)
        guard i < n, p[i] == 123 else { return nil }
        i += 1
        Self.skipSpace(p, n, &i)
        if i < n, p[i] == 125 {
            i += 1
        } else {
            while true {
                Self.skipSpace(p, n, &i)
                guard i < n, p[i] == 34 else { return nil }
                let keyStart = i + 1
                guard let keyEnd = Self.stringEnd(p, n, from: keyStart) else { return nil }
                i = keyEnd + 1
                Self.skipSpace(p, n, &i)
                guard i < n, p[i] == 58 else { return nil }
                i += 1
                Self.skipSpace(p, n, &i)
                guard i < n else { return nil }
                let key = Self.key(p, keyStart, keyEnd - keyStart)
                if let key {
                    let bit: UInt32 = 1 << UInt32(key.rawValue)
                    if seen & bit != 0 { return nil }
                    seen |= bit
                } else {
                    for other in unknownKeys where other.count == keyEnd - keyStart {
                        if memcmp(p + other.lowerBound, p + keyStart, other.count) == 0 { return nil }
                    }
                    guard unknownKeys.count < Self.unknownKeyLimit else { return nil }
                    unknownKeys.append(keyStart..<keyEnd)
                }
                let c = p[i]
                if c == 34 {
                    let start = i + 1
                    guard let end = Self.stringEnd(p, n, from: start) else { return nil }
                    i = end + 1
                    if let key {
                        switch key {
                        case .timestamp:
                            if let seconds = UsageTimestamp.seconds(UnsafeBufferPointer(start: p + start, count: end - start)) {
                                if scan.fault == .none {
                                    scan.time = seconds
                                    scan.hasTime = true
                                }
                            } else {
                                scan.fail(.badTimestamp)
                            }
                        case .requestID: scan.requestID = start..<end
                        case .intent: scan.intent = start..<end
                        case .modelID: scan.model = start..<end
                        case .cacheHit: scan.fail(.notBool)
                        default: scan.fail(.notNumber, key)
                        }
                    }
                } else if c == 116 || c == 102 || c == 110 {
                    // true, false, null
                    let length = c == 102 ? 5 : 4
                    guard n - i >= length else { return nil }
                    let word = UnsafeRawPointer(p + i + length - 4).loadUnaligned(as: UInt32.self)
                    let expected: UInt32 = c == 116 ? 0x6575_7274 : c == 102 ? 0x6573_6c61 : 0x6c6c_756e
                    guard word == expected, length == 4 || p[i + 1] == 97 else { return nil }
                    i += length
                    if let key {
                        switch key {
                        case .timestamp: scan.fail(.notTimestamp)
                        case .requestID, .intent, .modelID: if c != 110 { scan.fail(.notString, key) }
                        case .cacheHit: if scan.fault == .none { scan.cacheHit = c == 116 }
                        default: if c != 110 { scan.fail(.notNumber, key) }
                        }
                    }
                } else if c == 45 || (c >= 48 && c <= 57) {
                    let start = i
                    // Plain `digits[.digits]` is read on the way (Clinger's fast path: an exact
                    // integer over an exact power of ten is correctly rounded, the decimal
                    // parser's own first case); anything else is the decimal parser's.
                    var mantissa = 0, digits = 0, fractionDigits = 0
                    var plain = c != 45 && (c != 48 || i + 1 == n || p[i + 1] < 48 || p[i + 1] > 57)
                    while i < n {
                        let digit = Int(p[i]) &- 48
                        guard digit >= 0, digit <= 9 else { break }
                        mantissa = mantissa &* 10 &+ digit
                        digits += 1
                        i += 1
                    }
                    if i < n, p[i] == 46 {
                        i += 1
                        while i < n {
                            let digit = Int(p[i]) &- 48
                            guard digit >= 0, digit <= 9 else { break }
                            mantissa = mantissa &* 10 &+ digit
                            digits += 1
                            fractionDigits += 1
                            i += 1
                        }
                        if fractionDigits == 0 { plain = false }
                    }
                    while i < n {
                        let d = p[i]
                        guard (d >= 48 && d <= 57) || d == 46 || d == 45 || d == 43 || d == 101 || d == 69 else { break }
                        plain = false
                        i += 1
                    }
                    let number: Double
                    if plain && digits <= 15 {
                        number = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / Self.powerOfTen(fractionDigits)
                    } else {
                        guard case .success(let parsed) = DecimalNumber.parseDouble(UnsafeBufferPointer(start: p + start, count: i - start)) else {
                            return nil
                        }
                        number = parsed
                    }
                    if let key {
                        switch key {
                        case .timestamp:
                            if !UsageTimestamp.epochSecondsRange.contains(number) {
                                scan.fail(.timestampRange)
                            } else if scan.fault == .none {
                                scan.time = number
                                scan.hasTime = true
                            }
                        case .requestID, .intent, .modelID: return nil  // the strict path formats the number
                        case .cacheHit: scan.fail(.notBool)
                        default:
                            if number >= 0 {
                                if scan.fault == .none { Self.assign(number, to: key, in: &scan) }
                            } else {
                                scan.fail(.negative, key, number)
                            }
                        }
                    }
                } else {
                    return nil
                }
                Self.skipSpace(p, n, &i)
                guard i < n else { return nil }
                if p[i] == 44 { i += 1; continue }
                if p[i] == 125 { i += 1; break }
                return nil
            }
        }
        Self.skipSpace(p, n, &i)
        guard i == n else { return nil }
        if scan.fault == .none {
            if !scan.hasTime {
                scan.fault = .missingTimestamp
            } else if scan.intent?.isEmpty ?? true {
                scan.fault = .missingIntent
            } else if (scan.model?.isEmpty ?? true) && !scan.cacheHit {
                scan.fault = .missingModel
            }
        }
        return scan
    }

    @inline(__always)
    private static func skipSpace(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) {
        while i < n {
            let c = p[i]
            guard c == 32 || c == 9 || c == 13 else { return }
            i += 1
        }
    }

    @inline(__always)
    private static func assign(_ number: Double, to key: UsageLineParser.Key, in scan: inout Scan) {
        switch key {
        case .inputTokens: scan.input = number
        case .outputTokens: scan.output = number
        case .cacheReadTokens: scan.cacheRead = number
        case .cacheWriteTokens: scan.cacheWrite = number
        case .latencyMs: scan.latency = number
        case .inputCost: scan.inputCost = number
        case .outputCost: scan.outputCost = number
        case .totalCost: scan.totalCost = number
        default: break
        }
    }

    /// The index of the closing quote of the string whose contents start at `start`; nil when
    /// the string has an escape, a control or non-ASCII byte, or no end. Eight bytes at a time.
    @inline(__always)
    static func stringEnd(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Int? {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let quote = w ^ (ones &* 0x22)
            let backslash = w ^ (ones &* 0x5C)
            // A byte is flagged when it is '"', '\\', under 0x20 or over 0x7F; the lowest
            // flagged byte is always a true one (borrows only run upwards).
            let flagged = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (w &- ones &* 0x20) & ~w | w) & highs
            if flagged == 0 {
                i += 8
                continue
            }
            i += flagged.trailingZeroBitCount >> 3
            return p[i] == 34 ? i : nil
        }
        while i < n {
            let c = p[i]
            if c == 34 { return i }
            if c == 92 || c < 32 || c > 127 { return nil }
            i += 1
        }
        return nil
    }

    /// The key of the bytes `start..<start + count`: candidates by length, then whole words.
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, _ start: Int, _ count: Int) -> UsageLineParser.Key? {
        let raw = UnsafeRawPointer(p + start)
        if count == 6 {
            return raw.loadUnaligned(as: UInt32.self) == 0x6574_6e69 && raw.loadUnaligned(fromByteOffset: 2, as: UInt32.self) == 0x746e_6574
                ? .intent : nil
        }
        guard count >= 8, count <= 18 else { return nil }
        let first = raw.loadUnaligned(as: UInt64.self)
        let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        switch count {
        case 8: return first == 0x6469_5f6c_6564_6f6d ? .modelID : nil
        case 9:
            if first == 0x6d61_7473_656d_6974 && last == 0x706d_6174_7365_6d69 { return .timestamp }
            return first == 0x6968_5f65_6863_6163 && last == 0x7469_685f_6568_6361 ? .cacheHit : nil
        case 10:
            if first == 0x5f74_7365_7571_6572 && last == 0x6469_5f74_7365_7571 { return .requestID }
            return first == 0x5f79_636e_6574_616c && last == 0x736d_5f79_636e_6574 ? .latencyMs : nil
        case 12: return first == 0x6f74_5f74_7570_6e69 && last == 0x736e_656b_6f74_5f74 ? .inputTokens : nil
        case 13: return first == 0x745f_7475_7074_756f && last == 0x736e_656b_6f74_5f74 ? .outputTokens : nil
        case 14:
            guard last == 0x6473_755f_7473_6f63 else { return nil }
            if first == 0x6f63_5f74_7570_6e69 { return .inputCost }
            return first == 0x6f63_5f6c_6174_6f74 ? .totalCost : nil
        case 15: return first == 0x635f_7475_7074_756f && last == 0x6473_755f_7473_6f63 ? .outputCost : nil
        case 17, 18:
            let middle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            if count == 17 {
                return first == 0x6572_5f65_6863_6163 && middle == 0x6e65_6b6f_745f_6461 && last == 0x736e_656b_6f74_5f64
                    ? .cacheReadTokens : nil
            }
            return first == 0x7277_5f65_6863_6163 && middle == 0x656b_6f74_5f65_7469 && last == 0x736e_656b_6f74_5f65
                ? .cacheWriteTokens : nil
        default: return nil
        }
    }

    /// 10^k for k in 1...15, exactly (literals: no lazily initialised table on the hot path).
    @inline(__always)
    private static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        default: return 1e15
        }
    }
}
