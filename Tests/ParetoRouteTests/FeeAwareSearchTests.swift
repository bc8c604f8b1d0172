import NSGA2
@testable import ParetoRoute
import Testing

/// The search on data where the cheap end of the front avoids a big monthly fee (issue 14).
@Suite struct FeeAwareSearchTests {
    static let space: SearchSpace = {
        do { return try SearchSpace(table: MultifeeFixture.table()) } catch { preconditionFailure("\(error)") }
    }()
    static let exact = ExactSolver.solve(space).points

    private func share(_ points: [ConfigurationEvaluation]) -> Double {
        FrontGeometry.hypervolumeShare(of: points.map { ($0.monthlyCostUSD, $0.quality) },
                                       exact: Self.exact.map { ($0.monthlyCostUSD, $0.quality) })
    }

    @Test func theFixtureHasTheShapeThatDefeatsPerIntentSeeds() throws {
        let space = Self.space
        #expect(space.table.intents.count == 12)
        #expect(space.feePayingModels.map { space.table.models[$0].name } == ["dedicated", "tuned"])
        let cheapest = try #require(Self.exact.first)
        // The cheapest configuration avoids the $7,000 fee ...
        #expect(cheapest.fixedFeesUSD < 7000)
        // ... although every intent's cheapest candidate by token cost is on the dedicated model.
        let dedicated = try #require(space.table.modelIndex(named: "dedicated"))
        for (i, list) in space.candidates.enumerated() {
            let byCost = list.min { space.table.cells[i][$0].monthlyCostUSD < space.table.cells[i][$1].monthlyCostUSD }
            #expect(byCost.map { space.table.cells[i][$0].modelIndex } == dedicated)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theDesignDocsBudgetFindsTheExactCheapestPoint(seed: UInt64) throws {
        var options = Optimizer.Options()
        options.population = 100
        options.generations = 50
        options.seed = seed
        let found = Optimizer.optimize(Self.space, options: options).points
        let cheapest = try #require(Self.exact.first)
        #expect(found.first?.monthlyCostUSD == cheapest.monthlyCostUSD)
        #expect(found.first?.quality == cheapest.quality)
        #expect(share(found) >= 0.995)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func defaultSettingsReach999PerMille(seed: UInt64) throws {
        var options = Optimizer.Options()
        options.seed = seed
        let found = Optimizer.optimize(Self.space, options: options).points
        #expect(found.first?.monthlyCostUSD == Self.exact.first?.monthlyCostUSD)
        #expect(share(found) >= 0.999)
    }
}
