/// One option of an intent — a cell or a route — with the figures every solver and report
/// reads, and the fee-paying parts it brings.
///
/// The table's options of intent i are its cells (indices `0..<cells[i].count`, unchanged
/// from version 1) followed by its routes, so a choice of one option index per intent names a
/// configuration whether or not it routes.
public struct OptionFigures: Sendable, Hashable {
    /// The option, by names.
    public var option: IntentOption
    /// Golden samples behind the figures.
    public var sampleCount: Int
    /// Mean quality.
    public var quality: Double
    /// Standard error of the mean quality; nil under 2 samples.
    public var qualityStandardError: Double?
    /// P99 latency in milliseconds.
    public var p99LatencyMs: Double
    /// Monthly LLM cost without fees.
    public var monthlyCostUSD: Double
    /// The table cells the option uses: one, or a route's `low` then `high`.
    public var cells: [Int]
    /// The fee-paying parts the option uses (see ``CellTable/feeParts``), ascending, without repeats.
    public var feeParts: [Int]
}

extension CellTable {
    /// Options of intent `intent`: its cells, then its routes.
    public func optionCount(intent: Int) -> Int {
        cells[intent].count + (routes.isEmpty ? 0 : routes[intent].count)
    }

    /// Whether option `index` of `intent` is a route.
    @inline(__always)
    public func isRoute(intent: Int, index: Int) -> Bool {
        index >= cells[intent].count
    }

    /// The route cell behind option `index` of `intent`, nil for a cell.
    public func routeCell(intent: Int, index: Int) -> RouteCell? {
        let r = index - cells[intent].count
        return r >= 0 ? routes[intent][r] : nil
    }

    /// Option `index` of `intent` with its figures.
    public func option(intent i: Int, index k: Int) -> OptionFigures {
        if let route = routeCell(intent: i, index: k) {
            var parts = [route.low, route.high].map { cells[i][$0].modelIndex }
            parts = Array(Set(parts)).sorted()
            if let router = route.router { parts.append(models.count + router) }
            return OptionFigures(option: .route(route.route), sampleCount: route.sampleCount, quality: route.quality,
                                 qualityStandardError: route.qualityStandardError, p99LatencyMs: route.p99LatencyMs,
                                 monthlyCostUSD: route.monthlyCostUSD, cells: [route.low, route.high], feeParts: parts)
        }
        let cell = cells[i][k]
        return OptionFigures(option: .setting(cell.setting), sampleCount: cell.sampleCount, quality: cell.quality,
                             qualityStandardError: cell.knownQualityStandardError, p99LatencyMs: cell.p99LatencyMs,
                             monthlyCostUSD: cell.monthlyCostUSD, cells: [k], feeParts: [cell.modelIndex])
    }

    /// The options of intent `intent` with their figures, in option order.
    public func options(intent: Int) -> [OptionFigures] {
        (0..<optionCount(intent: intent)).map { option(intent: intent, index: $0) }
    }

    /// The monthly cost of option `index` of `intent`, without fees (no allocation: for solvers).
    @inline(__always)
    func optionCost(_ i: Int, _ k: Int) -> Double {
        k < cells[i].count ? cells[i][k].monthlyCostUSD : routes[i][k - cells[i].count].monthlyCostUSD
    }

    /// The mean quality of option `index` of `intent` (no allocation: for solvers).
    @inline(__always)
    func optionQuality(_ i: Int, _ k: Int) -> Double {
        k < cells[i].count ? cells[i][k].quality : routes[i][k - cells[i].count].quality
    }

    /// Calls `body` with each fee-paying part of option `k` of intent `i` (a part may come twice).
    @inline(__always)
    func forEachFeePart(_ i: Int, _ k: Int, _ body: (Int) -> Void) {
        if k < cells[i].count {
            body(cells[i][k].modelIndex)
            return
        }
        let route = routes[i][k - cells[i].count]
        body(cells[i][route.low].modelIndex)
        body(cells[i][route.high].modelIndex)
        if let router = route.router { body(models.count + router) }
    }

    /// The monthly fee of every fee-paying part: each model's, then each router's
    /// (router_costs.csv). A part's fee is paid once if any intent's option uses it.
    public var feeParts: [Double] {
        models.map(\.monthlyFixedUSD) + routerScores.routers.map(\.monthlyFixedUSD)
    }

    /// The name of fee-paying part `part`: a model's, or a router's.
    public func feePartName(_ part: Int) -> String {
        part < models.count ? models[part].name : routerScores.routers[part - models.count].name
    }
}
