import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// The default data's router (design doc A8): honest, and worth something.
@Suite struct DefaultDataRouteTests {
    static let table: CellTable? = try? GoldenDataLoader.load(directory: FixturePaths.goldenData)

    /// The classifier's AUC against "haiku's answer is acceptable" (quality ≥ the floor in haiku's
    /// best cell of the intent): it reads the difficulty through noise, so about 0.8, not 1.
    @Test(arguments: ["product_question", "product_discovery"])
    func theClassifierIsInformativeButNotTheTruth(intent name: String) throws {
        let table = try #require(Self.table)
        let i = try #require(table.intentIndex(named: name))
        let samples = try #require(table.samples)
        let router = try #require(table.routerScores.routerIndex(named: "complexity"))
        let scores = try #require(table.routerScores.scores[i][router])
        let haiku = try #require(table.modelIndex(named: "haiku"))
        let best = try #require(table.cells[i].indices.filter { table.cells[i][$0].modelIndex == haiku }
            .max { table.cells[i][$0].quality < table.cells[i][$1].quality })
        let cell = samples[i][best]
        var bad: [Double] = [], good: [Double] = []
        for (k, id) in cell.sampleIDs.enumerated() {
            let score = try #require(scores[id])
            if cell.qualities[k] >= table.intents[i].minQuality { good.append(score) } else { bad.append(score) }
        }
        var wins = 0.0
        for b in bad { for g in good { wins += b > g ? 1 : b == g ? 0.5 : 0 } }
        let auc = wins / Double(bad.count * good.count)
        #expect(auc > 0.75 && auc < 0.9, "AUC \(auc)")
        // GoldenData/README.md states it to two decimals.
        #expect(abs(auc - (name == "product_question" ? 0.84 : 0.79)) < 0.005)
    }

    /// 50 random routed configurations of the default data evaluate as a sample-by-sample
    /// reading of the contract (what `evaluate --json` prints).
    @Test func randomRoutedConfigurationsEvaluateAsTheContractSays() throws {
        let table = try #require(Self.table)
        var rng = Xoshiro256StarStar(seed: 404)
        for _ in 0..<50 {
            var entries: [(intent: String, option: IntentOption)] = []
            for i in table.intents.indices {
                let cells = table.cells[i]
                let a = cells[rng.nextInt(below: cells.count)].setting, b = cells[rng.nextInt(below: cells.count)].setting
                let routed = !table.routerScores.routers(scoring: i).isEmpty
                let rule: Route.Rule = routed && rng.nextInt(below: 2) == 0
                    ? .threshold(router: "complexity", threshold: 4 * rng.nextDouble() - 2) : .share(Double(rng.nextInt(below: 11)) / 10)
                entries.append((table.intents[i].name, rng.nextInt(below: 3) == 0 ? .setting(a) : .route(Route(rule: rule, low: a, high: b))))
            }
            let evaluation = try table.evaluate(Configuration(entries: entries), file: "random.json")
            for (i, entry) in entries.enumerated() {
                let figures = evaluation.perIntent[i]
                guard case .route(let route) = entry.option else { continue }
                let expected = try #require(RoutedTables.bruteForce(route, intent: i, table: table))
                #expect(RouteSearchTests.close(figures.monthlyCostUSD, expected.cost), "\(route)")
                #expect(RouteSearchTests.close(figures.quality, expected.quality), "\(route)")
                #expect(RouteSearchTests.close(figures.p99LatencyMs, expected.p99), "\(route)")
            }
            let routerUsed = entries.contains { if case .route(let r) = $0.option, r.routerName != nil { return true }; return false }
            let haikuFT = entries.contains { $0.option.modelNames.contains("haiku-ft") }
            #expect(evaluation.fixedFeesUSD == (routerUsed ? 100 : 0) + (haikuFT ? 2000 : 0))
        }
    }

    /// A8 on product_question: routed by the classifier, production saves against sonnet alone at
    /// the route's quality, the classifier's fee included, and a perfect router would save more.
    @Test func productionRoutedAsA8Saves() throws {
        let table = try #require(Self.table)
        let path = FixturePaths.goldenData + "/production-routed.json"
        let configuration = try Configuration.load(path: path)
        let listed = try table.listingRoutes(of: configuration, file: path)
        let choice = try listed.choice(of: configuration, file: path)
        let i = try #require(table.intentIndex(named: "product_question"))
        let analysis = try #require(RouteAnalysis.of(listed, intent: i, option: choice[i]))
        #expect(analysis.routerFeeUSD == 100)
        let saving = try #require(analysis.savingAtSameQualityUSD)
        #expect(saving > 0)
        #expect(analysis.highShare > 0.6 && analysis.highShare < 0.8)
        #expect(analysis.quality < analysis.high.quality && analysis.quality > analysis.low.quality)
        #expect(analysis.oracle.monthlyCostUSD < analysis.monthlyCostUSD)
        // The evaluation counts the router's fee once.
        let routed = listed.evaluate(choice)
        let plain = try table.evaluate(Configuration.load(path: FixturePaths.goldenData + "/production.json"), file: "production.json")
        #expect(routed.fixedFeesUSD == plain.fixedFeesUSD + 100)
        #expect(routed.monthlyCostUSD < plain.monthlyCostUSD)
    }
}
