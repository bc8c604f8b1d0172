import Testing
@testable import ParetoRoute

@Suite struct CSVParserTests {
    /// Parses `text` fed in chunks of `chunk` bytes; returns (line, fields) per record.
    private func parse(_ text: String, chunk: Int = 1 << 20) throws -> [(Int, [String])] {
        var records: [(Int, [String])] = []
        var parser = CSVParser(file: "t.csv")
        let bytes = Array(text.utf8)
        var start = 0
        repeat {
            let end = min(bytes.count, start + chunk)
            try bytes[start..<end].withUnsafeBufferPointer { buffer in
                try parser.feed(buffer, isFinal: false) { record in
                    records.append((record.line, (0..<record.count).map { record.string(at: $0) ?? "?" }))
                }
            }
            start = end
        } while start < bytes.count
        try parser.feed(UnsafeBufferPointer(start: nil, count: 0), isFinal: true) { record in
            records.append((record.line, (0..<record.count).map { record.string(at: $0) ?? "?" }))
        }
        return records
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func quotingLineEndsAndBOMInAnyChunking(chunk: Int) throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\n\"multi\nline\",,\"\"\r\nlast,row,end"
        let records = try parse(text, chunk: chunk)
        #expect(records.count == 4)
        #expect(records[0].1 == ["a", "b", "c"])
        #expect(records[1].0 == 2)
        #expect(records[1].1 == ["1", "x, \"y\"", "3"])
        #expect(records[2].0 == 4)
        #expect(records[2].1 == ["multi\nline", "", ""])
        #expect(records[3].0 == 6)
        #expect(records[3].1 == ["last", "row", "end"])
    }

    @Test func loneCarriageReturnsEndLines() throws {
        let records = try parse("a\rb\rc")
        #expect(records.map(\.0) == [1, 2, 3])
    }

    @Test func unterminatedQuoteNamesTheLineItStarted() {
        #expect(throws: DataError(file: "t.csv", line: 2, "unterminated quoted field (started on this line); expected a closing quote")) {
            _ = try parse("a,b\n\"open,\n\n")
        }
    }

    @Test func strayQuoteAndTextAfterClosingQuoteAreErrors() {
        #expect(throws: DataError.self) { _ = try parse("a,b\nx\"y,1\n") }
        #expect(throws: DataError.self) { _ = try parse("a,b\n\"x\"y,1\n") }
    }

    @Test func tooManyFieldsIsAnError() {
        let line = String(repeating: ",", count: CSVParser.maxFields)
        #expect(throws: DataError.self) { _ = try parse(line + "\n") }
        // Exactly the maximum is fine.
        #expect(throws: Never.self) { _ = try parse(String(repeating: ",", count: CSVParser.maxFields - 1) + "\n") }
    }

    @Test func overlongFieldIsAnError() {
        let field = String(repeating: "x", count: CSVParser.maxFieldBytes + 1)
        #expect(throws: DataError.self) { _ = try parse("a\n" + field + "\n") }
    }
}
