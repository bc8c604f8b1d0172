/// Finds columns by header name, as the contract requires (any order, extras ignored).
package struct CSVHeader: Sendable {
    /// The header's names in file order.
    package let names: [String]
    private let file: String

    /// Reads the header record; names must be valid UTF-8 and unique.
    package init(_ record: CSVRecord, file: String) throws {
        var names: [String] = []
        for index in 0..<record.count {
            guard let name = record.string(at: index) else {
                throw DataError(file: file, line: record.line, field: "#\(index + 1)",
                                "header name is not valid UTF-8")
            }
            if names.contains(name) {
                throw DataError(file: file, line: record.line, field: name, "the column appears twice in the header")
            }
            names.append(name)
        }
        self.names = names
        self.file = file
    }

    /// The index of a required column.
    package func require(_ name: String) throws -> Int {
        guard let index = names.firstIndex(of: name) else {
            throw DataError(file: file, line: 1, field: name,
                            "required column is missing from the header (found: \(names.joined(separator: ", ")))")
        }
        return index
    }

    /// The index of an optional column, or `nil`.
    package func optional(_ name: String) -> Int? {
        names.firstIndex(of: name)
    }

    /// Fails unless `record` has exactly as many fields as the header.
    package func checkWidth(_ record: CSVRecord) throws {
        guard record.count != names.count else { return }
        let field = record.count < names.count ? names[record.count] : "#\(record.count)"
        throw DataError(file: file, line: record.line, field: field,
                        "expected \(names.count) fields as in the header, found \(record.count)")
    }
}
