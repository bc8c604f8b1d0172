import Testing
@testable import ParetoRoute

/// The repairs of an infeasible configuration against brute force on small random tables.
@Suite struct FeasibilityRepairTests {
    /// Every feasible configuration with the number of intents it changes from `baseline`.
    private func feasible(_ table: CellTable, from baseline: [Int], constraints: GlobalConstraints) -> [(e: ConfigurationEvaluation, changes: Int)] {
        var all: [(ConfigurationEvaluation, Int)] = []
        var choice = [Int](repeating: 0, count: table.intents.count)
        func visit(_ i: Int, _ changes: Int) {
            if i == choice.count {
                let e = table.evaluate(choice, constraints: constraints)
                if e.isFeasible { all.append((e, changes)) }
                return
            }
            for c in table.cells[i].indices {
                choice[i] = c
                visit(i + 1, changes + (c == baseline[i] ? 0 : 1))
            }
        }
        visit(0, 0)
        return all
    }

    /// In all but the last intent, the dearest cell breaking a floor or cap (where there is one).
    private func brokenBaseline(_ table: CellTable) -> [Int] {
        table.cells.indices.map { i in
            let cells = table.cells[i].indices
            let broken = cells.filter { i < table.intents.count - 1 && !table.violation(intent: i, option: $0).isEmpty }
            return broken.max { table.cells[i][$0].monthlyCostUSD < table.cells[i][$1].monthlyCostUSD }
                ?? cells.first { table.violation(intent: i, option: $0).isEmpty } ?? 0
        }
    }

    private func expectMatchesBruteForce(_ table: CellTable, baseline: [Int], constraints: GlobalConstraints) throws -> FeasibilityRepair {
        let repair = try #require(try FeasibilityRepair.find(for: baseline, table: table, constraints: constraints))
        let all = feasible(table, from: baseline, constraints: constraints)
        let fewest = try #require(all.map(\.changes).min())
        #expect(repair.fewestChanges == fewest)
        #expect(repair.breaches.map(\.intentIndex) == baseline.indices.filter { !table.violation(intent: $0, option: baseline[$0]).isEmpty })
        #expect(repair.options.map(\.maxChanges) == Array(fewest...min(fewest + 2, table.intents.count)))
        let today = table.evaluate(baseline).monthlyCostUSD
        for option in repair.options {
            let within = all.filter { $0.changes <= option.maxChanges }.map(\.e)
            let cheapest = try #require(within.map(\.monthlyCostUSD).min())
            #expect(option.cheapest.monthlyCostUSD == cheapest)
            #expect(option.cheapest.quality == within.filter { $0.monthlyCostUSD == cheapest }.map(\.quality).max())
            #expect(option.bestWithinCost?.quality == within.filter { $0.monthlyCostUSD <= today }.map(\.quality).max())
            #expect(option.front.allSatisfy { $0.isFeasible })
            #expect(option.front.map(\.quality) == ExactSolver.sweep(within.map { table.score($0.choice, constraints: constraints) }).map(\.quality))
        }
        return repair
    }

    @Test(arguments: [91, 92, 93, 94, 95, 96] as [UInt64])
    func repairsEqualBruteForce(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 5, feeModels: 1)
        let baseline = brokenBaseline(table)
        let repair = try expectMatchesBruteForce(table, baseline: baseline, constraints: GlobalConstraints())
        #expect(repair.fewestChanges == repair.breaches.count)
        #expect(!repair.globalConstraintBinds)
        #expect(repair.text.contains("fewest intents to change: \(repair.breaches.count) (those above)"))
    }

    /// A quality floor just above the best repair of the breaking intents alone: one more must change.
    @Test(arguments: [102, 103, 104, 105, 106] as [UInt64])
    func aBindingQualityFloorNeedsMoreChangesAndSaysWhy(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 5, feeModels: 1)
        let baseline = brokenBaseline(table)
        let all = feasible(table, from: baseline, constraints: GlobalConstraints())
        let broken = try #require(all.map(\.changes).min())
        let bestWith = { (k: Int) in all.filter { $0.changes <= k }.map(\.e.quality).max() ?? 0 }
        try #require(bestWith(broken + 1) > bestWith(broken))
        let floor = (bestWith(broken) + bestWith(broken + 1)) / 2
        let repair = try expectMatchesBruteForce(table, baseline: baseline, constraints: GlobalConstraints(minQuality: floor))
        #expect(repair.fewestChanges == broken + 1)
        #expect(repair.globalConstraintBinds)
        #expect(repair.text.contains("cannot also meet quality ≥ \(formatQuality(floor)), so 1 more must"))
    }

    @Test func aFeasibleConfigurationNeedsNoRepairAndAnImpossibleFloorHasNone() throws {
        let table = RandomTables.make(seed: 91, intents: 4, cellsPerIntent: 5)
        let feasibleChoice = table.cells.indices.map { i in table.cells[i].indices.first { table.violation(intent: i, option: $0).isEmpty } ?? 0 }
        #expect(try FeasibilityRepair.find(for: feasibleChoice, table: table) == nil)
        let impossible = try #require(try FeasibilityRepair.find(for: brokenBaseline(table), table: table, constraints: GlobalConstraints(minQuality: 0.999)))
        #expect(impossible.fewestChanges == nil)
        #expect(impossible.options.isEmpty)
        #expect(impossible.text.contains("no feasible configuration exists under quality ≥ 0.9990 whatever changes"))
    }
}
