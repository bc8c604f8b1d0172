@testable import ParetoRouteSynth
import Testing

@Suite struct FormattingTests {
    @Test func decimalTextRoundsAndTrimsWithoutLocale() {
        #expect(DecimalText.usd(3) == "3.00")
        #expect(DecimalText.usd(0.25) == "0.25")
        #expect(DecimalText.usd(0.075) == "0.075")
        #expect(DecimalText.usd(2000) == "2000.00")
        #expect(DecimalText.rate(0.45) == "0.45")
        #expect(DecimalText.rate(0) == "0.00")
        #expect(DecimalText.temperature(0.1) == "0.1")
        #expect(DecimalText.temperature(0) == "0.0")
        #expect(DecimalText.temperature(1) == "1.0")
        #expect(DecimalText.temperature(0.25) == "0.25")
        #expect(DecimalText.format(5000, minDecimals: 0, maxDecimals: 3) == "5000")
        #expect(DecimalText.format(-1.5, minDecimals: 0, maxDecimals: 0) == "-2")
        #expect(DecimalText.format(-0.00001, minDecimals: 1, maxDecimals: 2) == "0.0")
        #expect(DecimalText.format(0.125, minDecimals: 0, maxDecimals: 2) == "0.13")
    }

    @Test func csvBufferWritesDigitsAndQuotesOnlyWhenNeeded() {
        var csv = CSVBuffer()
        csv.appendRecord(["plain", "a,b", "say \"hi\"", ""])
        csv.appendFixed(8734, decimals: 4)
        csv.appendComma()
        csv.appendFixed(10_000, decimals: 4)
        csv.appendComma()
        csv.appendFixed(5, decimals: 4)
        csv.appendComma()
        csv.appendInteger(0)
        csv.appendComma()
        csv.appendInteger(1_234_567)
        csv.appendComma()
        csv.appendInteger(-42)
        csv.appendNewline()
        #expect(String(decoding: csv.bytes, as: UTF8.self)
            == "plain,\"a,b\",\"say \"\"hi\"\"\",\n0.8734,1.0000,0.0005,0,1234567,-42\n")
    }

    @Test func fnv1a64MatchesTheReferenceVectors() {
        #expect(FNV1a64.hash([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_F739_67E8)
    }
}
