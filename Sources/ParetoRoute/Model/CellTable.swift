/// The loaded data: models, intents and every evaluated cell with its derived figures.
///
/// Everything downstream — the evaluator, the search problem, the exact front, the
/// exports — reads this table, never the CSV files. Cells of an intent are sorted by
/// ``Setting`` so indices are stable from run to run.
public struct CellTable: Sendable {
    /// Models in models.csv order.
    public var models: [Model]
    /// Intents in intents.csv order; configurations list them in this order.
    public var intents: [Intent]
    /// Per intent (same order as ``intents``), its cells sorted by setting.
    public var cells: [[Cell]]
    /// FNV-1a 64 fingerprint of the data files (see ``GoldenDataLoader``).
    public var fingerprint: String
    /// The data files read, relative to the data directory, in lexical order.
    public var files: [String]
    /// Eval rows read (before the supersede rule).
    public var rowCount: Int
    /// Things worth a look that do not stop the run (few samples behind a P99, …).
    public var warnings: [String]
    /// Cells a later evals file replaced with far fewer samples (also among ``warnings``).
    public var shrunkCells: [ShrunkCell] = []
    /// The routers of routers.csv and router_costs.csv and their scores (none without them).
    public var routerScores = RouterScores(routers: [], scores: [])
    /// Per intent, the routes a search may choose (options after the cells; see ``OptionFigures``).
    /// Empty (no intent has any) unless routes were added, so version-1 data keeps its fronts.
    public var routes: [[RouteCell]] = []
    /// Per cell, its samples (only when loaded with `keepingSamples`), aligned with ``cells``.
    public var samples: [[CellSamples]]?
    /// Per cell, its bootstrap intervals, once ``applyingConfidence(_:seed:)`` ran.
    public var intervals: [[CellInterval]]?
    /// The confidence of ``intervals``; feasibility then uses the intervals' bounds.
    public var confidence: Double?

    /// Creates a table; `cells[i]` belongs to `intents[i]` and is sorted here.
    public init(models: [Model], intents: [Intent], cells: [[Cell]], fingerprint: String = "",
                files: [String] = [], rowCount: Int = 0, warnings: [String] = []) {
        self.models = models
        self.intents = intents
        self.cells = cells.map { $0.sorted { $0.setting < $1.setting } }
        self.fingerprint = fingerprint
        self.files = files
        self.rowCount = rowCount
        self.warnings = warnings
    }

    /// Sum of the quality weights; the weighted quality divides by it.
    public var totalWeight: Double {
        intents.reduce(0) { $0 + $1.qualityWeight }
    }

    /// The dearest option of every intent plus every fee: no configuration costs
    /// more, so when this is finite every configuration's cost is a finite sum.
    public var dearestMonthlyCostUSD: Double {
        intents.indices.reduce(0.0) { sum, i in sum + ((0..<optionCount(intent: i)).map { optionCost(i, $0) }.max() ?? 0) }
            + feeParts.reduce(0.0, +)
    }

    /// The index of the intent called `name`.
    public func intentIndex(named name: String) -> Int? {
        intents.firstIndex { $0.name == name }
    }

    /// The index of the model called `name`.
    public func modelIndex(named name: String) -> Int? {
        models.firstIndex { $0.name == name }
    }

    /// The constraints that option `option` (a cell or a route) of intent `intent` breaks on its own.
    ///
    /// With intervals (a `--confidence`), a cell must meet the floor with the lower
    /// bound of its quality interval and the cap with the upper bound of its P99 interval.
    /// A route is judged on its own figures: the quality the search uses (cross-validated for a
    /// threshold route) and its P99.
    public func violation(intent: Int, option: Int) -> CellViolation {
        if let route = routeCell(intent: intent, index: option) {
            return CellViolation.of(quality: route.quality, p99LatencyMs: route.p99LatencyMs, for: intents[intent])
        }
        guard let interval = intervals?[intent][option] else {
            return CellViolation.of(cells[intent][option], for: intents[intent])
        }
        return interval.violation(for: intents[intent])
    }

    /// The index of the cell with exactly `setting`, if it was evaluated.
    public func cellIndex(intent: Int, setting: Setting) -> Int? {
        cells[intent].firstIndex { $0.setting == setting }
    }

    /// The option index of `option` for `intent`: its cell, or a route over two evaluated cells
    /// (a route the table does not list yet is evaluated and added by
    /// ``addingRoutes(_:)``; this only finds listed ones).
    public func optionIndex(intent: Int, option: IntentOption) -> Int? {
        switch option {
        case .setting(let setting): return cellIndex(intent: intent, setting: setting)
        case .route(let route):
            guard !routes.isEmpty, let r = routes[intent].firstIndex(where: { $0.route == route }) else { return nil }
            return cells[intent].count + r
        }
    }

    /// The evaluated settings closest to `setting`: same model first, then fewest differing knobs.
    public func nearestSettings(intent: Int, to setting: Setting, limit: Int = 3) -> [Setting] {
        func distance(_ other: Setting) -> (Int, Double) {
            var knobs = 0
            if other.model != setting.model { knobs += 8 }
            if other.maxTokens != setting.maxTokens { knobs += 1 }
            if other.temperature != setting.temperature { knobs += 1 }
            if other.ragChunks != setting.ragChunks { knobs += 1 }
            let gap = Double(abs(other.maxTokens - setting.maxTokens)) / 100
                + abs(other.temperature - setting.temperature) + Double(abs(other.ragChunks - setting.ragChunks))
            return (knobs, gap)
        }
        let ranked = cells[intent].map(\.setting).sorted { a, b in
            let da = distance(a), db = distance(b)
            return da != db ? da < db : a < b
        }
        return Array(ranked.prefix(limit))
    }

    /// Recomputes every cell's and route's monthly cost from the current intents and models.
    ///
    /// What-if overrides change prices, volumes or cache rates; costs follow here.
    public func recomputingCosts() -> CellTable {
        var copy = self
        for i in copy.cells.indices {
            for j in copy.cells[i].indices {
                let cell = copy.cells[i][j]
                copy.cells[i][j].monthlyCostUSD = Cell.monthlyCost(
                    intent: intents[i], prices: models[cell.modelIndex].prices, meanTokens: cell.meanTokens)
            }
            guard !copy.routes.isEmpty else { continue }
            for r in copy.routes[i].indices {
                let route = copy.routes[i][r]
                copy.routes[i][r].monthlyCostUSD = RouteCell.monthlyCost(
                    intent: intents[i], lowPrices: models[cells[i][route.low].modelIndex].prices, lowTokens: route.lowTokens,
                    highPrices: models[cells[i][route.high].modelIndex].prices, highTokens: route.highTokens)
            }
        }
        return copy
    }
}
