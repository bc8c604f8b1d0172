import Foundation

/// Reads front files of both formats, the points without a tree of every value.
///
/// A 287 K-point front holds 11 M cell indices; parsing them into a generic JSON tree
/// took seconds and gigabytes. The reader walks the top-level object itself, parses
/// every key but `points` generically (they are small), and reads each point's numbers
/// and cell indices straight into a ``FrontPoint``.
enum FrontFileReader {
    /// A point as read, before its cells are checked against the catalog.
    private struct RawPoint {
        var cost = Double.nan
        var quality = Double.nan
        var standardError: Double? = 0
        var fees = 0.0
        var feasible = true
        var cells: [Int32]?
        var other: [(String, JSONValue)] = []
    }

    /// Reads the front in `bytes`; `file` names the source in errors.
    static func read(_ bytes: [UInt8], file: String) throws -> Front {
        var parser = JSONParser(bytes: bytes, file: file)
        guard parser.peek() != nil else { throw DataError(file: file, line: 1, "the file is empty; expected a JSON document") }
        try parser.expect(UInt8(ascii: "{"), "expected a JSON object (is this a front file?)")
        var members: [(String, JSONValue)] = []
        var rawPoints: [RawPoint]?
        if !parser.consume(UInt8(ascii: "}")) {
            repeat {
                guard parser.peek() == UInt8(ascii: "\"") else { throw parser.error("expected a quoted key") }
                let key = try parser.parseString()
                if key == "points" ? rawPoints != nil : members.contains(where: { $0.0 == key }) {
                    throw parser.error("key '\(key)' appears twice")
                }
                try parser.expect(UInt8(ascii: ":"), "expected ':' after a key")
                if key == "points" {
                    // The writer puts `point_count` first: room for every point at once (no
                    // regrowth of a 16 MB array), bounded by what the file's size allows.
                    let count = members.first { $0.0 == "point_count" }?.1.number ?? 0
                    let hint = count >= 0 && count <= Double(bytes.count / 16) ? Int(count) : 0
                    rawPoints = try readPoints(&parser, capacity: hint)
                } else {
                    members.append((key, try parser.parseValue()))
                }
            } while parser.consume(UInt8(ascii: ","))
            try parser.expect(UInt8(ascii: "}"), "expected ',' or '}' in an object")
        }
        guard parser.peek() == nil else { throw parser.error("unexpected text after the JSON document") }
        let document = JSONValue.object(members)

        guard let format = document["format"]?.string else {
            throw DataError(file: file, field: "format", "missing; expected \"\(Front.format)\" (is this a front file?)")
        }
        guard format == Front.format || format == Front.format1 else {
            throw DataError(file: file, field: "format", "'\(format)' is not supported; expected \"\(Front.format)\" or \"\(Front.format1)\"")
        }
        guard let methodName = document["method"]?.string, let method = Front.Method(rawValue: methodName) else {
            throw DataError(file: file, field: "method", "missing or unknown; expected \"nsga2\" or \"exact\"")
        }
        guard let rawPoints else { throw DataError(file: file, field: "points", "missing; expected an array of points") }
        let settings = try FrontSettings(json: document["settings"] ?? .object([]), method: method, file: file)
        let statistics = try FrontStatistics(json: document["statistics"] ?? .object([]), method: method, file: file)
        let fingerprint = document["data_fingerprint"]?.string ?? ""
        let front: Front
        if format == Front.format1 {
            let points = try rawPoints.enumerated().map { try point1($1, file: file, path: "points[\($0)]") }
            let names = points.first?.catalog.intents.map(\.name)
            for (index, point) in points.enumerated() where point.catalog.intents.map(\.name) != names {
                throw DataError(file: file, field: "points[\(index)].config", "lists other intents than points[0]; expected the same intents in every point")
            }
            front = Front(method: method, dataFingerprint: fingerprint, settings: settings, statistics: statistics, points: points)
        } else {
            let catalog = try readCatalog(document, file: file)
            let points = try rawPoints.enumerated().map { index, raw in
                try point2(raw, catalog: catalog, file: file, index: index)
            }
            front = Front(method: method, toolVersion: document["tool_version"]?.string ?? "", dataFingerprint: fingerprint,
                          settings: settings, statistics: statistics, catalog: catalog, points: points)
        }
        if let count = document["point_count"]?.number, count != Double(front.points.count) {
            throw DataError(file: file, field: "point_count", "\(formatNumber(count)) but the file holds \(front.points.count) points")
        }
        return front
    }

    private static func readPoints(_ parser: inout JSONParser, capacity: Int) throws -> [RawPoint] {
        try parser.expect(UInt8(ascii: "["), "expected an array of points")
        var points: [RawPoint] = []
        points.reserveCapacity(capacity)
        if parser.consume(UInt8(ascii: "]")) { return points }
        var expectedCells = 64
        repeat {
            let point = try readPoint(&parser, index: points.count, expectedCells: expectedCells)
            expectedCells = point.cells?.count ?? expectedCells
            points.append(point)
        } while parser.consume(UInt8(ascii: ","))
        try parser.expect(UInt8(ascii: "]"), "expected ',' or ']' in the points")
        return points
    }

    /// The keys of a format-2 point, told apart by length (all differ) before a byte compare.
    private enum PointKey: Int {
        case cost, quality, standardError, fees, feasible, cells

        var name: StaticString {
            switch self {
            case .cost: return "monthly_cost_usd"
            case .quality: return "quality"
            case .standardError: return "quality_standard_error"
            case .fees: return "fixed_fees_usd"
            case .feasible: return "feasible"
            case .cells: return "cells"
            }
        }

        /// The key whose name is `bytes[range]`, if it is one.
        static func match(_ bytes: [UInt8], _ range: Range<Int>) -> PointKey? {
            let key: PointKey
            switch range.count {
            case 16: key = .cost
            case 7: key = .quality
            case 22: key = .standardError
            case 14: key = .fees
            case 8: key = .feasible
            case 5: key = .cells
            default: return nil
            }
            let name = key.name
            let equal = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                return memcmp(base + range.lowerBound, name.utf8Start, range.count) == 0
            }
            return equal ? key : nil
        }
    }

    private static func readPoint(_ parser: inout JSONParser, index: Int, expectedCells: Int) throws -> RawPoint {
        let file = parser.file
        // Built only for an error message: a string per point would cost a third of the read.
        var path: String { "points[\(index)]" }
        try parser.expect(UInt8(ascii: "{"), "expected a point object")
        var point = RawPoint()
        var seenKeys = 0
        var otherKeys: [String] = []
        func number(_ key: String) throws -> Double {
            // Numbers straight from the bytes.
            guard let byte = parser.peek(), byte == UInt8(ascii: "-") || (byte >= 48 && byte <= 57),
                  let value = try? parser.parseNumber() else {
                throw DataError(file: file, line: parser.line, field: "\(path).\(key)", "not a number")
            }
            return value
        }
        if !parser.consume(UInt8(ascii: "}")) {
            repeat {
                guard parser.peek() == UInt8(ascii: "\"") else { throw parser.error("expected a quoted key") }
                // A key without escapes is compared in place; anything else is parsed as a string.
                let start = parser.index + 1
                var end = start
                while end < parser.bytes.count, parser.bytes[end] != UInt8(ascii: "\""), parser.bytes[end] != UInt8(ascii: "\\"),
                      parser.bytes[end] >= 0x20 {
                    end += 1
                }
                var key: PointKey?
                var other = ""
                if end < parser.bytes.count, parser.bytes[end] == UInt8(ascii: "\""), let known = PointKey.match(parser.bytes, start..<end) {
                    key = known
                    parser.index = end + 1
                    guard seenKeys & (1 << known.rawValue) == 0 else { throw parser.error("key '\(known.name)' appears twice") }
                    seenKeys |= 1 << known.rawValue
                } else {
                    other = try parser.parseString()
                    let name = other
                    guard !otherKeys.contains(name) else { throw parser.error("key '\(name)' appears twice") }
                    otherKeys.append(name)
                }
                try parser.expect(UInt8(ascii: ":"), "expected ':' after a key")
                switch key {
                case .cost?: point.cost = try number("monthly_cost_usd")
                case .quality?: point.quality = try number("quality")
                case .standardError?:
                    // null: the mean of a cell it uses rests on fewer than 2 samples.
                    let unknown = try parser.peek() == UInt8(ascii: "n") && parser.parseValue() == .null
                    point.standardError = try unknown ? nil : number("quality_standard_error")
                case .fees?: point.fees = try number("fixed_fees_usd")
                case .feasible?:
                    guard case .bool(let flag) = try parser.parseValue() else {
                        throw DataError(file: file, line: parser.line, field: "\(path).feasible", "not true/false")
                    }
                    point.feasible = flag
                case .cells?: point.cells = try readIndices(&parser, index: index, expected: expectedCells)
                case nil: point.other.append((other, try parser.parseValue()))
                }
            } while parser.consume(UInt8(ascii: ","))
            try parser.expect(UInt8(ascii: "}"), "expected ',' or '}' in a point")
        }
        guard point.cost.isFinite, point.quality.isFinite else {
            throw DataError(file: file, line: parser.line, field: path, "missing monthly_cost_usd or quality")
        }
        return point
    }

    /// An array of small non-negative integers, digit by digit.
    /// `expected` sizes the array (the previous point's count), so no point carries spare room.
    private static func readIndices(_ parser: inout JSONParser, index: Int, expected: Int) throws -> [Int32] {
        try parser.expect(UInt8(ascii: "["), "expected an array of cell indices")
        var indices: [Int32] = []
        indices.reserveCapacity(expected)
        // Fast path for the writer's own form, `1,22,3]`: digits and commas, no spaces.
        let bytes = parser.bytes
        var position = parser.index
        bytes.withUnsafeBufferPointer { buffer in
            var value: Int32 = 0
            var digits = 0
            while position < buffer.count {
                let byte = buffer[position]
                if byte >= 48, byte <= 57, digits < 9 {
                    value = value * 10 + Int32(byte - 48)
                    digits += 1
                } else if byte == UInt8(ascii: ","), digits > 0 {
                    indices.append(value)
                    value = 0
                    digits = 0
                } else if byte == UInt8(ascii: "]"), digits > 0 {
                    indices.append(value)
                    position += 1
                    return
                } else {
                    break
                }
                position += 1
            }
            // Anything else (spaces, a bad index): back to the start, read by the careful loop below.
            indices.removeAll()
            position = parser.index
        }
        if position > parser.index {
            parser.index = position
            return indices
        }
        if parser.consume(UInt8(ascii: "]")) { return indices }
        repeat {
            parser.skipWhitespace()
            var value: Int32 = 0
            var digits = 0
            while parser.index < parser.bytes.count, case let byte = parser.bytes[parser.index], byte >= 48, byte <= 57 {
                guard digits < 9 else { break }
                value = value * 10 + Int32(byte - 48)
                digits += 1
                parser.index += 1
            }
            guard digits > 0, let next = parser.peek(), next == UInt8(ascii: ",") || next == UInt8(ascii: "]") else {
                throw DataError(file: parser.file, line: parser.line, field: "points[\(index)].cells[\(indices.count)]",
                                "not a cell index; expected an integer in [0, 999999999]")
            }
            indices.append(value)
        } while parser.consume(UInt8(ascii: ","))
        try parser.expect(UInt8(ascii: "]"), "expected ',' or ']' in the cell indices")
        return indices
    }

    private static func readCatalog(_ document: JSONValue, file: String) throws -> FrontCatalog {
        let reader = JSONFieldReader(file: file, prefix: "")
        guard let intentValues = document["intents"]?.array else {
            throw DataError(file: file, field: "intents", "missing or not an array; expected one object per intent")
        }
        let intents = try intentValues.enumerated().map { index, value in
            let field = "intents[\(index)]"
            return FrontIntent(name: try reader.string(value["name"], "\(field).name"),
                               minQuality: try reader.number(value, "\(field).min_quality", key: "min_quality"),
                               maxP99LatencyMs: try reader.number(value, "\(field).max_p99_latency_ms", key: "max_p99_latency_ms"),
                               weight: try reader.number(value, "\(field).weight", key: "weight"))
        }
        guard let cellLists = document["cells"]?.array, cellLists.count == intents.count else {
            throw DataError(file: file, field: "cells", "missing or not one array per intent; expected \(intents.count) arrays")
        }
        let cells = try cellLists.enumerated().map { i, list in
            guard let values = list.array else { throw DataError(file: file, field: "cells[\(i)]", "not an array of cells") }
            return try values.enumerated().map { c, value in
                let field = "cells[\(i)][\(c)]"
                let option = try Configuration.option(from: value, file: file, path: field)
                var violations: CellViolation = []
                for (v, name) in try reader.strings(value["violations"], "\(field).violations").enumerated() {
                    switch name {
                    case "quality_below_floor": violations.insert(.qualityBelowFloor)
                    case "p99_above_cap": violations.insert(.latencyAboveCap)
                    default:
                        throw reader.error("\(field).violations[\(v)]", "'\(name)' is unknown; expected \"quality_below_floor\" or \"p99_above_cap\"")
                    }
                }
                let standardError: Double? = value["quality_standard_error"] == .null ? nil
                    : try reader.number(value, "\(field).quality_standard_error", key: "quality_standard_error")
                return FrontCell(option: option,
                                 monthlyCostUSD: try reader.number(value, "\(field).monthly_cost_usd", key: "monthly_cost_usd"),
                                 quality: try reader.number(value, "\(field).quality", key: "quality"),
                                 qualityStandardError: standardError,
                                 p99LatencyMs: try reader.number(value, "\(field).p99_latency_ms", key: "p99_latency_ms"),
                                 weightShare: try reader.number(value, "\(field).weight_share", key: "weight_share"),
                                 violations: violations)
            }
        }
        return FrontCatalog(intents: intents, cells: cells)
    }

    private static func point2(_ raw: RawPoint, catalog: FrontCatalog, file: String, index: Int) throws -> FrontPoint {
        // Built only for an error message.
        var path: String { "points[\(index)]" }
        guard let cells = raw.cells, cells.count == catalog.intents.count else {
            throw DataError(file: file, field: path + ".cells", "missing or not one index per intent; expected \(catalog.intents.count) indices")
        }
        for (i, c) in cells.enumerated() where Int(c) >= catalog.cells[i].count {
            throw DataError(file: file, field: "\(path).cells[\(i)]", "\(c) is out of range; expected an index below \(catalog.cells[i].count)")
        }
        return FrontPoint(monthlyCostUSD: raw.cost, quality: raw.quality, qualityStandardError: raw.standardError,
                          fixedFeesUSD: raw.fees, isFeasible: raw.feasible, cells: cells, catalog: catalog)
    }

    /// A format-1 point: its `config` is authoritative, `intents` supplies the figures.
    /// Format 1 did not record the intents' floors, caps and weights: they read as NaN.
    private static func point1(_ raw: RawPoint, file: String, path: String) throws -> FrontPoint {
        let object = JSONValue.object(raw.other)
        guard let config = object["config"] else {
            throw DataError(file: file, field: path + ".config", "missing; expected the point's configuration")
        }
        let configuration = try Configuration(json: config, file: file, fieldPrefix: path + ".config.")
        let figures = object["intents"]?.array ?? []
        var intents: [FrontIntent] = []
        var cells: [[FrontCell]] = []
        for entry in configuration.entries {
            let match = figures.first { $0["intent"]?.string == entry.intent }
            intents.append(FrontIntent(name: entry.intent, minQuality: .nan, maxP99LatencyMs: .nan, weight: .nan))
            cells.append([FrontCell(option: entry.option, monthlyCostUSD: match?["monthly_cost_usd"]?.number ?? 0,
                                    quality: match?["quality"]?.number ?? 0,
                                    qualityStandardError: match?["quality_standard_error"]?.number ?? 0,
                                    p99LatencyMs: match?["p99_latency_ms"]?.number ?? 0,
                                    weightShare: match?["weight_share"]?.number ?? 0, violations: [])])
        }
        return FrontPoint(monthlyCostUSD: raw.cost, quality: raw.quality, qualityStandardError: raw.standardError,
                          fixedFeesUSD: raw.fees, isFeasible: raw.feasible,
                          cells: [Int32](repeating: 0, count: intents.count),
                          catalog: FrontCatalog(intents: intents, cells: cells))
    }
}

extension Front {
    /// Reads a front file of format 2 or 1, checking its format tag and every point.
    ///
    /// - Throws: ``DataError``: `.missingInput` (no file), `.readFailure`, or `.badData` naming
    ///   the field (not a regular file, not JSON, not a front, a point that does not add up).
    public static func load(path: String) throws -> Front {
        try FrontFileReader.read(JSONFile.bytes(path: path, limit: InputFile.Limit.unlimited), file: path)
    }

    /// Reads several front files at once, one thread each (a diff reads two 70 MB files);
    /// the first failure, in the order of `paths`, is thrown.
    /// - Throws: as ``load(path:)``, the first failure in the order of `paths`.
    public static func load(paths: [String]) throws -> [Front] {
        try parallelMap(count: paths.count) { i in Result { try Front.load(path: paths[i]) } }.map { try $0.get() }
    }

    /// Reads a front file's bytes; `file` names the source in errors.
    /// - Throws: ``DataError`` of kind `.badData` naming the field.
    public init(bytes: [UInt8], file: String) throws {
        self = try FrontFileReader.read(bytes, file: file)
    }
}
