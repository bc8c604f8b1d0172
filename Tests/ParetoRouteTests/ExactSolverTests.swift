import Testing
@testable import ParetoRoute

@Suite struct ExactSolverTests {
    @Test func tinyFixtureFrontIsTheHandListedOne() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        let front = ExactSolver.solve(try SearchSpace(table: table)).points
        // faq big + chat small: 90 + 4.125, (925 + 380)/1500; faq big + chat big: 90 + 60.75, (925 + 450)/1500.
        // The fee-paying tuned model's configurations (111.625 / 0.8067, 168.25 / 0.8533) are dominated.
        #expect(front.count == 2)
        #expect(abs(front[0].monthlyCostUSD - 94.125) < 1e-9)
        #expect(abs(front[0].quality - 0.87) < 1e-12)
        #expect(abs(front[1].monthlyCostUSD - 150.75) < 1e-9)
        #expect(abs(front[1].quality - 1375.0 / 1500) < 1e-12)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func equalsBruteForceOnRandomTables(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 2)
        let expected = RandomTables.bruteForceFront(table)
        let exact = ExactSolver.solve(try SearchSpace(table: table)).points.map { ($0.monthlyCostUSD, $0.quality) }
        #expect(exact.count == expected.count)
        for (a, b) in zip(exact, expected) {
            #expect(a.0 == b.0 && a.1 == b.1)
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func globalConstraintsMatchBruteForce(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 5, feeModels: 1)
        let all = RandomTables.bruteForceFront(table)
        let middle = all[all.count / 2]
        let constraints = GlobalConstraints(maxMonthlyCostUSD: middle.0, minQuality: all[0].1 + 0.001)
        let expected = RandomTables.bruteForceFront(table, constraints: constraints)
        let exact = ExactSolver.solve(try SearchSpace(table: table, constraints: constraints)).points.map { ($0.monthlyCostUSD, $0.quality) }
        #expect(exact.map(\.0) == expected.map(\.0))
        #expect(exact.map(\.1) == expected.map(\.1))
        #expect(exact.allSatisfy { $0.0 <= middle.0 })
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func optimizeNeverBeatsExact(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 5, cellsPerIntent: 6, feeModels: 2)
        let space = try SearchSpace(table: table)
        let exact = ExactSolver.solve(space).points
        var options = Optimizer.Options()
        options.population = 40
        options.generations = 60
        options.seed = seed
        let found = Optimizer.optimize(space, options: options).points
        #expect(!found.isEmpty)
        for point in found {
            // On or behind the exact front: no exact point is beaten.
            let beaten = exact.contains { e in point.monthlyCostUSD <= e.monthlyCostUSD && point.quality >= e.quality
                && (point.monthlyCostUSD < e.monthlyCostUSD || point.quality > e.quality) }
            #expect(!beaten)
            // And it is dominated by or equal to some exact point.
            #expect(exact.contains { $0.monthlyCostUSD <= point.monthlyCostUSD && $0.quality >= point.quality })
        }
    }

    @Test(arguments: [51, 52, 53] as [UInt64])
    func maxPointsKeepsItsGuarantee(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 6, cellsPerIntent: 8, feeModels: 1)
        let space = try SearchSpace(table: table)
        let exact = ExactSolver.solve(space).points
        let capped = ExactSolver.solve(space, maxPoints: 5)
        #expect(capped.points.count <= 6)
        #expect(capped.points.count < exact.count)
        #expect(capped.qualityTolerance > 0)
        for point in exact {
            #expect(capped.points.contains { $0.monthlyCostUSD <= point.monthlyCostUSD && $0.quality >= point.quality - capped.qualityTolerance })
        }
    }

    @Test(arguments: [61, 62, 63, 64, 65, 66, 67, 68] as [UInt64])
    func maxPointsKeepsItsGuaranteeUnderAQualityFloor(seed: UInt64) throws {
        let table = RandomTables.make(seed: seed, intents: 5, cellsPerIntent: 7, feeModels: 1)
        let unconstrained = ExactSolver.solve(try SearchSpace(table: table)).points
        let floor = unconstrained[unconstrained.count / 4].quality
        let space = try SearchSpace(table: table, constraints: GlobalConstraints(minQuality: floor))
        let exact = ExactSolver.solve(space).points
        for maxPoints in [2, 4, 8] {
            let capped = ExactSolver.solve(space, maxPoints: maxPoints)
            #expect(capped.points.allSatisfy { $0.quality >= floor })
            for point in exact {
                #expect(capped.points.contains { $0.monthlyCostUSD <= point.monthlyCostUSD && $0.quality >= point.quality - capped.qualityTolerance })
            }
        }
    }

    /// A partial that meets the floor only by the fold's rounding slack (3 · 0.7 / 3 is
    /// 0.6999999999999998) must not push a feasible rival out of the ε-grid.
    @Test func aPartialBelowTheFloorByRoundingDropsNoFeasibleRival() throws {
        let model = Model(name: "m", inputUSDPerMTok: 1, outputUSDPerMTok: 0)
        let intent = Intent(name: "only", dailyVolume: 1, responseCacheHitRate: 0, minQuality: 0, maxP99LatencyMs: 1000, qualityWeight: 3)
        let cells = [(0.0, 0.70), (1.0, 0.72), (2.0, 0.90)].enumerated().map { index, figures in
            Cell(setting: Setting(model: "m", maxTokens: 100 + index, temperature: 0.1, ragChunks: 0), modelIndex: 0,
                 sampleCount: 10, quality: figures.1, qualityStandardError: 0.01, meanInputTokens: 0, meanOutputTokens: 0,
                 p99LatencyMs: 100, monthlyCostUSD: figures.0, sourceFile: "evals.csv")
        }
        let table = CellTable(models: [model], intents: [intent], cells: [cells])
        let space = try SearchSpace(table: table, constraints: GlobalConstraints(minQuality: 0.7))
        #expect(ExactSolver.solve(space).points.map(\.monthlyCostUSD) == [1, 2])
        let capped = ExactSolver.solve(space, maxPoints: 2)
        #expect(capped.points.map(\.monthlyCostUSD) == [1, 2])
    }

    @Test func moreThanTwelveFeePayingModelsInUseAreRefusedUnlessRuledOut() throws {
        let table = RandomTables.make(seed: 5, intents: 6, cellsPerIntent: 60, feeModels: 13)
        #expect {
            _ = try SearchSpace(table: table)
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.kind == .badData && error.file == "models.csv" && error.message.hasPrefix("13 models that charge a monthly fee")
        }
        // Ruling one out brings the count to the limit: 2^12 subsets, each folded.
        let space = try SearchSpace(table: table, scope: Scope(excludedModels: ["fee-0"]))
        #expect(space.feePayingModels.count == 12)
    }

    /// Fee subsets fold in parallel: the result, configurations included, must not depend
    /// on which finishes first.
    @Test func parallelFoldsGiveTheSameFrontEveryTime() throws {
        let space = try SearchSpace(table: RandomTables.make(seed: 71, intents: 6, cellsPerIntent: 9, feeModels: 3))
        let first = ExactSolver.solve(space)
        #expect(first.subsetsSolved == 8)
        #expect(first.points.count > 10)
        for _ in 0..<5 {
            let again = ExactSolver.solve(space)
            #expect(again.points.map(\.choice) == first.points.map(\.choice))
            #expect(again.candidatesExamined == first.candidatesExamined)
        }
    }

    @Test func anIntentWithNoFeasibleCellIsAnErrorNamingIt() {
        var table = RandomTables.make(seed: 3, intents: 2, cellsPerIntent: 3)
        table.intents[1].minQuality = 0.999
        #expect {
            _ = try SearchSpace(table: table)
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.kind == .badData && error.message.hasPrefix("intent 'intent1' has no feasible cell")
        }
    }
}
