import NSGA2
@testable import ParetoRoute

/// Small random cell tables whose fronts brute force can list.
enum RandomTables {
    static func make(seed: UInt64, intents: Int, cellsPerIntent: Int, feeModels: Int = 1) -> CellTable {
        var rng = Xoshiro256StarStar(seed: seed)
        var models = [Model(name: "free-a", inputUSDPerMTok: 1, outputUSDPerMTok: 2),
                      Model(name: "free-b", inputUSDPerMTok: 0.2, outputUSDPerMTok: 0.5)]
        for f in 0..<feeModels {
            models.append(Model(name: "fee-\(f)", inputUSDPerMTok: 0.1, outputUSDPerMTok: 0.2,
                                monthlyFixedUSD: Double(50 + rng.nextInt(below: 200))))
        }
        var intentList: [Intent] = []
        var cells: [[Cell]] = []
        for i in 0..<intents {
            let intent = Intent(name: "intent\(i)", dailyVolume: Double(100 + rng.nextInt(below: 1000)), responseCacheHitRate: 0.1,
                                minQuality: 0.5, maxP99LatencyMs: 1000, qualityWeight: Double(1 + rng.nextInt(below: 5)))
            intentList.append(intent)
            var list: [Cell] = []
            for c in 0..<cellsPerIntent {
                let m = rng.nextInt(below: models.count)
                let input = Double(100 + rng.nextInt(below: 1000)), output = Double(50 + rng.nextInt(below: 300))
                // Cell 0 is always feasible so every intent has a candidate.
                let quality = (c == 0 ? 0.6 : 0.45) + (c == 0 ? 0.35 : 0.5) * rng.nextDouble()
                let p99 = 500 + (c == 0 ? 400 : 700) * rng.nextDouble()
                list.append(Cell(setting: Setting(model: models[m].name, maxTokens: 100 + c, temperature: 0.1, ragChunks: 0),
                                 modelIndex: m, sampleCount: 10, quality: quality, qualityStandardError: 0.01,
                                 meanInputTokens: input, meanOutputTokens: output, p99LatencyMs: p99,
                                 monthlyCostUSD: Cell.monthlyCost(intent: intent, prices: models[m].prices, meanTokens: TokenCounts(input: input, output: output)),
                                 sourceFile: "evals.csv"))
            }
            cells.append(list)
        }
        return CellTable(models: models, intents: intentList, cells: cells)
    }

    /// Every feasible configuration's objectives, filtered to the non-dominated ones.
    static func bruteForceFront(_ table: CellTable, constraints: GlobalConstraints = GlobalConstraints()) -> [(Double, Double)] {
        ExactSolver.sweep(feasibleConfigurations(table, constraints: constraints)).map { ($0.monthlyCostUSD, $0.quality) }
    }

    /// Every feasible configuration, evaluated, in lexicographic order of cell indices.
    static func feasibleConfigurations(_ table: CellTable, constraints: GlobalConstraints = GlobalConstraints()) -> [ConfigurationScore] {
        var all: [ConfigurationScore] = []
        var choice = [Int](repeating: 0, count: table.intents.count)
        func visit(_ i: Int) {
            if i == choice.count {
                let e = table.score(choice, constraints: constraints)
                if e.isFeasible { all.append(e) }
                return
            }
            for c in table.cells[i].indices {
                choice[i] = c
                visit(i + 1)
            }
        }
        visit(0)
        return all
    }
}
