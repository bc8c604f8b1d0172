/// `check`, whole: a configuration evaluated, compared with a front (dominance beyond
/// noise, the headline moves), its one- and two-intent moves and its feasibility repair,
/// the thin intents, and the deployment gate.
///
/// The CLI only prints ``text(width:)`` or ``json`` and exits by ``failsGate(ifDominated:ifInfeasible:)``,
/// so a library user gets `check --json` byte for byte (`LibraryMatchesCLITests`).
public struct ConfigurationCheck: Sendable {
    /// Which front the check's point numbers (`#12`) refer to.
    public enum FrontOrigin: Sendable, Hashable {
        /// The exact front of the data directory, computed for this check.
        case computed(dataDirectory: String)
        /// A saved front file.
        case file(String)
    }

    /// The configuration's figures, dominance and headline moves.
    public var dominance: DominanceCheck
    /// The best moves changing one intent and two intents (nil: none improves on it).
    public var moves: [LimitedMove?]
    /// The cheapest feasible repair, when the configuration is not feasible.
    public var repair: FeasibilityRepair?
    /// The front compared with; point numbers are `index + 1` into its points.
    public var front: Front
    /// Where ``front`` comes from.
    public var origin: FrontOrigin
    /// "judged under the assumptions of FRONT.json: …" for a saved front, else nil.
    public var assumptions: String?
    /// The minimum sample count of the scope, when one was asked for.
    public var minimumSamples: Int?
    /// Intents whose cell has fewer samples than ``minimumSamples``: name, setting, samples.
    public var thinIntents: [(intent: String, option: IntentOption, samples: Int)]
    /// The routed intents of the configuration, with A8's answers (``RouteAnalysis``).
    public var routes: [RouteAnalysis] = []

    /// The configuration's figures.
    public var evaluation: ConfigurationEvaluation { dominance.evaluation }

    /// Whether a deployment gate fails: dominated when `ifDominated`, infeasible (a floor,
    /// a cap or a global constraint broken) when `ifInfeasible`. The CLI exits 3 then.
    public func failsGate(ifDominated: Bool, ifInfeasible: Bool) -> Bool {
        (ifDominated && dominance.isDominated) || (ifInfeasible && !evaluation.isFeasible)
    }

    /// Checks `configuration` against a given front on `table` (the data as that front
    /// saw it), under `constraints` and `scope`; `file` names the configuration in errors.
    ///
    /// - Parameter confidence: the noise margin of "dominated beyond noise", in (0, 1).
    /// - Throws: ``RequestError`` on ``RequestError/Option/confidence`` out of range;
    ///   ``DataError`` when the configuration names an intent or cell the data lacks;
    ///   ``RequestError`` when the scope does not fit the data.
    public init(configuration: Configuration, file: String, table: CellTable, front: Front, origin: FrontOrigin,
                constraints: GlobalConstraints = GlobalConstraints(), scope: Scope = Scope(),
                confidence: Double = 0.95, assumptions: String? = nil) throws {
        try ConfidenceLevel.check(confidence)
        let table = try table.listingRoutes(of: configuration, file: file)
        let choice = try table.choice(of: configuration, file: file)
        routes = choice.indices.compactMap { RouteAnalysis.of(table, intent: $0, option: choice[$0]) }
        let evaluation = table.evaluate(choice, constraints: constraints)
        dominance = DominanceCheck(evaluation: evaluation, front: front, confidence: confidence)
        moves = try LimitedMove.headline(from: choice, table: table, constraints: constraints, scope: scope)
        repair = try FeasibilityRepair.find(for: choice, table: table, constraints: constraints, scope: scope)
        self.front = front
        self.origin = origin
        self.assumptions = assumptions
        minimumSamples = scope.minimumSamples
        thinIntents = scope.thinIntents(of: choice, table: table).map { i in
            let option = table.option(intent: i, index: choice[i])
            return (table.intents[i].name, option.option, option.sampleCount)
        }
    }

    /// Checks `configuration` against the exact front of `data` under `request` (its
    /// what-if, scope and constraints; the constraints judge the configuration too).
    ///
    /// - Returns: the check and the front run, whose front is the one the numbers refer to
    ///   (save it with ``Front/writeJSON(to:)`` so that `#12` can be found again).
    /// - Throws: as ``init(configuration:file:table:front:origin:constraints:scope:confidence:assumptions:)``,
    ///   and ``RequestError`` when the request does not fit the data.
    public static func againstExactFront(of data: CellTable, dataDirectory: String, configuration: Configuration, file: String,
                                         request: FrontRequest = FrontRequest(), confidence: Double = 0.95) throws -> (check: ConfigurationCheck, run: FrontRun) {
        try ConfidenceLevel.check(confidence)
        var frontRequest = request
        frontRequest.constraints = GlobalConstraints()
        let run = try FrontRun.exact(data, request: frontRequest)
        let check = try ConfigurationCheck(configuration: configuration, file: file, table: run.table, front: run.front,
                                           origin: .computed(dataDirectory: dataDirectory),
                                           constraints: request.constraints, scope: request.scope, confidence: confidence)
        return (check, run)
    }

    /// Checks `configuration` against a saved front and its data, read together
    /// (``FrontWithData``): judged under the front's own what-if, confidence, constraints
    /// and models, whatever the caller would have asked.
    /// - Throws: as ``init(configuration:file:table:front:origin:constraints:scope:confidence:assumptions:)``.
    public static func against(_ loaded: FrontWithData, frontPath: String, configuration: Configuration, file: String,
                               confidence: Double = 0.95) throws -> ConfigurationCheck {
        let front = loaded.front
        let settings = front.settings
        let phrases = front.assumptions.filter { !$0.hasPrefix("baseline") && !$0.hasPrefix("pinned") && !$0.hasPrefix("capped") }
        let assumptions = "judged under the assumptions of \(frontPath): " + (phrases.isEmpty ? "the data as measured" : phrases.joined(separator: "; "))
        return try ConfigurationCheck(configuration: configuration, file: file, table: loaded.table, front: front,
                                      origin: .file(frontPath), constraints: settings.constraints, scope: settings.modelScope,
                                      confidence: confidence, assumptions: assumptions)
    }

    // MARK: - Output

    /// Which front `#N` refers to, in words: `the exact front of GoldenData computed for
    /// this check (3514 points, not saved)`; `savedAs` names the file it was written to.
    public func frontDescription(savedAs: String? = nil) -> String {
        let count = "\(front.points.count) point\(front.points.count == 1 ? "" : "s")"
        switch origin {
        case .computed(let directory):
            return "the exact front of \(directory) computed for this check (\(count), \(savedAs.map { "saved as " + $0 } ?? "not saved"))"
        case .file(let path):
            return "\(path) (\(front.method.rawValue) front, \(count))"
        }
    }

    /// The report `check` prints: assumptions, thin-intent notes, the evaluation, the
    /// repair, the verdict, the dominators, the moves and the cheaper configuration.
    /// Lines are wrapped to `width` (nil: as long as they are).
    public func text(width: Int? = nil, savedAs: String? = nil) -> String {
        var head = assumptions.map { $0 + "\n" } ?? ""
        for thin in thinIntents {
            head += wrapLines("note: \(thin.intent) runs \(thin.option) on \(thin.samples) sample\(thin.samples == 1 ? "" : "s"), fewer than the minimum of \(minimumSamples ?? 0); no move or repair uses such a cell\n", width: width)
        }
        let check = dominance
        var lines = [check.evaluation.text(width: width)]
        if let repair { lines.append(repair.text) }
        lines.append("point numbers (#) refer to " + frontDescription(savedAs: savedAs))
        let verdict = check.isDominated
            ? "DOMINATED by \(check.dominators.count) of the \(front.points.count) front points (\(front.method.rawValue) front)"
            : "not dominated by the \(front.points.count) front points (\(front.method.rawValue) front)"
        lines.append(verdict)
        let level = formatFixed(check.confidence * 100, decimals: 0) + "%"
        if check.isDominated {
            lines.append(check.isDominatedBeyondNoise
                ? "the domination survives the noise: \(check.dominatorsBeyondNoise.count) points are better even after discounting quality by its \(level) margin"
                : "but not beyond noise: at \(level) confidence no point is better once the quality difference is discounted by its standard error")
        }
        for i in check.shownDominators {
            let p = front.points[i]
            lines.append("  #\(i + 1): \(formatUSD(p.monthlyCostUSD))/month, quality \(formatQuality(p.quality))")
        }
        if let move = check.cheaperAtSameQuality {
            let p = front.points[move.index]
            lines.append("same quality for less: #\(move.index + 1) at \(formatUSD(p.monthlyCostUSD))/month (quality \(formatQuality(p.quality))) saves \(formatUSD(move.savingUSD))/month")
        }
        if let move = check.betterAtSameCost {
            let p = front.points[move.index]
            lines.append("more quality for the money: #\(move.index + 1) at \(formatUSD(p.monthlyCostUSD))/month reaches \(formatQuality(p.quality)) (+\(formatQuality(move.qualityGain)))")
        }
        for (k, move) in moves.enumerated() {
            let label = k == 0 ? "best move changing one intent" : "best move changing two intents"
            guard let move else {
                lines.append("\(label): none improves on it")
                continue
            }
            let what = move.changedIntents.map { name in
                let i = move.evaluation.perIntent.firstIndex { $0.intent == name } ?? 0
                return "\(name) → \(move.evaluation.perIntent[i].option)"
            }.joined(separator: ", ")
            let gain = move.savingUSD > 0 ? "saves \(formatUSD(move.savingUSD))/month (quality \(move.qualityGain >= 0 ? "+" : "")\(formatQuality(move.qualityGain)))"
                                          : "quality +\(formatQuality(move.qualityGain)) for \(formatUSD(-move.savingUSD)) more"
            lines.append("\(label): \(what): \(gain)\(move.evaluation.isFeasible ? "" : " (still NOT feasible)")")
        }
        if let move = check.cheaperAtSameQuality {
            lines.append("")
            lines.append(FrontText.describe(front.points[move.index], title: "the cheaper configuration (#\(move.index + 1))", width: width))
        }
        if !routes.isEmpty {
            lines.append("")
            lines.append("routed intents (design doc A8):")
            lines += routes.map { wrapLines($0.text, width: width) }
        }
        return head + lines.joined(separator: "\n") + "\n"
    }

    /// The whole result as one JSON object (`check --json`); points are numbered from 1
    /// (`number`), as in the text, and `front` says which front they belong to.
    public func json(savedAs: String? = nil) -> JSONValue {
        let check = dominance
        func point(_ i: Int) -> JSONValue {
            let p = front.points[i]
            return .object([("number", .number(Double(i + 1))), ("monthly_cost_usd", .number(p.monthlyCostUSD)),
                            ("quality", .number(p.quality)), ("config", p.configuration.json)])
        }
        let limitedMoves: [JSONValue] = moves.compactMap { $0 }.map { move in
            .object([
                ("max_changes", .number(Double(move.maxChanges))),
                ("changed_intents", .array(move.changedIntents.map { .string($0) })),
                ("monthly_cost_usd", .number(move.evaluation.monthlyCostUSD)),
                ("quality", .number(move.evaluation.quality)),
                ("monthly_saving_usd", .number(move.savingUSD)),
                ("quality_gain", .number(move.qualityGain)),
                ("feasible", .bool(move.evaluation.isFeasible)),
                ("config", Configuration(entries: move.evaluation.perIntent.map { ($0.intent, $0.option) }).json),
            ])
        }
        let frontJSON: JSONValue
        switch origin {
        case .computed(let directory):
            frontJSON = .object([("computed_from", .string(directory)), ("file", savedAs.map { .string($0) } ?? .null)])
        case .file(let path):
            frontJSON = .object([("computed_from", .null), ("file", .string(path))])
        }
        var members: [(String, JSONValue)] = [
            ("evaluation", check.evaluation.json),
            ("assumptions", assumptions.map { .string($0) } ?? .null),
            ("front", frontJSON),
            ("front_method", .string(front.method.rawValue)),
            ("front_points", .number(Double(front.points.count))),
            ("dominated", .bool(check.isDominated)),
            ("dominated_by_count", .number(Double(check.dominators.count))),
            ("dominated_beyond_noise", .bool(check.isDominatedBeyondNoise)),
            ("dominated_beyond_noise_count", .number(Double(check.dominatorsBeyondNoise.count))),
            ("confidence", .number(check.confidence)),
            ("dominated_by", .array(check.shownDominators.map(point))),
            ("cheaper_at_same_quality", check.cheaperAtSameQuality.map { move in
                .object([("point", point(move.index)), ("monthly_saving_usd", .number(move.savingUSD))])
            } ?? .null),
            ("better_at_same_cost", check.betterAtSameCost.map { move in
                .object([("point", point(move.index)), ("quality_gain", .number(move.qualityGain))])
            } ?? .null),
            ("limited_moves", .array(limitedMoves)),
            ("repair", repair?.json ?? .null),
        ]
        if !routes.isEmpty { members.append(("routes", .array(routes.map(\.json)))) }
        if minimumSamples != nil {
            members.append(("thin_intents", .array(thinIntents.map { .string($0.intent) })))
        }
        return .object(members)
    }
}
