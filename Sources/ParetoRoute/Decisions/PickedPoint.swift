/// A point `pick` chose, with what it breaks: a team deploys it without double-checking.
///
/// A front made under a baseline keeps unchanged intents on their cells even when those
/// break a floor or cap, so a point it holds may be infeasible. The failures come from
/// the front's own record of each cell's violations, or, when the data is at hand, from
/// evaluating the configuration on it.
public struct PickedPoint: Sendable {
    /// One intent the point breaks a floor or cap in.
    public struct Failure: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// What the cell breaks.
        public var violation: CellViolation
        /// The cell's mean quality.
        public var quality: Double
        /// The cell's P99 latency.
        public var p99LatencyMs: Double
        /// The intent's floor (NaN when the front does not record it).
        public var minQuality: Double
        /// The intent's P99 cap (NaN when the front does not record it).
        public var maxP99LatencyMs: Double
    }

    /// The point's index in ``Front/points`` (0-based; outputs number it `index + 1`).
    public var index: Int
    /// The point.
    public var point: FrontPoint
    /// Intents that break their floor or cap, in intent order.
    public var failures: [Failure]
    /// Global constraints the point breaks (only when judged on data).
    public var globalFailures: [String]

    /// Whether the point meets every floor, cap and global constraint.
    public var isFeasible: Bool { failures.isEmpty && globalFailures.isEmpty && (judgedOnData || point.isFeasible) }
    /// Whether the failures come from evaluating on data rather than from the front file.
    public var judgedOnData: Bool

    /// The point `index` of `front`, judged by the front's own record of its cells.
    public init(front: Front, index: Int) {
        self.index = index
        point = front.points[index]
        let floors = point.catalog.intents
        failures = point.intents.enumerated().filter { !$0.element.violations.isEmpty }.map { i, figures in
            Failure(intent: figures.intent, violation: figures.violations, quality: figures.quality, p99LatencyMs: figures.p99LatencyMs,
                    minQuality: i < floors.count ? floors[i].minQuality : .nan,
                    maxP99LatencyMs: i < floors.count ? floors[i].maxP99LatencyMs : .nan)
        }
        globalFailures = []
        judgedOnData = false
    }

    /// The point `index` of `front`, judged on `table` under `constraints` (the front's own,
    /// typically). Fails when the data lacks a cell the point uses.
    /// - Throws: ``DataError`` naming `file` when the data lacks a cell the point uses.
    public init(front: Front, index: Int, table: CellTable, constraints: GlobalConstraints, file: String) throws {
        self.index = index
        point = front.points[index]
        let evaluation = table.evaluate(try table.choice(of: point.configuration, file: file), constraints: constraints)
        failures = evaluation.perIntent.filter { !$0.violation.isEmpty }.map { figures in
            Failure(intent: figures.intent, violation: figures.violation, quality: figures.quality, p99LatencyMs: figures.p99LatencyMs,
                    minQuality: figures.minQuality, maxP99LatencyMs: figures.maxP99LatencyMs)
        }
        globalFailures = evaluation.globalFailures
        judgedOnData = true
    }

    /// What one failure breaks, in words: `p99 5762 ms above the 5000 ms cap`.
    public static func describe(_ failure: Failure) -> String {
        var parts: [String] = []
        if failure.violation.contains(.qualityBelowFloor) {
            parts.append("quality \(formatQuality(failure.quality)) below the \(failure.minQuality.isFinite ? formatQuality(failure.minQuality) + " " : "")floor")
        }
        if failure.violation.contains(.latencyAboveCap) {
            let cap = failure.maxP99LatencyMs.isFinite ? formatFixed(failure.maxP99LatencyMs, decimals: 0) + " ms " : ""
            parts.append("p99 \(formatFixed(failure.p99LatencyMs, decimals: 0)) ms above the \(cap)cap")
        }
        return parts.joined(separator: ", ")
    }

    /// `NOT feasible: escalation: p99 5762 ms above the 5000 ms cap; …`, or nil when feasible.
    public var verdict: String? {
        guard !isFeasible else { return nil }
        let parts = failures.map { "\($0.intent): \(PickedPoint.describe($0))" } + globalFailures
        return "NOT feasible: " + (parts.isEmpty ? "the front marks it infeasible" : parts.joined(separator: "; "))
    }

    /// The configuration JSON (its `intents` at the top level, so the output is a deployable
    /// configuration `check` reads) plus `found`, `point` (its `number` from 1, as the text
    /// says `#717`), `feasible` and `failures`.
    public var json: JSONValue {
        var members = point.configuration.json.members ?? []
        members.append(("found", .bool(true)))
        members.append(("point", .object([
            ("number", .number(Double(index + 1))),
            ("monthly_cost_usd", .number(point.monthlyCostUSD)),
            ("quality", .number(point.quality)),
            ("quality_standard_error", point.qualityStandardError.map { .number($0) } ?? .null),
            ("fixed_fees_usd", .number(point.fixedFeesUSD)),
        ])))
        members.append(("feasible", .bool(isFeasible)))
        members.append(("failures", .array(failures.map { failure in
            .object([
                ("intent", .string(failure.intent)),
                ("failures", .array(failure.violation.labels.map { .string($0) })),
                ("quality", .number(failure.quality)),
                ("min_quality", .number(failure.minQuality)),
                ("p99_latency_ms", .number(failure.p99LatencyMs)),
                ("max_p99_latency_ms", .number(failure.maxP99LatencyMs)),
            ])
        } + globalFailures.map { .object([("global", .string($0))]) })))
        return .object(members)
    }

    /// The answer when nothing meets the request: `{"found": false, "reason", "nearest"}`.
    public static func unmetJSON(reason: String, nearest: PickedPoint) -> JSONValue {
        .object([("found", .bool(false)), ("reason", .string(reason)), ("nearest", nearest.json)])
    }
}
