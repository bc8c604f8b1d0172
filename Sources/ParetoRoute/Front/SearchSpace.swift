/// The cells each intent may use in a search, and why the others were left out.
///
/// Both solvers — the exact fold and NSGA-II — search this space, so they always
/// answer the same question. A cell is left out when it can never be part of a
/// feasible configuration (below its intent's floor, above its P99 cap) or when the
/// user ruled its model out.
public struct SearchSpace: Sendable {
    /// Per-intent counts of cells left out, by reason.
    public struct Pruning: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// Cells the data holds for the intent.
        public var cells: Int
        /// Cells below the quality floor.
        public var belowFloor: Int
        /// Cells above the P99 cap (and not below the floor).
        public var aboveCap: Int
        /// Cells of a model ruled out by the user.
        public var excludedModel: Int
        /// Cells left out because the intent is pinned to its baseline cell.
        public var pinned: Int
        /// Cells measured on fewer samples than ``Scope/minimumSamples``.
        public var tooFewSamples: Int = 0
        /// Cells left to search.
        public var candidates: Int
        /// Routes the table lists for the intent (see ``CellTable/routes``).
        public var routes: Int = 0
        /// Routes left to search: those of allowed models, with enough samples, meeting the floor and cap.
        public var routeCandidates: Int = 0
    }

    /// The data.
    public let table: CellTable
    /// Constraints on the whole configuration.
    public let constraints: GlobalConstraints
    /// Per intent, the indices of cells that may be chosen, ascending.
    public let candidates: [[Int]]
    /// Per intent, why cells were left out.
    public let pruning: [Pruning]
    /// The most fee-paying models a data set may have: the exact front folds once per
    /// subset of them (2^12 folds), which is far beyond what teams provision.
    public static let maxFeePayingModels = 12
    /// The scope the space was built with.
    public let scope: Scope

    /// Builds the space; fails with the intent's best figures when an intent has no usable cell.
    /// - Throws: ``RequestError`` when the scope names an unknown model or intent or leaves an intent no cell; ``DataError`` when an intent has no feasible cell in the data or too many fee-paying models remain.
    public init(table: CellTable, constraints: GlobalConstraints = GlobalConstraints(), scope: Scope = Scope()) throws {
        let modelNames = table.models.map(\.name).joined(separator: ", ")
        let intentNames = table.intents.map(\.name).joined(separator: ", ")
        for name in scope.excludedModels where table.modelIndex(named: name) == nil {
            throw RequestError([.excludedModels], "'\(name)' names no model of models.csv; expected one of \(modelNames)")
        }
        for intent in scope.allowedModels.keys.sorted() {
            guard table.intentIndex(named: intent) != nil else {
                throw RequestError([.allowedModels], "'\(intent)' names no intent of intents.csv; expected one of \(intentNames)")
            }
            for name in scope.allowedModels[intent] ?? [] where table.modelIndex(named: name) == nil {
                throw RequestError([.allowedModels], "'\(name)' names no model of models.csv; expected one of \(modelNames)")
            }
        }
        for name in scope.pinnedIntents where table.intentIndex(named: name) == nil {
            throw RequestError([.pinnedIntents], "'\(name)' names no intent of intents.csv; expected one of \(intentNames)")
        }
        if !scope.pinnedIntents.isEmpty, scope.baseline == nil {
            throw RequestError([.pinnedIntents], "pinning an intent needs a baseline (the cell it keeps)")
        }
        if scope.maxChanges != nil, scope.baseline == nil {
            throw RequestError([.maxChanges], "a change budget needs a baseline (what the changes are counted from)")
        }
        if let minimum = scope.minimumSamples, minimum < 1 {
            throw RequestError([.minimumSamples], "\(minimum) is not a sample count; expected an integer of at least 1")
        }
        if let baseline = scope.baseline, !table.isValidChoice(baseline) {
            throw table.invalidChoice(baseline, option: .baseline)
        }
        if let k = scope.maxChanges, k < 0 {
            throw RequestError([.maxChanges], "\(k) changes; expected a count of intents >= 0")
        }
        if scope.feasibleOnly, scope.baseline == nil {
            throw RequestError([.feasibleOnly], "keeping only feasible baseline cells needs a baseline (without one every point is feasible already)")
        }

        var scope = scope
        // More changes than intents change nothing, and a huge K must not size any buffer.
        if let k = scope.maxChanges { scope.maxChanges = min(max(0, k), table.intents.count) }
        self.scope = scope
        let excludedModels = scope.excludedModels
        let allowedModels = scope.allowedModels
        var pinnedCells: [Int: Int] = [:]
        for name in scope.pinnedIntents {
            if let i = table.intentIndex(named: name), let baseline = scope.baseline { pinnedCells[i] = baseline[i] }
        }
        self.table = table
        self.constraints = constraints
        var candidates: [[Int]] = []
        var pruning: [Pruning] = []
        var grandfathered = [Bool](repeating: false, count: table.intents.count)
        for (i, intent) in table.intents.enumerated() {
            var report = Pruning(intent: intent.name, cells: table.cells[i].count, belowFloor: 0, aboveCap: 0, excludedModel: 0, pinned: 0, candidates: 0)
            var kept: [Int] = []
            let allowed = allowedModels[intent.name]
            for (c, cell) in table.cells[i].enumerated() {
                if let pin = pinnedCells[i], pin != c {
                    report.pinned += 1
                    continue
                }
                if excludedModels.contains(cell.setting.model) || (allowed.map { !$0.contains(cell.setting.model) } ?? false) {
                    report.excludedModel += 1
                    continue
                }
                if !scope.hasEnoughSamples(cell) {
                    report.tooFewSamples += 1
                    continue
                }
                let violation = table.violation(intent: i, option: c)
                if !violation.isEmpty, scope.baseline?[i] == c, !scope.feasibleOnly {
                    // What runs today stays reachable: an intent that is not changed keeps
                    // its cell even when that cell breaks a constraint.
                    kept.append(c)
                    grandfathered[i] = true
                } else if violation.contains(.qualityBelowFloor) {
                    report.belowFloor += 1
                } else if violation.contains(.latencyAboveCap) {
                    report.aboveCap += 1
                } else {
                    kept.append(c)
                }
            }
            report.candidates = kept.count
            // Routes come after the cells: the same rules, on both of their models and their own figures.
            let cellCount = table.cells[i].count
            report.routes = table.optionCount(intent: i) - cellCount
            for c in cellCount..<(cellCount + report.routes) {
                let option = table.option(intent: i, index: c)
                let models = option.option.modelNames
                if let pin = pinnedCells[i], pin != c { continue }
                if models.contains(where: { excludedModels.contains($0) || (allowed.map { !$0.contains($0) } ?? false) }) { continue }
                if option.sampleCount < (scope.minimumSamples ?? 0) { continue }
                let violation = table.violation(intent: i, option: c)
                if violation.isEmpty || (scope.baseline?[i] == c && !scope.feasibleOnly) {
                    kept.append(c)
                    report.routeCandidates += 1
                    if !violation.isEmpty { grandfathered[i] = true }
                }
            }
            if kept.isEmpty, scope.feasibleOnly, let pin = pinnedCells[i] {
                throw RequestError([.pinnedIntents, .feasibleOnly], "intent '\(intent.name)' is pinned to its baseline cell \(table.cells[i][pin].setting), which fails (\(table.violation(intent: i, option: pin).labels.joined(separator: ", "))) while only feasible cells are kept; expected an intent whose baseline cell is feasible")
            }
            let ruledOutModel = { (model: String) in excludedModels.contains(model) || (allowed.map { !$0.contains(model) } ?? false) }
            let ruledOut = { (cell: Cell) in ruledOutModel(cell.setting.model) || !scope.hasEnoughSamples(cell) }
            if kept.isEmpty, let pin = pinnedCells[i], ruledOut(table.cells[i][pin]) {
                // The pin and another rule contradict each other: blame both, not the data.
                let cell = table.cells[i][pin]
                let byModel = ruledOutModel(cell.setting.model)
                let option: RequestError.Option = !byModel ? .minimumSamples : excludedModels.contains(cell.setting.model) ? .excludedModels : .allowedModels
                let why = byModel ? "its model \(cell.setting.model) is ruled out" : "it rests on \(cell.sampleCount) sample(s), fewer than the minimum of \(scope.minimumSamples ?? 0)"
                throw RequestError([.pinnedIntents, option], "intent '\(intent.name)' is pinned to its baseline cell \(cell.setting), but \(why); expected not to pin it, or to allow its cell")
            }
            if kept.isEmpty, pinnedCells[i] == nil,
               table.cells[i].indices.contains(where: { ruledOut(table.cells[i][$0]) && table.violation(intent: i, option: $0).isEmpty }) {
                // Blame the request, not the data: the cells ruled out held the feasible ones.
                let left = table.cells[i].filter { !ruledOut($0) }
                let options: [RequestError.Option] = (table.cells[i].contains { excludedModels.contains($0.setting.model) } ? [.excludedModels] : [])
                    + (allowed != nil ? [.allowedModels] : [])
                    + (table.cells[i].contains { !scope.hasEnoughSamples($0) } ? [.minimumSamples] : [])
                let thin = options.contains(.minimumSamples)
                let what = options == [.minimumSamples] ? "cells with fewer than \(scope.minimumSamples ?? 0) samples"
                    : thin ? "these models and cells with fewer than \(scope.minimumSamples ?? 0) samples" : "these models"
                // With a minimum, how many samples the feasible cells of allowed models have.
                let most = table.cells[i].indices.filter { !ruledOutModel(table.cells[i][$0].setting.model) && table.violation(intent: i, option: $0).isEmpty }
                    .map { table.cells[i][$0].sampleCount }.max()
                let samples = thin ? most.map { "; its feasible cells have at most \($0) samples" } ?? "" : ""
                let figures = (left.isEmpty ? "no cell is left"
                    : "best quality \(formatQuality(left.map(\.quality).max() ?? 0)) (floor \(formatQuality(intent.minQuality))), lowest P99 \(formatFixed(left.map(\.p99LatencyMs).min() ?? 0, decimals: 0)) ms (cap \(formatFixed(intent.maxP99LatencyMs, decimals: 0)) ms) among the \(thin ? "cells" : "models") still allowed") + samples
                let expected = options == [.minimumSamples] ? "a minimum of at most \(most ?? 1), or more samples for it"
                    : thin ? "a feasible cell with enough samples for it (more models, a lower minimum, or more samples)" : "to allow a model with a feasible cell for it"
                throw RequestError(options, "intent '\(intent.name)' has no feasible cell once \(what) are ruled out: \(figures); expected \(expected)")
            }
            if kept.isEmpty, let error = ConfidenceInfeasibility.error(in: table, allowed: { j, cell in
                !excludedModels.contains(cell.setting.model) && scope.hasEnoughSamples(cell)
                    && (allowedModels[table.intents[j].name].map { $0.contains(cell.setting.model) } ?? true)
            }) {
                throw error
            }
            if kept.isEmpty {
                let cells = table.cells[i]
                let best = cells.map(\.quality).max() ?? 0
                let fastest = cells.map(\.p99LatencyMs).min() ?? 0
                throw DataError(file: "intents.csv", line: table.intents[i].sourceLine, field: "min_quality",
                                "intent '\(intent.name)' has no feasible cell\(report.excludedModel > 0 ? " among the allowed models" : ""): best quality \(formatQuality(best)) (floor \(formatQuality(intent.minQuality))), lowest P99 \(formatFixed(fastest, decimals: 0)) ms (cap \(formatFixed(intent.maxP99LatencyMs, decimals: 0)) ms); expected at least one cell meeting both")
            }
            candidates.append(kept)
            pruning.append(report)
        }
        self.candidates = candidates
        self.pruning = pruning
        self.grandfathered = grandfathered
        if let baseline = scope.baseline {
            mustChange = candidates.indices.filter { !candidates[$0].contains(baseline[$0]) }
        } else {
            mustChange = []
        }
        // Counted over the cells left to search, so ruling models out can bring it down.
        let feeModels = feePayingModels.count
        guard feeModels <= SearchSpace.maxFeePayingModels else {
            throw DataError(file: "models.csv", field: "monthly_fixed_usd",
                            "\(feeModels) models that charge a monthly fee (in models.csv or by a what-if) have candidate cells; expected at most \(SearchSpace.maxFeePayingModels), since the exact front solves once per subset of them (exclude some of those models)")
        }
    }

    /// Intents whose baseline cell is not a candidate (it breaks a floor or cap under
    /// ``Scope/feasibleOnly``, or its model is ruled out), ascending: every point of the
    /// space changes them, so a change budget below their count leaves the space empty.
    public let mustChange: [Int]

    /// Per intent, whether its baseline cell breaks a constraint but stays a candidate
    /// (kept as it is unless the search changes the intent).
    public let grandfathered: [Bool]

    /// Whether a configuration of this space is acceptable: every global constraint holds
    /// and every intent meets its floor and cap, or keeps a grandfathered baseline cell.
    public func accepts(_ score: ConfigurationScore) -> Bool {
        if score.isFeasible { return true }
        guard constraints.failures(monthlyCostUSD: score.monthlyCostUSD, quality: score.quality).isEmpty else { return false }
        return score.choice.indices.allSatisfy { i in
            table.violation(intent: i, option: score.choice[i]).isEmpty
                || (grandfathered[i] && scope.baseline?[i] == score.choice[i])
        }
    }

    /// Fee-paying parts — models, then routers (``CellTable/feeParts``) — that charge a monthly
    /// fee and that some candidate option uses, in part order.
    public var feePayingModels: [Int] {
        var used = Set<Int>()
        for (i, list) in candidates.enumerated() {
            for c in list { table.forEachFeePart(i, c) { used.insert($0) } }
        }
        let fees = table.feeParts
        return fees.indices.filter { used.contains($0) && fees[$0] > 0 }
    }
}
