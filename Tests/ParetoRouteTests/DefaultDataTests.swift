import Foundation
import Testing
@testable import ParetoRoute

/// The committed default data, loaded once for the suite (a debug build reads 216,000 rows slowly).
enum DefaultData {
    static let table: CellTable? = try? GoldenDataLoader.load(directory: FixturePaths.goldenData)
    static let space: SearchSpace? = table.flatMap { try? SearchSpace(table: $0) }
    static let exact: [ConfigurationScore] = space.map { ExactSolver.solve($0).points } ?? []

    /// The production-like configuration of the issues: sonnet everywhere, 500 tokens, t 0.3, 5 chunks.
    static func production(_ table: CellTable) throws -> [Int] {
        try table.intents.indices.map { i in
            try #require(table.cellIndex(intent: i, setting: Setting(model: "sonnet", maxTokens: 500, temperature: 0.3, ragChunks: 5)))
        }
    }
}

@Suite struct DefaultDataTests {
    @Test func theDefaultDataLoadsAndShowsItsBehaviours() throws {
        let table = try #require(DefaultData.table)
        #expect(table.rowCount == 216_000)
        #expect(table.intents.count == 10)
        #expect(table.cells.allSatisfy { $0.count == 108 })
        let summary = DataSummary(table)
        #expect(summary.infeasibleIntents.isEmpty)
        let recommendation = try #require(table.intentIndex(named: "recommendation"))
        let feasibleHaiku = table.cells[recommendation].indices.filter {
            table.cells[recommendation][$0].setting.model == "haiku" && table.violation(intent: recommendation, option: $0).isEmpty
        }
        #expect(feasibleHaiku.isEmpty)
        let slowSonnet = table.intents.indices.flatMap { i in
            table.cells[i].indices.filter { table.cells[i][$0].setting.model == "sonnet" && table.violation(intent: i, option: $0).contains(.latencyAboveCap) }
        }
        #expect(!slowSonnet.isEmpty)
    }

    @Test func exactFrontIsFeasibleNonDominatedAndRecomputes() throws {
        let table = try #require(DefaultData.table)
        let front = DefaultData.exact
        #expect(front.count > 100)
        for (a, b) in zip(front, front.dropFirst()) {
            // Sorted by cost with strictly rising quality: nothing dominates anything.
            #expect(a.monthlyCostUSD < b.monthlyCostUSD && a.quality < b.quality)
        }
        for point in front.prefix(50) {
            let again = table.evaluate(point.choice)
            #expect(again.isFeasible)
            #expect(again.monthlyCostUSD == point.monthlyCostUSD && again.quality == point.quality)
        }
    }

    /// Hypervolume share of the exact front's, reference point from the exact front.
    private func share(_ points: [ConfigurationScore]) -> Double {
        let exact = DefaultData.exact.map { (cost: $0.monthlyCostUSD, quality: $0.quality) }
        let reference = FrontGeometry.referencePoint(exact)
        return FrontGeometry.hypervolume(points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) }, reference: reference)
            / FrontGeometry.hypervolume(exact, reference: reference)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func defaultSettingsReach999PerMilleOfTheExactHypervolume(seed: UInt64) throws {
        let space = try #require(DefaultData.space)
        var options = Optimizer.Options()
        options.seed = seed
        let found = Optimizer.optimize(space, options: options).points
        #expect(share(found) >= 0.999)
        // Never beyond the exact front.
        let exact = DefaultData.exact
        for point in found {
            #expect(exact.contains { $0.monthlyCostUSD <= point.monthlyCostUSD && $0.quality >= point.quality })
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theDesignDocsBudgetReaches995PerMille(seed: UInt64) throws {
        let space = try #require(DefaultData.space)
        var options = Optimizer.Options()
        options.population = 100
        options.generations = 50
        options.stallGenerations = nil
        options.seed = seed
        #expect(share(Optimizer.optimize(space, options: options).points) >= 0.995)
    }

    @Test func productionIsDominatedWithASavingAtEqualQuality() throws {
        let table = try #require(DefaultData.table)
        let evaluation = table.evaluate(try DefaultData.production(table))
        let front = try FrontRun.exact(table).front
        let check = DominanceCheck(evaluation: evaluation, front: front)
        #expect(check.isDominated)
        let saving = try #require(check.cheaperAtSameQuality?.savingUSD)
        #expect(saving > 10_000)
        #expect(check.isDominatedBeyondNoise)
        // The points shown under "survives the noise" survive it: the cheapest and the best of
        // those that do, and three between them.
        let survivors = check.dominatorsBeyondNoise
        #expect(check.shownDominators.count == 5)
        #expect(check.shownDominators.allSatisfy(survivors.contains))
        #expect(check.shownDominators.first == survivors.first && check.shownDominators.last == survivors.last)
    }

    @Test func limitedMovesFromProductionSaveMoneyWithOneAndTwoChanges() throws {
        let table = try #require(DefaultData.table)
        let production = try DefaultData.production(table)
        let one = try #require(try LimitedMove.best(from: production, table: table, maxChanges: 1))
        let two = try #require(try LimitedMove.best(from: production, table: table, maxChanges: 2))
        #expect(one.changedIntents.count <= 1)
        #expect(two.changedIntents.count <= 2)
        #expect(one.savingUSD > 0)
        #expect(two.savingUSD >= one.savingUSD)
    }
}
