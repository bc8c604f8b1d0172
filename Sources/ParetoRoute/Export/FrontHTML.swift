import Foundation

/// The front as one self-contained, interactive HTML page for the people who choose a
/// budget point without running the tool (a product owner, finance).
///
/// Everything is inline — style, script and data — so the file opens from disk in any
/// browser with no network. The page plots the front, answers a budget by the same rule
/// as ``FrontPicker/pick(_:from:)`` over every point, shows any point's per-intent
/// settings and what changes from its neighbours, places a marked configuration with its
/// feasibility and dominators, and keeps its state in the URL (`#budget=20000`,
/// `#point=12`, 1-based like the CLI's `#12`).
///
/// The data is embedded compactly, like front format 2: per intent the distinct cells the
/// front uses, per point one cell index per intent (base64 bytes), and the point figures
/// as base64 little-endian doubles, so a front of 287 K points × 40 intents stays a page
/// a browser loads. Above ``plotPointLimit`` points the plot is thinned (the page says
/// so); budget answers, the table and point details always use every point.
public enum FrontHTML {
    /// A configuration placed on the report (e.g. production), with its evaluation.
    public struct Mark: Sendable {
        /// The label shown next to the mark (usually the file name).
        public var label: String
        /// The configuration's figures on the data the front was made from.
        public var evaluation: ConfigurationEvaluation

        /// Creates a mark.
        public init(label: String, evaluation: ConfigurationEvaluation) {
            self.label = label
            self.evaluation = evaluation
        }
    }

    /// Above this many points the plot draws an evenly thinned subset (plus the knee,
    /// the budget answer and the selected point); everything else uses all points.
    public static let plotPointLimit = 20_000

    /// The format tag of the embedded data, so a future page can tell old data apart.
    public static let dataFormat = "paretoroute.report/1"

    /// Renders the page. `z` sets the error bars' half-length in standard errors; `logCost`
    /// opens the plot with a log cost axis (the reader can switch).
    /// - Complexity: O(points × intents), one pass to index the cells.
    public static func render(_ front: Front, mark: Mark? = nil, z: Double = 1.96, logCost: Bool = false) -> String {
        let payload = embeddedData(front, mark: mark, z: z, logCost: logCost)
        // The columns are base64 (no `<`), each in its own inert script element: megabytes
        // of text that need neither JSON escaping nor parsing.
        let columns = payload.columns.map { "<script type=\"text/plain\" id=\"column-\($0.name)\">\($0.base64)</script>" }.joined(separator: "\n")
        let title = "ParetoRoute front (\(front.method.rawValue)): \(front.points.count) points"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="paretoroute \(escapeMarkup(ToolVersion.current))">
            <title>\(escapeMarkup(title))</title>
            <style>
            \(FrontHTMLAssets.style)
            </style>
            </head>
            <body>
            \(FrontHTMLAssets.body)
            <script type="application/json" id="front-data">\(scriptSafe(payload.json.compact()))</script>
            \(columns)
            <script>
            \(FrontHTMLAssets.script)
            </script>
            </body>
            </html>

            """
    }

    /// The data the page's script reads: a small JSON document and the per-point columns.
    public struct Payload: Sendable {
        /// Everything but the columns (`<script type="application/json" id="front-data">`).
        public var json: JSONValue
        /// Base64 columns (`<script type="text/plain" id="column-NAME">`), one value per point
        /// (`point_cells`: one per point and intent).
        public var columns: [(name: String, base64: String)]
    }

    /// The page's data.
    ///
    /// `cells[j]` lists intent `j`'s distinct cells as the front's catalog holds them,
    /// each `[label, model, max_tokens, temperature, rag_chunks, monthly_cost_usd, quality,
    /// p99_latency_ms, quality_standard_error, weight_share, temperature as JSON text]`;
    /// the column `point_cells` holds point `i`'s cell of intent `j` at `i × intents + j`,
    /// in `index_bytes` little-endian bytes each; the figures are little-endian doubles.
    /// - Complexity: O(points × intents).
    public static func embeddedData(_ front: Front, mark: Mark?, z: Double, logCost: Bool = false) -> Payload {
        let points = front.points
        let intentNames = front.intents.map(\.name)
        let cells = front.catalog.cells
        var indices: [Int] = []
        indices.reserveCapacity(points.count * intentNames.count)
        for point in points { indices += point.cells.map(Int.init) }
        let largest = cells.map(\.count).max() ?? 0
        let indexBytes = largest <= 256 ? 1 : largest <= 65_536 ? 2 : 4
        var members: [(String, JSONValue)] = [
            ("format", .string(dataFormat)),
            ("tool_version", .string(ToolVersion.current)),
            ("method", .string(front.method.rawValue)),
            ("data_fingerprint", .string(front.dataFingerprint)),
            ("point_count", .number(Double(points.count))),
            ("knee_point", front.kneeIndex.map { .number(Double($0 + 1)) } ?? .null),
            ("hypervolume", .number(front.hypervolume)),
            ("reference_point", .array([.number(front.referencePoint.cost), .number(front.referencePoint.quality)])),
            ("z", .number(z)),
            ("log_cost", .bool(logCost)),
            ("plot_point_limit", .number(Double(plotPointLimit))),
            ("assumptions", .array(front.assumptions.map { .string($0) })),
            ("settings", .object(front.settings.json)),
            ("statistics", .object(front.statistics.json)),
            ("intents", .array(intentNames.map { .string($0) })),
            ("cells", .array(cells.map { list in .array(list.map(cellJSON)) })),
            ("index_bytes", .number(Double(indexBytes))),
        ]
        if let mark {
            var evaluation = mark.evaluation.json.members ?? []
            evaluation.insert(("label", .string(mark.label)), at: 0)
            members.append(("mark", .object(evaluation)))
        } else {
            members.append(("mark", .null))
        }
        let columns: [(name: String, base64: String)] = [
            ("point_cells", base64(indices: indices, width: indexBytes)),
            ("monthly_cost_usd", base64(points.map(\.monthlyCostUSD))),
            ("quality", base64(points.map(\.quality))),
            ("quality_standard_error", base64(points.map { $0.qualityStandardError ?? .nan })),
            ("fixed_fees_usd", base64(points.map(\.fixedFeesUSD))),
            ("feasible", Data(points.map { $0.isFeasible ? 1 : 0 }).base64EncodedString()),
        ]
        return Payload(json: .object(members), columns: columns)
    }

    private static func cellJSON(_ figures: FrontCell) -> JSONValue {
        // A route shows as its description and its low setting's knobs (the download carries both).
        let low = figures.option.settings[0]
        return .array([
            .string(figures.option.description), .string(figures.option.knobTexts.model),
            .number(Double(low.maxTokens)), .number(low.temperature),
            .number(Double(low.ragChunks)), .number(figures.monthlyCostUSD), .number(figures.quality),
            .number(figures.p99LatencyMs), figures.qualityStandardError.map { .number($0) } ?? .null, .number(figures.weightShare),
            .string(JSONValue.format(low.temperature)),
        ])
    }

    /// Doubles as base64 of their little-endian IEEE 754 bytes (exact, unlike decimal text
    /// it is also 3× smaller for long fractions).
    static func base64(_ values: [Double]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// Non-negative integers as base64 of `width`-byte little-endian words.
    static func base64(indices: [Int], width: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(indices.count * width)
        for index in indices {
            for shift in 0..<width { bytes.append(UInt8(truncatingIfNeeded: index >> (8 * shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// JSON text safe inside `<script>`: `<` only occurs in strings, where `\u003c` means the same.
    static func scriptSafe(_ json: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(json.utf8.count)
        for byte in json.utf8 {
            if byte == UInt8(ascii: "<") { bytes += Array("\\u003c".utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
