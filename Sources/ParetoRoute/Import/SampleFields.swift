/// The setting figures a log may or may not carry, with the flags that fill gaps.
enum SampleFields {
    /// `max_tokens` from the log, else the flag; a flag contradicting the log is an error.
    static func maxTokens(_ logged: (value: JSONValue, path: String)?, options: ImportOptions, at location: SampleLocation) throws -> Int {
        let flag = options.maxTokens
        if let logged {
            guard let value = logged.value.nonNegativeInteger, value > 0 else {
                throw location.error(logged.path, "\(logged.value.quotedForMessage) is not a max_tokens; expected an integer > 0")
            }
            if let flag, flag != value {
                throw location.error(logged.path, "the log says max_tokens \(value) but \(options.name(.maxTokens)) says \(flag); expected that option only where the log has none")
            }
            return value
        }
        guard let flag else {
            throw location.error("", "the log sets no max_tokens; expected one, or \(options.name(.maxTokens)) for the value the eval ran with")
        }
        return flag
    }

    /// Temperature from the log, else the flag; a flag contradicting the log is an error.
    static func temperature(_ logged: (value: JSONValue, path: String)?, options: ImportOptions, at location: SampleLocation) throws -> Double {
        let flag = options.temperature
        if let logged {
            guard case .number(let value) = logged.value, value >= 0 else {
                throw location.error(logged.path, "\(logged.value.quotedForMessage) is not a temperature; expected a number >= 0")
            }
            if let flag, flag != value {
                throw location.error(logged.path, "the log says temperature \(formatNumber(value)) but \(options.name(.temperature)) says \(formatNumber(flag)); expected that option only where the log has none")
            }
            return value
        }
        guard let flag else {
            throw location.error("", "the log sets no temperature; expected one, or \(options.name(.temperature)) for the value the eval ran with")
        }
        return flag
    }

    /// The intent at a path (text) or the fixed one.
    static func intent(_ source: ImportOptions.Source<String>, options: ImportOptions, base: (String) -> JSONValue?, at location: SampleLocation) throws -> String {
        switch source {
        case .fixed(let name): return name
        case .field(let path):
            guard let value = path.value(in: base(path.root)) else {
                throw location.error(path.description, "is missing; expected the sample's intent (or another path or one intent: \(options.name(.intent)))")
            }
            guard let name = value.identifierText else {
                throw location.error(path.description, "\(value.quotedForMessage) is not an intent name; expected non-empty text")
            }
            return name
        }
    }

    /// The RAG chunk count at a path or the fixed one.
    static func ragChunks(options: ImportOptions, base: (String) -> JSONValue?, at location: SampleLocation) throws -> Int {
        switch options.ragChunks {
        case nil:
            throw location.error("", "no RAG chunk count; expected \(options.name(.ragChunks)) (0 without retrieval)")
        case .fixed(let count)?: return count
        case .field(let path)?:
            guard let value = path.value(in: base(path.root)) else {
                throw location.error(path.description, "is missing; expected the RAG chunk count (\(options.name(.ragChunks)))")
            }
            guard let count = value.nonNegativeIntegerOrDigits else {
                throw location.error(path.description, "\(value.quotedForMessage) is not a chunk count; expected an integer >= 0")
            }
            return count
        }
    }

    /// The quality of a score value.
    static func quality(_ value: JSONValue?, field: String, options: ImportOptions, at location: SampleLocation) throws -> Double {
        let scale = options.scoreScale
        guard let value else { throw location.error(field, "is missing; expected the sample's score") }
        guard let quality = ScoreScale.quality(of: value, scale: scale) else {
            throw location.error(field, "\(value.quotedForMessage) is not a score; \(ScoreScale.expectation(scale))\(scale == nil ? "" : " (\(options.name(.scoreScale)))")")
        }
        return quality
    }

    /// `YYYY-MM-DD` at the start of an ISO 8601 timestamp, or nil.
    static func date(_ timestamp: JSONValue?) -> String? {
        guard let text = timestamp?.string else { return nil }
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
