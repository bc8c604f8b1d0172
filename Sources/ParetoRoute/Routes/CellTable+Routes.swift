extension CellTable {
    /// The table with the routes a search considers under `options` (replacing any listed).
    ///
    /// Per intent, the cells worth pairing are its non-dominated cells by monthly cost and
    /// quality (at most ``RouteOptions/maxCellsPaired``, spread over the cost range); a cheaper
    /// one is always `low`. Threshold routes: every such pair, every router scoring the intent,
    /// thresholds at the grid's quantiles of the router's scores. Share routes: neighbouring
    /// vertices of the pairs' upper convex hull, at the grid's shares (a split between farther
    /// cells lies under the hull, so it is never worth choosing).
    /// - Throws: ``RouteBuilder/Failure/noSamples`` when the table has no samples with ids.
    /// - Complexity: O(intents × pairs × (routers × grid × n log n)) for n samples per cell.
    public func addingRoutes(_ options: RouteOptions) throws(RouteBuilder.Failure) -> CellTable {
        var copy = self
        guard options.isEnabled else {
            copy.routes = []
            return copy
        }
        guard let samples, samples.allSatisfy({ $0.allSatisfy { !$0.sampleIDs.isEmpty || $0.qualities.isEmpty } }) else {
            throw .noSamples
        }
        let z = options.protectsFromSelection ? options.selectionZ : nil
        copy.routes = try intents.indices.map { i throws(RouteBuilder.Failure) in
            let paired = pairedCells(intent: i, limit: options.maxCellsPaired)
            var list: [RouteCell] = []
            var seen = Set<Route>()
            func add(_ route: RouteCell) {
                if seen.insert(route.route).inserted { list.append(route) }
            }
            if options.thresholdRoutes, routerScores.scores.indices.contains(i) {
                for r in routerScores.routers(scoring: i) {
                    guard let scores = routerScores.scores[i][r] else { continue }
                    for x in paired.indices {
                        for y in paired.indices where y > x {
                            let pairs = RouteBuilder.aligned(samples[i][paired[x]], samples[i][paired[y]], scores: scores)
                            guard !pairs.isEmpty else { continue }
                            let sorted = pairs.map(\.score).sorted()
                            var thresholds: [Double] = []
                            for q in options.thresholdQuantiles {
                                let t = sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.down))))]
                                if !thresholds.contains(t) { thresholds.append(t) }
                            }
                            for t in thresholds {
                                add(RouteBuilder.threshold(in: self, samples: samples, intent: i, low: paired[x], high: paired[y],
                                                           router: r, pairs: pairs, threshold: t, penaltyZ: z))
                            }
                        }
                    }
                }
            }
            if options.shareRoutes {
                let hull = upperHull(intent: i, of: paired)
                for k in hull.indices.dropLast() {
                    for s in options.shares {
                        add(try RouteBuilder.share(in: self, intent: i, low: hull[k], high: hull[k + 1], share: s))
                    }
                }
            }
            return list
        }
        return copy
    }

    /// The table with every route `configuration` names listed, evaluated as given (measured
    /// quality: a threshold someone chose elsewhere is not a selection on these samples).
    /// Routes already listed are kept as they are.
    /// - Throws: ``DataError`` naming `file` and the intent: an unknown intent, a setting without
    ///   a cell, a router that does not score the intent, or no samples.
    public func listingRoutes(of configuration: Configuration, file: String) throws -> CellTable {
        var copy = self
        for entry in configuration.entries {
            guard case .route(let route) = entry.option, let i = intentIndex(named: entry.intent) else { continue }
            if copy.optionIndex(intent: i, option: entry.option) != nil { continue }
            let field = "intents.\(entry.intent).route"
            guard let a = cellIndex(intent: i, setting: route.low), let b = cellIndex(intent: i, setting: route.high) else {
                continue  // ``choice(of:file:)`` names the missing cell and its nearest neighbours.
            }
            let cell: RouteCell
            do {
                switch route.rule {
                case .share(let s):
                    cell = try RouteBuilder.share(in: self, intent: i, low: a, high: b, share: s)
                case .threshold(let name, let t):
                    guard let r = routerScores.routerIndex(named: name), routerScores.scores[i][r] != nil else {
                        let known = routerScores.routers(scoring: i).map { routerScores.routers[$0].name }
                        throw DataError(file: file, field: field + ".router",
                                        "router '\(name)' does not score intent '\(entry.intent)'; expected \(known.isEmpty ? "a share route (no router scores it in routers.csv)" : "one of \(known.joined(separator: ", "))")")
                    }
                    cell = try RouteBuilder.threshold(in: self, intent: i, low: a, high: b, router: r, threshold: t)
                }
            } catch let failure as RouteBuilder.Failure {
                switch failure {
                case .noSamples:
                    throw DataError(.badRequest, file: file, field: field, "the data was loaded without sample ids; a route is evaluated sample by sample (load with keepingSamples and keepingSampleIDs)")
                case .unknownRouter(let name):
                    throw DataError(file: file, field: field + ".router", "router '\(name)' does not score intent '\(entry.intent)'")
                case .noSharedSamples:
                    throw DataError(file: file, field: field, "\(route.low) and \(route.high) share no golden sample the router scores; expected cells evaluated on the same samples")
                }
            }
            if copy.routes.isEmpty { copy.routes = [[RouteCell]](repeating: [], count: intents.count) }
            copy.routes[i].append(cell)
        }
        return copy
    }

    /// The evaluation of `configuration`, its routes evaluated sample by sample as given.
    /// - Throws: as ``listingRoutes(of:file:)`` and ``choice(of:file:)``.
    public func evaluate(_ configuration: Configuration, file: String,
                         constraints: GlobalConstraints = GlobalConstraints()) throws -> ConfigurationEvaluation {
        let table = try listingRoutes(of: configuration, file: file)
        return table.evaluate(try table.choice(of: configuration, file: file), constraints: constraints)
    }

    /// The intent's non-dominated cells by (monthly cost, quality), cheapest first, at most
    /// `limit` of them spread evenly over that order (both ends kept).
    func pairedCells(intent i: Int, limit: Int) -> [Int] {
        let order = cells[i].indices.sorted { a, b in
            let x = cells[i][a], y = cells[i][b]
            if x.monthlyCostUSD != y.monthlyCostUSD { return x.monthlyCostUSD < y.monthlyCostUSD }
            if x.quality != y.quality { return x.quality > y.quality }
            return a < b
        }
        var front: [Int] = []
        for c in order where front.last.map({ cells[i][c].quality > cells[i][$0].quality }) ?? true { front.append(c) }
        guard front.count > limit, limit >= 2 else { return front }
        return (0..<limit).map { front[Int((Double($0) * Double(front.count - 1) / Double(limit - 1)).rounded())] }
    }

    /// The upper convex hull of `cellsByCost` (non-dominated, cheapest first) in (cost, quality).
    func upperHull(intent i: Int, of cellsByCost: [Int]) -> [Int] {
        var hull: [Int] = []
        for c in cellsByCost {
            while hull.count >= 2 {
                let a = cells[i][hull[hull.count - 2]], b = cells[i][hull[hull.count - 1]], p = cells[i][c]
                let cross = (b.monthlyCostUSD - a.monthlyCostUSD) * (p.quality - a.quality)
                    - (b.quality - a.quality) * (p.monthlyCostUSD - a.monthlyCostUSD)
                if cross >= 0 { hull.removeLast() } else { break }
            }
            hull.append(c)
        }
        return hull
    }
}
