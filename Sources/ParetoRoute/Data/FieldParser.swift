/// Reads typed fields of one CSV file and turns every defect into a ``DataError``.
struct FieldParser {
    let file: String
    let header: CSVHeader

    func text(_ record: CSVRecord, _ column: Int) throws -> String {
        guard let value = record.string(at: column) else {
            throw error(record, column, "is not valid UTF-8; expected text")
        }
        guard !value.isEmpty else { throw error(record, column, "is empty; expected a non-empty name") }
        return value
    }

    func double(_ record: CSVRecord, _ column: Int, expected: String, _ isValid: (Double) -> Bool) throws -> Double {
        let bytes = record[column]
        switch DecimalNumber.parseDouble(bytes) {
        case .success(let value) where isValid(value):
            return value
        case .success(let value):
            throw error(record, column, "value \(formatNumber(value)) is out of range; expected \(expected)")
        case .failure:
            throw error(record, column, "\(quoted(bytes)) is not a finite decimal number; expected \(expected)")
        }
    }

    /// A required number whose field may be empty: the empty field is recorded in `empty`
    /// (so the load can name every empty field at once) and read as 0.
    func fillableDouble(_ record: CSVRecord, _ column: Int, expected: String, subject: String,
                        empty: inout [DataError], _ isValid: (Double) -> Bool) throws -> Double {
        guard record[column].isEmpty else { return try double(record, column, expected: expected, isValid) }
        empty.append(error(record, column, "is empty; expected \(expected) for \(subject)"))
        return 0
    }

    func optionalDouble(_ record: CSVRecord, _ column: Int?, expected: String, _ isValid: (Double) -> Bool) throws -> Double? {
        guard let column, !record[column].isEmpty else { return nil }
        return try double(record, column, expected: expected, isValid)
    }

    func int(_ record: CSVRecord, _ column: Int, expected: String, _ isValid: (Int) -> Bool) throws -> Int {
        let bytes = record[column]
        switch DecimalNumber.parseInt(bytes) {
        case .success(let value) where isValid(value):
            return value
        case .success(let value):
            throw error(record, column, "value \(value) is out of range; expected \(expected)")
        case .failure(.notAnInteger):
            throw error(record, column, "\(quoted(bytes)) is not an integer; expected \(expected)")
        case .failure:
            throw error(record, column, "\(quoted(bytes)) is not an integer; expected \(expected)")
        }
    }

    /// An optional integer column: absent or empty reads as `fallback`.
    func optionalInt(_ record: CSVRecord, _ column: Int?, fallback: Int, expected: String, _ isValid: (Int) -> Bool) throws -> Int {
        guard let column, !record[column].isEmpty else { return fallback }
        return try int(record, column, expected: expected, isValid)
    }

    func error(_ record: CSVRecord, _ column: Int, _ message: String) -> DataError {
        DataError(file: file, line: record.line, field: header.names[column], message)
    }

    private func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.isEmpty { return "empty field" }
        let prefix = bytes.count > 40 ? UnsafeBufferPointer(rebasing: bytes[0..<40]) : bytes
        let text = String(decoding: prefix, as: UTF8.self)
        return "'\(text)\(bytes.count > 40 ? "…" : "")'"
    }
}
