import Testing
@testable import ParetoRoute

@Suite struct DecimalNumberTests {
    private func double(_ text: String) -> Double? {
        try? DecimalNumber.parseDouble(Array(text.utf8)).get()
    }

    @Test func acceptsTheContractsForms() {
        #expect(double("0.25") == 0.25)
        #expect(double("6e-1") == 0.6)
        #expect(double("2.0E-1") == 0.2)
        #expect(double("-3") == -3)
        #expect(double("+1.5") == 1.5)
        #expect(double("0.05") == 0.05)
        #expect(double("1234567.125") == 1234567.125)
        #expect(double("0.1") == 0.1)
        // Long forms fall back to the correctly rounded parser.
        #expect(double("0.30000000000000000000001") == 0.3)
        #expect(double("123456789012345678901234") == 123456789012345678901234.0)
    }

    @Test func rejectsWhatDoubleStringWouldAccept() {
        for bad in ["nan", "NaN", "inf", "-inf", "infinity", "0x1p3", "$0.40", " 0.5", "0.5 ", "", "-", "1e", "1e+", "1.2.3", "1,5", "e5", "."] {
            #expect(double(bad) == nil, "\(bad) must be rejected")
        }
        #expect(DecimalNumber.parseDouble(Array("1e400".utf8)) == .failure(.outOfRange))
    }

    /// The evals loader's shortcut gives the general parser's bits, and its verdict, on every form.
    @Test func thePlainShortcutGivesTheSameBitsAsTheGeneralParser() {
        var forms = ["0", "0.0", "1", "1.", ".5", "0.4555", "687", "1115.25", "0.1", "0.7", "0.30000000000000004",
                     "9007199254740993", "9007199254740992.5", "12345678901234567890", "0.0000000000000000000001",
                     "00000000000000000001.5", "", ".", "..5", "1.2.3", "-0", "+1.5", "-0.25", "1e3", "0x10", "nan",
                     "inf", " 1", "1 ", "0.1234567890123456789", "99999999999999999999999"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let integer = state >> 40, fraction = (state >> 8) & 0xFFFFFF
            let width = Int(state & 7) + Int((state >> 3) & 15)
            forms.append("\(integer % (1 << UInt64(width % 24 + 1))).\(String(fraction).prefix(Int(state >> 60) + 1))")
        }
        for form in forms {
            let bytes = Array(form.utf8)
            let general = DecimalNumber.parseDouble(bytes)
            let plain = bytes.withUnsafeBufferPointer { DecimalNumber.parsePlainDouble($0) }
            switch (general, plain) {
            case (.success(let a), .success(let b)):
                #expect(a.bitPattern == b.bitPattern, "\(form)")
            case (.failure(let a), .failure(let b)):
                #expect(a == b, "\(form)")
            default:
                Issue.record("\(form): \(general) vs \(plain)")
            }
        }
        #expect(forms.count > 20_000)
    }

    @Test func integersAreIntegersOnly() {
        #expect(DecimalNumber.parseInt(Array("250".utf8)) == .success(250))
        #expect(DecimalNumber.parseInt(Array("-7".utf8)) == .success(-7))
        #expect(DecimalNumber.parseInt(Array("250.0".utf8)) == .failure(.notAnInteger))
        #expect(DecimalNumber.parseInt(Array("2.5e2".utf8)) == .failure(.notAnInteger))
        #expect(DecimalNumber.parseInt(Array("abc".utf8)) == .failure(.notANumber))
        #expect(DecimalNumber.parseInt(Array("99999999999999999999".utf8)) == .failure(.outOfRange))
    }
}
