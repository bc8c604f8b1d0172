/// The front file: `paretoroute.front/1`, documented in the README.
///
/// Keys are written in a fixed order and numbers in their shortest round-trip form,
/// so the same data, settings and seed give byte-identical files.
extension Front {
    /// The front as a JSON document.
    public var json: JSONValue {
        let reference = referencePoint
        return .object([
            ("format", .string(Front.format)),
            ("method", .string(method.rawValue)),
            ("data_fingerprint", .string(dataFingerprint)),
            ("objectives", .array([
                .object([("name", .string("monthly_cost_usd")), ("sense", .string("minimize"))]),
                .object([("name", .string("quality")), ("sense", .string("maximize"))]),
            ])),
            ("settings", .object(settings)),
            ("statistics", .object(statistics)),
            ("reference_point", .object([("monthly_cost_usd", .number(reference.cost)), ("quality", .number(reference.quality))])),
            ("hypervolume", .number(hypervolume)),
            ("knee_index", kneeIndex.map { .number(Double($0)) } ?? .null),
            ("point_count", .number(Double(points.count))),
            ("points", .array(points.map(\.json))),
        ])
    }

    /// Reads a front file, checking its format tag and every point.
    public static func load(path: String) throws -> Front {
        try Front(json: JSONFile.read(path: path), file: path)
    }

    /// Reads a front document; `file` names the source in errors.
    public init(json: JSONValue, file: String) throws {
        guard let format = json["format"]?.string else {
            throw DataError(file: file, field: "format", "missing; expected \"\(Front.format)\" (is this a front file?)")
        }
        guard format == Front.format else {
            throw DataError(file: file, field: "format", "'\(format)' is not supported; expected \"\(Front.format)\"")
        }
        guard let methodName = json["method"]?.string, let method = Method(rawValue: methodName) else {
            throw DataError(file: file, field: "method", "missing or unknown; expected \"nsga2\" or \"exact\"")
        }
        guard let pointValues = json["points"]?.array else {
            throw DataError(file: file, field: "points", "missing or not an array")
        }
        var points: [FrontPoint] = []
        for (index, value) in pointValues.enumerated() {
            points.append(try FrontPoint(json: value, file: file, path: "points[\(index)]"))
        }
        self.init(method: method, dataFingerprint: json["data_fingerprint"]?.string ?? "",
                  settings: json["settings"]?.members ?? [], statistics: json["statistics"]?.members ?? [],
                  points: points)
    }
}

extension FrontPoint {
    /// The point as written in a front file.
    public var json: JSONValue {
        .object([
            ("monthly_cost_usd", .number(monthlyCostUSD)),
            ("quality", .number(quality)),
            ("quality_standard_error", .number(qualityStandardError)),
            ("fixed_fees_usd", .number(fixedFeesUSD)),
            ("feasible", .bool(isFeasible)),
            ("config", configuration.json),
            ("intents", .array(intents.map { figures in
                .object([
                    ("intent", .string(figures.intent)),
                    ("model", .string(figures.setting.model)),
                    ("max_tokens", .number(Double(figures.setting.maxTokens))),
                    ("temperature", .number(figures.setting.temperature)),
                    ("rag_chunks", .number(Double(figures.setting.ragChunks))),
                    ("monthly_cost_usd", .number(figures.monthlyCostUSD)),
                    ("quality", .number(figures.quality)),
                    ("p99_latency_ms", .number(figures.p99LatencyMs)),
                    ("quality_standard_error", .number(figures.qualityStandardError)),
                    ("weight_share", .number(figures.weightShare)),
                ])
            })),
        ])
    }

    /// Reads a point; its `config` is authoritative, `intents` supplies the figures.
    init(json: JSONValue, file: String, path: String) throws {
        guard let cost = json["monthly_cost_usd"]?.number, let quality = json["quality"]?.number else {
            throw DataError(file: file, field: path, "missing monthly_cost_usd or quality")
        }
        guard let config = json["config"] else {
            throw DataError(file: file, field: path + ".config", "missing; expected the point's configuration")
        }
        let configuration = try Configuration(json: config, file: file, fieldPrefix: path + ".config.")
        let figures = json["intents"]?.array ?? []
        var intents: [IntentFigures] = []
        for entry in configuration.entries {
            let match = figures.first { $0["intent"]?.string == entry.intent }
            intents.append(IntentFigures(
                intent: entry.intent, setting: entry.setting,
                monthlyCostUSD: match?["monthly_cost_usd"]?.number ?? 0, quality: match?["quality"]?.number ?? 0,
                p99LatencyMs: match?["p99_latency_ms"]?.number ?? 0,
                qualityStandardError: match?["quality_standard_error"]?.number ?? 0,
                weightShare: match?["weight_share"]?.number ?? 0))
        }
        self.init(monthlyCostUSD: cost, quality: quality, fixedFeesUSD: json["fixed_fees_usd"]?.number ?? 0,
                  isFeasible: json["feasible"] == .bool(true) || json["feasible"] == nil, intents: intents)
        qualityStandardError = json["quality_standard_error"]?.number ?? 0
    }
}
