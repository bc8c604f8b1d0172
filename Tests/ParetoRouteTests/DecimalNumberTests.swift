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

    @Test func integersAreIntegersOnly() {
        #expect(DecimalNumber.parseInt(Array("250".utf8)) == .success(250))
        #expect(DecimalNumber.parseInt(Array("-7".utf8)) == .success(-7))
        #expect(DecimalNumber.parseInt(Array("250.0".utf8)) == .failure(.notAnInteger))
        #expect(DecimalNumber.parseInt(Array("2.5e2".utf8)) == .failure(.notAnInteger))
        #expect(DecimalNumber.parseInt(Array("abc".utf8)) == .failure(.notANumber))
        #expect(DecimalNumber.parseInt(Array("99999999999999999999".utf8)) == .failure(.outOfRange))
    }
}
