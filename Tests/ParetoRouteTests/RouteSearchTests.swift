import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// Routes as options of an intent: evaluated sample by sample, searched exactly, and judged
/// without the optimism of choosing a threshold on the samples that measure it.
@Suite struct RouteSearchTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(a), abs(b))
    }

    /// A random route of intent `i` over two of its cells.
    static func randomRoute(_ rng: inout Xoshiro256StarStar, table: CellTable, intent i: Int) -> Route {
        let cells = table.cells[i]
        let a = rng.nextInt(below: cells.count)
        var b = rng.nextInt(below: cells.count)
        if b == a { b = (a + 1) % cells.count }
        let routed = !table.routerScores.routers(scoring: i).isEmpty && rng.nextInt(below: 2) == 0
        let rule: Route.Rule = routed ? .threshold(router: "clf", threshold: rng.nextDouble())
            : .share(Double(rng.nextInt(below: 11)) / 10)
        return Route(rule: rule, low: cells[a].setting, high: cells[b].setting)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func routedConfigurationsEvaluateAsTheContractSays(seed: UInt64) throws {
        let table = RoutedTables.make(seed: seed)
        var rng = Xoshiro256StarStar(seed: seed * 101)
        for _ in 0..<10 {
            var entries: [(intent: String, option: IntentOption)] = []
            for i in table.intents.indices {
                entries.append((table.intents[i].name, rng.nextInt(below: 4) == 0
                    ? .setting(table.cells[i][rng.nextInt(below: table.cells[i].count)].setting)
                    : .route(Self.randomRoute(&rng, table: table, intent: i))))
            }
            let configuration = Configuration(entries: entries)
            let listed = try table.listingRoutes(of: configuration, file: "config.json")
            let evaluation = listed.evaluate(try listed.choice(of: configuration, file: "config.json"))
            var cost = 0.0, weighted = 0.0
            var parts = Set<String>()
            for (i, entry) in entries.enumerated() {
                let figures = evaluation.perIntent[i]
                #expect(figures.option == entry.option)
                let expected: (cost: Double, quality: Double, p99: Double)
                switch entry.option {
                case .setting(let setting):
                    let cell = try #require(table.cellIndex(intent: i, setting: setting).map { table.cells[i][$0] })
                    expected = (cell.monthlyCostUSD, cell.quality, cell.p99LatencyMs)
                case .route(let route):
                    expected = try #require(RoutedTables.bruteForce(route, intent: i, table: table))
                    if case .threshold = route.rule { parts.insert("router clf") }
                }
                #expect(Self.close(figures.monthlyCostUSD, expected.cost), "\(entry.option)")
                #expect(Self.close(figures.quality, expected.quality), "\(entry.option)")
                #expect(Self.close(figures.p99LatencyMs, expected.p99), "\(entry.option)")
                #expect(Self.close(figures.monthlyCostParts.total, figures.monthlyCostUSD))
                cost += expected.cost
                weighted += table.intents[i].qualityWeight * expected.quality
                for model in entry.option.modelNames { parts.insert("model \(model)") }
            }
            let fees = (parts.contains("model fee") ? 120.0 : 0) + (parts.contains("router clf") ? 30 : 0)
            #expect(Self.close(evaluation.fixedFeesUSD, fees))
            #expect(Self.close(evaluation.monthlyCostUSD, cost + fees))
            #expect(Self.close(evaluation.quality, weighted / table.totalWeight))
        }
    }

    @Test func aConfigurationFileRoundTripsItsRoutes() throws {
        let low = Setting(model: "haiku", maxTokens: 250, temperature: 0.3, ragChunks: 2)
        let high = Setting(model: "sonnet", maxTokens: 400, temperature: 0.3, ragChunks: 2)
        let configuration = Configuration(entries: [
            ("faq", .route(Route(rule: .threshold(router: "complexity", threshold: 0.62), low: low, high: high))),
            ("chat", .route(Route(rule: .share(0.3), low: low, high: high))),
            ("other", .setting(low)),
        ])
        let text = configuration.json.serialized()
        let faq = configuration.json["intents"]?["faq"]?["route"]
        #expect(faq?.members?.map(\.0) == ["router", "threshold", "low", "high"])
        #expect(faq?["threshold"]?.number == 0.62 && faq?["low"]?["model"]?.string == "haiku")
        #expect(configuration.json["intents"]?["chat"]?["route"]?.members?.map(\.0) == ["share", "low", "high"])
        let back = try Configuration(json: try JSONParser.parse(Array(text.utf8), file: "c.json"), file: "c.json")
        #expect(back == configuration)
        // Errors name the field.
        let bad = #"{"intents": {"faq": {"route": {"share": 1.5, "low": {}, "high": {}}}}}"#
        #expect(throws: DataError.self) { try Configuration(json: try JSONParser.parse(Array(bad.utf8), file: "b.json"), file: "b.json") }
        do {
            _ = try Configuration(json: try JSONParser.parse(Array(bad.utf8), file: "b.json"), file: "b.json")
        } catch let error as DataError {
            #expect(error.description.contains("intents.faq.route.share"))
        }
    }

    /// Every combination of candidate options (cells and routes), scored and swept.
    static func bruteForceFront(_ space: SearchSpace) -> [(Double, Double)] {
        var all: [ConfigurationScore] = []
        var choice = [Int](repeating: 0, count: space.candidates.count)
        func visit(_ i: Int) {
            if i == choice.count {
                let score = space.table.score(choice, constraints: space.constraints)
                if space.accepts(score) { all.append(score) }
                return
            }
            for c in space.candidates[i] {
                choice[i] = c
                visit(i + 1)
            }
        }
        visit(0)
        return ExactSolver.sweep(all).map { ($0.monthlyCostUSD, $0.quality) }
    }

    static let smallGrid = RouteOptions(thresholdQuantiles: [0.3, 0.7], shares: [0.25, 0.5], maxCellsPaired: 3)

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func theExactFrontWithRoutesEqualsBruteForce(seed: UInt64) throws {
        let table = try RoutedTables.make(seed: seed, intents: 3, cellsPerIntent: 4, routerFee: seed % 2 == 0 ? 0 : 25)
            .addingRoutes(Self.smallGrid)
        #expect(table.routes.contains { !$0.isEmpty })
        let space = try SearchSpace(table: table)
        let expected = Self.bruteForceFront(space)
        let exact = ExactSolver.solve(space).points.map { ($0.monthlyCostUSD, $0.quality) }
        #expect(exact.count == expected.count)
        for (a, b) in zip(exact, expected) {
            #expect(a.0 == b.0 && a.1 == b.1)
        }
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func routesOnlyAddToTheFront(seed: UInt64) throws {
        let plain = RoutedTables.make(seed: seed)
        let routed = try plain.addingRoutes(RouteOptions())
        let without = ExactSolver.solve(try SearchSpace(table: plain)).points.map(\.objectives)
        let with = ExactSolver.solve(try SearchSpace(table: routed)).points.map(\.objectives)
        // Every unrouted front point is weakly dominated by a routed one.
        for point in without {
            #expect(with.contains { $0.cost <= point.cost && $0.quality >= point.quality })
        }
        let reference = (cost: (without.map(\.cost) + with.map(\.cost)).max() ?? 0, quality: 0.0)
        let volume = { (points: [(cost: Double, quality: Double)]) in FrontGeometry.hypervolume(points, reference: reference) }
        #expect(volume(with) >= volume(without))
    }

    @Test func noRoutesKeepsTheVersionOneFront() throws {
        let table = RoutedTables.make(seed: 4)
        let none = try table.addingRoutes(.none)
        #expect(none.routes.isEmpty)
        let a = ExactSolver.solve(try SearchSpace(table: table)).points
        let b = ExactSolver.solve(try SearchSpace(table: none)).points
        #expect(a == b)
    }

    /// The gain of each threshold route over a random split at its own share, and that gain's
    /// standard error (paired, sample by sample).
    static func gains(_ table: CellTable, intent i: Int) -> [(reported: Double, standardError: Double)] {
        guard let samples = table.samples else { return [] }
        return table.routes[i].compactMap { route in
            guard route.router != nil else { return nil }
            let low = samples[i][route.low], high = samples[i][route.high]
            let s = route.highShare
            var diffs: [Double] = []
            for (k, id) in low.sampleIDs.enumerated() {
                guard let h = high.sampleIDs.firstIndex(of: id) else { continue }
                let mix = (1 - s) * low.qualities[k] + s * high.qualities[h]
                let taken = (table.routerScores.scores[i][0]?[id] ?? 0) >= { if case .threshold(_, let t) = route.route.rule { return t }; return 0 }()
                    ? high.qualities[h] : low.qualities[k]
                diffs.append(taken - mix)
            }
            let n = Double(diffs.count)
            let mean = diffs.reduce(0, +) / n
            let sd = (diffs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let line = (1 - s) * low.qualities.reduce(0, +) / Double(low.qualities.count) + s * high.qualities.reduce(0, +) / Double(high.qualities.count)
            return (route.quality - line, sd / n.squareRoot())
        }
    }

    /// With a router that knows nothing, no threshold route may look better than a random
    /// split between the same cells by more than one standard error of its gain — and without
    /// the protection some do, on every seed.
    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func aNoiseRouterBuysNothing(seed: UInt64) throws {
        let table = RoutedTables.make(seed: seed, intents: 2, cellsPerIntent: 10, samples: 200, informative: false, weakGap: 0.05)
        let protected = try table.addingRoutes(RouteOptions())
        var unprotectedOptions = RouteOptions()
        unprotectedOptions.protectsFromSelection = false
        let unprotected = try table.addingRoutes(unprotectedOptions)
        let honest = Self.gains(protected, intent: 0)
        let optimistic = Self.gains(unprotected, intent: 0)
        #expect(honest.count >= 9 && honest.count == optimistic.count)
        #expect(honest.allSatisfy { $0.reported <= $0.standardError }, "\(honest.filter { $0.reported > $0.standardError })")
        #expect(optimistic.contains { $0.reported > $0.standardError })
    }

    /// With an informative router the protection still lets real gains through.
    @Test func anInformativeRouterKeepsItsGain() throws {
        let table = try RoutedTables.make(seed: 31, intents: 2, cellsPerIntent: 4, samples: 200, informative: true, weakGap: 0.1)
            .addingRoutes(RouteOptions())
        let gains = Self.gains(table, intent: 0)
        #expect(gains.contains { $0.reported > $0.standardError })
    }
}
