/// The front file, `paretoroute.front/2` (documented in docs/front-file.md).
///
/// Keys come in a fixed order and numbers in their shortest round-trip form, so the same
/// data, settings, seed and tool version give byte-identical files. The file is written
/// in chunks as it is produced: a 287 K-point front never exists as one string.
extension Front {
    /// Writes the front file to `sink` in chunks of about 1 MiB.
    ///
    /// - Complexity: O(points × intents + cells); memory O(chunk + cells).
    /// - Throws: whatever `sink` throws (``OutputTarget`` throws ``DataError`` of kind `.writeFailure`).
    public func writeJSON(to sink: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(sink) { sink in try write(to: ChunkedOutput(sink: sink)) }
    }

    private func write(to output: ChunkedOutput) throws {
        var out = output
        let reference = referencePoint
        func header(_ key: String, _ value: JSONValue) throws {
            var text = "  "
            JSONValue.string(key).write(to: &text, indent: nil)
            text += ": "
            value.write(to: &text, indent: 1)
            text += ",\n"
            try out.append(text)
        }
        try out.append("{\n")
        try header("format", .string(Front.format))
        try header("method", .string(method.rawValue))
        try header("tool_version", .string(toolVersion))
        try header("data_fingerprint", .string(dataFingerprint))
        try header("objectives", .array([
            .object([("name", .string("monthly_cost_usd")), ("sense", .string("minimize"))]),
            .object([("name", .string("quality")), ("sense", .string("maximize"))]),
        ]))
        try header("settings", .object(settings.json))
        try header("statistics", .object(statistics.json))
        try header("reference_point", .object([("monthly_cost_usd", .number(reference.cost)), ("quality", .number(reference.quality))]))
        try header("hypervolume", .number(hypervolume))
        try header("knee_index", kneeIndex.map { .number(Double($0)) } ?? .null)
        try header("point_count", .number(Double(points.count)))
        try out.append("  \"intents\": [")
        for (i, intent) in catalog.intents.enumerated() {
            try out.append((i == 0 ? "\n    " : ",\n    ") + intent.json.compact())
        }
        try out.append(catalog.intents.isEmpty ? "],\n" : "\n  ],\n")
        try out.append("  \"cells\": [")
        for (i, cells) in catalog.cells.enumerated() {
            try out.append(i == 0 ? "\n    [" : ",\n    [")
            for (c, cell) in cells.enumerated() {
                try out.append((c == 0 ? "\n      " : ",\n      ") + cell.json.compact())
            }
            try out.append(cells.isEmpty ? "]" : "\n    ]")
        }
        try out.append(catalog.cells.isEmpty ? "],\n" : "\n  ],\n")
        try out.append("  \"points\": [")
        for (p, point) in points.enumerated() {
            try out.append(p == 0 ? "\n    " : ",\n    ")
            try out.appendPoint(point)
        }
        try out.append(points.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        try out.flush()
    }

    /// The front file as text (for small fronts and tests; files go through ``writeJSON(to:)``).
    public var jsonText: String {
        var bytes: [UInt8] = []
        // The sink only appends; it cannot fail.
        try? writeJSON { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension FrontIntent {
    /// The intent as written in a front file.
    var json: JSONValue {
        .object([
            ("name", .string(name)), ("min_quality", .number(minQuality)),
            ("max_p99_latency_ms", .number(maxP99LatencyMs)), ("weight", .number(weight)),
        ])
    }
}

extension FrontCell {
    /// The cell as written in a front file.
    var json: JSONValue {
        var violationNames: [JSONValue] = []
        if violations.contains(.qualityBelowFloor) { violationNames.append(.string("quality_below_floor")) }
        if violations.contains(.latencyAboveCap) { violationNames.append(.string("p99_above_cap")) }
        // A setting's four keys or `route`, as a configuration file spells the option.
        return .object((Configuration.json(of: option).members ?? []) + [
            ("monthly_cost_usd", .number(monthlyCostUSD)), ("quality", .number(quality)),
            ("quality_standard_error", qualityStandardError.map { .number($0) } ?? .null), ("p99_latency_ms", .number(p99LatencyMs)),
            ("weight_share", .number(weightShare)), ("violations", .array(violationNames)),
        ])
    }
}

/// Bytes collected up to a chunk, then handed to a sink.
private struct ChunkedOutput {
    static let chunk = 1 << 20
    let sink: ([UInt8]) throws -> Void
    var buffer: [UInt8] = []

    init(sink: @escaping ([UInt8]) throws -> Void) {
        self.sink = sink
        buffer.reserveCapacity(ChunkedOutput.chunk + 4_096)
    }

    mutating func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= ChunkedOutput.chunk { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// One point on one line: `{"monthly_cost_usd":…,"cells":[…]}`.
    mutating func appendPoint(_ point: FrontPoint) throws {
        buffer.append(contentsOf: #"{"monthly_cost_usd":"#.utf8)
        buffer.append(contentsOf: JSONValue.format(point.monthlyCostUSD).utf8)
        buffer.append(contentsOf: #","quality":"#.utf8)
        buffer.append(contentsOf: JSONValue.format(point.quality).utf8)
        buffer.append(contentsOf: #","quality_standard_error":"#.utf8)
        buffer.append(contentsOf: (point.qualityStandardError.map(JSONValue.format) ?? "null").utf8)
        buffer.append(contentsOf: #","fixed_fees_usd":"#.utf8)
        buffer.append(contentsOf: JSONValue.format(point.fixedFeesUSD).utf8)
        buffer.append(contentsOf: (point.isFeasible ? #","feasible":true,"cells":["# : #","feasible":false,"cells":["#).utf8)
        for (i, cell) in point.cells.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendDigits(Int(cell))
        }
        buffer.append(contentsOf: "]}".utf8)
        if buffer.count >= ChunkedOutput.chunk { try flush() }
    }

    private mutating func appendDigits(_ value: Int) {
        if value < 10 {
            buffer.append(UInt8(48 + value))
            return
        }
        let start = buffer.count
        var rest = value
        while rest > 0 {
            buffer.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        buffer[start...].reverse()
    }
}
