/// Why reading the data or a user's file failed, with where and what was expected.
///
/// Every error the loader raises names the file, the 1-based line (the header is
/// line 1) and the column, so a user can jump straight to the defect. The CLI maps
/// the ``Kind`` to an exit status.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure; it decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// The content is wrong (exit 65).
        case badData
        /// A file or directory does not exist (exit 66).
        case missingInput
        /// An existing file could not be read (exit 74).
        case readFailure
        /// An output file could not be written (exit 73).
        case writeFailure
        /// The request does not fit the data: a flag names an unknown model or intent,
        /// or needs another flag (exit 64, a usage error).
        case badRequest
    }

    /// The class of failure.
    public var kind: Kind
    /// The file as the user named it (relative to the data directory for data files).
    public var file: String
    /// The 1-based line, when the failure sits on one.
    public var line: Int?
    /// The column or JSON field, when the failure sits in one.
    public var field: String?
    /// What was wrong and what was expected, in one sentence.
    public var message: String

    /// Creates an error; `line` and `field` are optional because some failures concern a whole file.
    public init(_ kind: Kind = .badData, file: String, line: Int? = nil, field: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// One line: `file:line: column 'x': message` (`field 'x'` for files that are not CSV).
    ///
    /// Input text quoted in the message can hold line breaks or a megabyte of bytes;
    /// control characters are escaped and an overlong message keeps its start and its
    /// end (where the expectation is), so the error stays one readable line.
    public var description: String {
        var text = DataError.oneLine(file)
        if let line { text += ":\(line)" }
        text += ": "
        // A CSV has columns; a JSON file (configuration, front) has fields.
        if let field { text += (file.hasSuffix(".csv") ? "column" : "field") + " '\(DataError.oneLine(field))': " }
        return text + DataError.oneLine(message)
    }

    /// `text` with control characters escaped, cut in the middle beyond 600 characters.
    package static func oneLine(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        // Counted in scalars, not characters: a letter with a megabyte of combining marks is one character.
        let scalars = escaped.unicodeScalars
        guard scalars.count > 600 else { return escaped }
        var cut = String.UnicodeScalarView(scalars.prefix(300))
        cut.append(contentsOf: " … ".unicodeScalars)
        cut.append(contentsOf: scalars.suffix(250))
        return String(cut)
    }
}
