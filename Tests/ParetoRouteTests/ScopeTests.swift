import Testing
@testable import ParetoRoute

@Suite struct ScopeTests {
    /// Brute force restricted to configurations within `maxChanges` of `baseline`; an intent
    /// that keeps its baseline cell is acceptable even when that cell breaks a constraint.
    /// With `feasibleOnly`, a kept baseline cell must be feasible too.
    private func bruteForce(_ table: CellTable, baseline: [Int], maxChanges: Int,
                            constraints: GlobalConstraints = GlobalConstraints(), feasibleOnly: Bool = false) -> [(Double, Double)] {
        var all: [ConfigurationScore] = []
        var choice = [Int](repeating: 0, count: table.intents.count)
        func visit(_ i: Int, _ changes: Int) {
            if changes > maxChanges { return }
            if i == choice.count {
                let e = table.evaluate(choice, constraints: constraints)
                let acceptable = e.globalFailures.isEmpty
                    && e.perIntent.indices.allSatisfy { e.perIntent[$0].violation.isEmpty || (!feasibleOnly && choice[$0] == baseline[$0]) }
                if acceptable { all.append(table.score(choice, constraints: constraints)) }
                return
            }
            for c in table.cells[i].indices {
                choice[i] = c
                visit(i + 1, changes + (c == baseline[i] ? 0 : 1))
            }
        }
        visit(0, 0)
        return ExactSolver.sweep(all).map { ($0.monthlyCostUSD, $0.quality) }
    }

    @Test(arguments: [(31, 1), (32, 2), (33, 2), (34, 3), (35, 1)] as [(UInt64, Int)])
    func exactUnderAChangeBudgetEqualsBruteForce(seed: UInt64, maxChanges: Int) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 1)
        let baseline = [Int](repeating: 0, count: 4)
        let expected = bruteForce(table, baseline: baseline, maxChanges: maxChanges)
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, maxChanges: maxChanges))
        let exact = ExactSolver.solve(space).points
        #expect(exact.map(\.monthlyCostUSD) == expected.map(\.0))
        #expect(exact.map(\.quality) == expected.map(\.1))
        for point in exact {
            #expect(zip(point.choice, baseline).filter { $0 != $1 }.count <= maxChanges)
        }
    }

    /// The baseline cell leads each intent's list whatever its figures, so the fold's
    /// pruning bounds must not read the cheapest or best cell off the list's ends.
    @Test(arguments: [41, 42, 43, 44, 45, 46] as [UInt64])
    func aChangeBudgetWithGlobalConstraintsEqualsBruteForce(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 1)
        // The dearest cell of each intent as the baseline: first in the list, yet not the cheapest.
        let baseline = table.cells.map { cells in cells.indices.max { cells[$0].monthlyCostUSD < cells[$1].monthlyCostUSD } ?? 0 }
        let free = bruteForce(table, baseline: baseline, maxChanges: 2)
        let constraints = GlobalConstraints(maxMonthlyCostUSD: free[free.count / 2].0, minQuality: free[free.count / 3].1)
        let expected = bruteForce(table, baseline: baseline, maxChanges: 2, constraints: constraints)
        #expect(!expected.isEmpty)
        let space = try SearchSpace(table: table, constraints: constraints, scope: Scope(baseline: baseline, maxChanges: 2))
        let exact = ExactSolver.solve(space).points
        #expect(exact.map(\.monthlyCostUSD) == expected.map(\.0))
        #expect(exact.map(\.quality) == expected.map(\.1))
    }

    /// A baseline running, in every intent but the last, its dearest infeasible cell (when it
    /// has one), and elsewhere the intent's first feasible cell; and the intents it breaks.
    private func infeasibleBaseline(_ table: CellTable) -> (baseline: [Int], broken: [Int]) {
        let baseline = table.cells.indices.map { i in
            let cells = table.cells[i].indices
            let broken = cells.filter { i < table.intents.count - 1 && !table.violation(intent: i, option: $0).isEmpty }
            return broken.max { table.cells[i][$0].monthlyCostUSD < table.cells[i][$1].monthlyCostUSD }
                ?? cells.first { table.violation(intent: i, option: $0).isEmpty } ?? 0
        }
        return (baseline, baseline.indices.filter { !table.violation(intent: $0, option: baseline[$0]).isEmpty })
    }

    /// `extra`: changes allowed beyond the intents that must change.
    @Test(arguments: [(71, 0), (72, 0), (73, 1), (74, 1), (75, 0), (76, 2), (77, 1)] as [(UInt64, Int)])
    func feasibleOnlyRepairsEqualBruteForce(seed: UInt64, extra: Int) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 1)
        let (baseline, broken) = infeasibleBaseline(table)
        #expect(broken.count >= 2)
        let maxChanges = broken.count + extra
        let expected = bruteForce(table, baseline: baseline, maxChanges: maxChanges, feasibleOnly: true)
        #expect(!expected.isEmpty)
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, maxChanges: maxChanges, feasibleOnly: true))
        #expect(space.mustChange == broken)
        let exact = ExactSolver.solve(space).points
        #expect(exact.map(\.monthlyCostUSD) == expected.map(\.0))
        #expect(exact.map(\.quality) == expected.map(\.1))
        #expect(exact.allSatisfy { $0.isFeasible })
        for point in exact {
            let changed = zip(point.choice, baseline).filter { $0 != $1 }.count
            #expect(changed <= maxChanges && changed >= broken.count)
        }
        // One change fewer than the broken intents reaches nothing.
        let tooFew = try SearchSpace(table: table, scope: Scope(baseline: baseline, maxChanges: broken.count - 1, feasibleOnly: true))
        #expect(ExactSolver.solve(tooFew).points.isEmpty)
    }

    @Test(arguments: [81, 82, 83] as [UInt64])
    func feasibleOnlyUnderGlobalConstraintsEqualsBruteForce(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 2)
        let (baseline, _) = infeasibleBaseline(table)
        let free = bruteForce(table, baseline: baseline, maxChanges: 4, feasibleOnly: true)
        let constraints = GlobalConstraints(maxMonthlyCostUSD: free[free.count * 2 / 3].0, minQuality: free[free.count / 3].1)
        let expected = bruteForce(table, baseline: baseline, maxChanges: 4, constraints: constraints, feasibleOnly: true)
        #expect(!expected.isEmpty)
        let space = try SearchSpace(table: table, constraints: constraints, scope: Scope(baseline: baseline, maxChanges: 4, feasibleOnly: true))
        let exact = ExactSolver.solve(space).points
        #expect(exact.map(\.monthlyCostUSD) == expected.map(\.0))
        #expect(exact.map(\.quality) == expected.map(\.1))
        // Without a change budget it is the data's own front restricted by nothing but feasibility.
        let unbudgeted = try SearchSpace(table: table, scope: Scope(baseline: baseline, feasibleOnly: true))
        #expect(ExactSolver.solve(unbudgeted).points.map(\.quality) == RandomTables.bruteForceFront(table).map(\.1))
    }

    @Test func feasibleOnlyNeedsABaselineAndAFeasiblePin() throws {
        let table = RandomTables.make(seed: 71, intents: 4, cellsPerIntent: 6)
        let (baseline, broken) = infeasibleBaseline(table)
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, feasibleOnly: true))
        for i in broken { #expect(space.pruning[i].belowFloor + space.pruning[i].aboveCap >= 1) }
        #expect(!space.grandfathered.contains(true))
        #expect(throws: RequestError.self) { _ = try SearchSpace(table: table, scope: Scope(feasibleOnly: true)) }
        // Pinning an intent to a broken cell leaves it nothing: a request error naming the pin.
        let error = #expect(throws: RequestError.self) {
            _ = try SearchSpace(table: table, scope: Scope(baseline: baseline, pinnedIntents: [table.intents[broken[0]].name], feasibleOnly: true))
        }
        #expect(error?.options == [.pinnedIntents, .feasibleOnly])
    }

    @Test func zeroChangesLeaveTheBaselineAlone() throws {
        let table = RandomTables.make(seed: 40, intents: 4, cellsPerIntent: 5)
        let baseline = [0, 0, 0, 0]
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, maxChanges: 0))
        #expect(ExactSolver.solve(space).points.map(\.choice) == [baseline])
        var options = Optimizer.Options()
        options.generations = 20
        options.population = 20
        #expect(Optimizer.optimize(space, options: options).points.map(\.choice) == [baseline])
    }

    @Test func aPinnedIntentNeverChanges() throws {
        let table = RandomTables.make(seed: 41, intents: 4, cellsPerIntent: 6)
        let baseline = [0, 0, 0, 0]
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, pinnedIntents: ["intent2"]))
        let exact = ExactSolver.solve(space).points
        #expect(exact.count > 1)
        #expect(exact.allSatisfy { $0.choice[2] == 0 })
        var options = Optimizer.Options()
        options.generations = 30
        options.population = 30
        #expect(Optimizer.optimize(space, options: options).points.allSatisfy { $0.choice[2] == 0 })
        #expect(space.pruning[2].pinned == 5)
    }

    @Test func optimizeRespectsTheChangeBudget() throws {
        let table = RandomTables.make(seed: 42, intents: 6, cellsPerIntent: 6, feeModels: 2)
        let baseline = [Int](repeating: 0, count: 6)
        let space = try SearchSpace(table: table, scope: Scope(baseline: baseline, maxChanges: 2))
        var options = Optimizer.Options()
        options.generations = 60
        let found = Optimizer.optimize(space, options: options).points
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { zip($0.choice, baseline).filter { $0 != $1 }.count <= 2 })
    }

    @Test func aPriceCutMovesTheIntentsToTheCheaperModel() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        // At $3/$15 "big" serves chat only on the best point; at 1% of that price it is the cheapest
        // chat cell that meets the floor, and the cheapest point uses it everywhere.
        let cut = try WhatIf(prices: ["big": PriceCard(input: 0.03, output: 0.15)]).apply(to: table)
        let before = ExactSolver.solve(try SearchSpace(table: table)).points
        let after = ExactSolver.solve(try SearchSpace(table: cut)).points
        #expect(table.configuration(of: before[0].choice).entries.map { $0.option.singleSetting?.model } == ["big", "small"])
        #expect(after.count == 1)
        #expect(cut.configuration(of: after[0].choice).entries.map { $0.option.singleSetting?.model } == ["big", "big"])
        // 15,000 calls × (1000×0.03 + 200×0.15)/1e6 + 15,000 × (600×0.03 + 150×0.15)/1e6.
        #expect(abs(after[0].monthlyCostUSD - (0.9 + 0.6075)) < 1e-9)
    }

    @Test func volumeOverridesRescaleCostAndDefaultWeights() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        let doubled = try WhatIf(volumeScale: 2, volumes: ["chat": 1500], responseCacheRates: ["faq": 0]).apply(to: table)
        #expect(doubled.intents.map(\.dailyVolume) == [2000, 1500])
        #expect(doubled.intents.map(\.qualityWeight) == [2000, 1500])
        // faq big: 2000 × 30 × 1.0 calls × $0.006 = $360 (was $90).
        let faqBig = try #require(doubled.cellIndex(intent: 0, setting: Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        #expect(abs(doubled.cells[0][faqBig].monthlyCostUSD - 360) < 1e-9)
        #expect(throws: RequestError([.volumes], "'nope' is not in the data; expected one of faq, chat")) {
            _ = try WhatIf(volumes: ["nope": 1]).apply(to: table)
        }
    }
}
