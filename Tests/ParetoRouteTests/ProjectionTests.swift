import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// A small table with token samples: two intents, two cells each, skewed token counts.
enum ProjectionTables {
    static func make(volumes: [Double] = [12, 7], responseCacheRates: [Double] = [0.3, 0.1]) -> CellTable {
        let models = [Model(name: "big", inputUSDPerMTok: 3, outputUSDPerMTok: 15),
                      Model(name: "small", inputUSDPerMTok: 0.25, outputUSDPerMTok: 1.25, monthlyFixedUSD: 10)]
        let tokens: [[(Int, Int)]] = [
            [(1000, 200), (1200, 150), (900, 600), (4000, 900), (1100, 250)],
            [(300, 40), (350, 60), (2500, 500)],
        ]
        var intents: [Intent] = []
        var cells: [[Cell]] = []
        var samples: [[CellSamples]] = []
        for i in 0..<2 {
            let intent = Intent(name: "intent\(i)", dailyVolume: volumes[i], responseCacheHitRate: responseCacheRates[i], minQuality: 0.5, maxP99LatencyMs: 1000)
            intents.append(intent)
            var list: [Cell] = []
            var kept: [CellSamples] = []
            for (m, model) in models.enumerated() {
                let pairs = tokens[(i + m) % 2]
                let meanIn = Double(pairs.map(\.0).reduce(0, +)) / Double(pairs.count)
                let meanOut = Double(pairs.map(\.1).reduce(0, +)) / Double(pairs.count)
                list.append(Cell(setting: Setting(model: model.name, maxTokens: 1000, temperature: 0.1, ragChunks: 0),
                                 modelIndex: m, sampleCount: pairs.count, quality: 0.9 - 0.1 * Double(m), qualityStandardError: 0.01,
                                 meanInputTokens: meanIn, meanOutputTokens: meanOut, p99LatencyMs: 500,
                                 monthlyCostUSD: Cell.monthlyCost(intent: intent, prices: model.prices, meanTokens: TokenCounts(input: meanIn, output: meanOut)),
                                 sourceFile: "evals.csv"))
                kept.append(CellSamples(qualities: pairs.map { _ in 0.9 }, sortedLatencies: pairs.map { _ in 500 },
                                        inputTokens: pairs.map(\.0), outputTokens: pairs.map(\.1)))
            }
            cells.append(list)
            samples.append(kept)
        }
        var table = CellTable(models: models, intents: intents, cells: cells)
        table.samples = samples
        return table
    }

    /// The slow, obvious simulation: every day, every conversation, every cache hit drawn.
    static func bruteForce(_ table: CellTable, choice: [Int], growth: Scenario.TrafficGrowth?, dailyCV: Double,
                           months: Int, runs: Int, seed: UInt64) -> [[Double]] {
        var rng = Xoshiro256StarStar(seed: seed)
        let logSD = log(1 + dailyCV * dailyCV).squareRoot()
        var fees = 0.0
        for (m, model) in table.models.enumerated() where choice.enumerated().contains(where: { table.cells[$0.offset][$0.element].modelIndex == m }) {
            fees += model.monthlyFixedUSD
        }
        return (0..<runs).map { _ in
            var factor = 1.0, sum = 0.0
            return (0..<months).map { _ in
                var total = fees
                for _ in 0..<30 {
                    let multiplier = dailyCV > 0 ? exp(logSD * rng.nextGaussian() - logSD * logSD / 2) : 1
                    for (i, c) in choice.enumerated() {
                        let intent = table.intents[i]
                        let samples = table.samples![i][c]
                        let model = table.models[table.cells[i][c].modelIndex]
                        let conversations = rng.nextPoisson(mean: intent.dailyVolume * factor * multiplier)
                        for _ in 0..<conversations where !rng.nextBool(probability: intent.responseCacheHitRate) {
                            let k = rng.nextInt(below: samples.inputTokens.count)
                            total += (Double(samples.inputTokens[k]) * model.prices.input + Double(samples.outputTokens[k]) * model.prices.output) / 1e6
                        }
                    }
                }
                if let growth {
                    sum += growth.monthlyRate + growth.monthlyRateSD * rng.nextGaussian()
                    factor = max(0, 1 + sum)
                }
                return total
            }
        }
    }
}

/// Mean, standard deviation and the three quantiles of `values`.
private func figures(_ values: [Double]) -> (mean: Double, sd: Double, p5: Double, p50: Double, p95: Double) {
    let sorted = values.sorted()
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
    return (mean, sd, percentile(sorted: sorted, 0.05), percentile(sorted: sorted, 0.5), percentile(sorted: sorted, 0.95))
}

@Suite struct ProjectionTests {
    @Test(arguments: [0, Int.max], [false, true])
    func approximationAgreesWithBruteForceWithinMonteCarloError(exactBelow: Int, uncertain: Bool) throws {
        // 0: every sum by the normal law (counts near 250 a month); Int.max: every sum resampled.
        // Without growth and day-to-day uncertainty the token draws carry most of the spread.
        let table = ProjectionTables.make()
        let choice = [0, 1]
        let growth = Scenario.TrafficGrowth(type: .linear, monthlyRate: 0.2, monthlyRateSD: uncertain ? 0.1 : 0)
        let dailyCV = uncertain ? 0.3 : 0
        let scenario = Scenario(growth: growth, dailyVolumeCV: dailyCV)
        let plan = try ProjectionPlan(table: table, choice: choice, scenario: scenario, months: 2)
        let runs = 3000
        let fast = CostProjector.simulate(plan, runs: runs, seed: 7, exactBelow: exactBelow)
        let slow = ProjectionTables.bruteForce(table, choice: choice, growth: growth, dailyCV: dailyCV, months: 2, runs: runs, seed: 99)
        for month in 0..<2 {
            let a = figures(fast.map { $0[month] }), b = figures(slow.map { $0[month] })
            let n = Double(runs)
            // Standard errors of the difference: of a mean, σ√(2/n); of the p-quantile of a
            // roughly normal law, σ√(2p(1−p)/n)/φ(z_p) (1.83σ/√n at P50, 2.11σ/√n at P5/P95 for two samples).
            #expect(abs(a.mean - b.mean) <= 4.5 * b.sd * (2 / n).squareRoot(), "month \(month + 1) mean \(a.mean) vs \(b.mean)")
            #expect(abs(a.p50 - b.p50) <= 4.5 * 1.77 * b.sd / n.squareRoot(), "month \(month + 1) P50 \(a.p50) vs \(b.p50)")
            for (x, y) in [(a.p5, b.p5), (a.p95, b.p95)] {
                #expect(abs(x - y) <= 4.5 * 2.98 * b.sd / n.squareRoot(), "month \(month + 1) quantile \(x) vs \(y)")
            }
            #expect(abs(a.sd / b.sd - 1) < 0.1, "month \(month + 1) sd \(a.sd) vs \(b.sd)")
        }
    }

    @Test func withoutGrowthUncertaintyTheMeanIsTheFrontsMonthlyCost() throws {
        let table = ProjectionTables.make(volumes: [4000, 2500])
        for choice in [[0, 0], [0, 1], [1, 1]] {
            let plan = try ProjectionPlan(table: table, choice: choice, months: 3)
            let projection = CostProjector.project(plan, options: .init(months: 3, runs: 4000, seed: 3))
            let front = table.evaluate(choice).monthlyCostUSD
            for month in projection.months {
                #expect(abs(month.expectedUSD - front) <= 1e-9 * front)
                #expect(abs(month.meanUSD - front) <= 4 * month.meanStandardErrorUSD, "\(choice) month \(month.month): \(month.meanUSD) vs \(front)")
                #expect(month.p5USD < month.p50USD && month.p50USD < month.p95USD)
            }
        }
    }

    @Test func aPriceCutFromMonthThreeLowersMonthsThreeToSixOnly() throws {
        let table = ProjectionTables.make(volumes: [4000, 2500])
        let choice = [0, 1]   // big for intent0, small (fee 10) for intent1
        let cut = Scenario(priceChanges: [.init(model: "big", effectiveMonth: .index(3), inputUSDPerMTok: 2, outputUSDPerMTok: 10)])
        let options = CostProjector.Options(months: 6, runs: 2000, seed: 5)
        let base = CostProjector.project(try ProjectionPlan(table: table, choice: choice, months: 6), options: options)
        let cheaper = CostProjector.project(try ProjectionPlan(table: table, choice: choice, scenario: cut, months: 6), options: options)
        for m in 0..<2 { #expect(base.months[m] == cheaper.months[m]) }
        for m in 2..<6 {
            #expect(cheaper.months[m].meanUSD < base.months[m].meanUSD * 0.8)
            #expect(cheaper.months[m].p95USD < base.months[m].p5USD)
            #expect(cheaper.months[m].expectedUSD < base.months[m].expectedUSD)
        }
        #expect(cheaper.months[2].changes == ["price big 2/10"])
        #expect(cheaper.months.enumerated().allSatisfy { $0.offset == 2 || $0.element.changes.isEmpty })
    }

    @Test func tenPercentGrowthWithUncertaintyWidensTheBandMonthByMonth() throws {
        // The design doc's A12 assumptions (10 % linear monthly growth) with monthly_rate_sd 0.05.
        let table = ProjectionTables.make(volumes: [4000, 2500])
        let scenario = try Scenario(json: JSONParser.parse(Array("""
            {"start_month": "2025-04", "traffic_growth": {"type": "linear", "monthly_rate": 0.10, "monthly_rate_sd": 0.05}}
            """.utf8), file: "scenario.json"), file: "scenario.json")
        let plan = try ProjectionPlan(table: table, choice: [0, 1], scenario: scenario, months: 6)
        let projection = CostProjector.project(plan, options: .init(runs: 4000))
        let six = projection.months[5]
        #expect(six.p95USD > 1.05 * six.p50USD)
        #expect(six.label == "2025-09")
        let widths = projection.months.map { $0.p95USD - $0.p5USD }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 }, "\(widths)")
        // The mean follows 1 + 0.1 (t − 1) of month 1's expected cost, within its standard error.
        for month in projection.months {
            #expect(abs(month.meanUSD - month.expectedUSD) <= 4 * month.meanStandardErrorUSD)
        }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherFigures() throws {
        let table = ProjectionTables.make(volumes: [4000, 2500])
        let scenario = Scenario(growth: .init(type: .compound, monthlyRate: 0.05, monthlyRateSD: 0.02), dailyVolumeCV: 0.2)
        let plan = try ProjectionPlan(table: table, choice: [1, 0], scenario: scenario, months: 4)
        let one = CostProjector.project(plan, options: .init(months: 4, runs: 500, seed: 11, budgetUSD: 1000)).json.serialized()
        let again = CostProjector.project(plan, options: .init(months: 4, runs: 500, seed: 11, budgetUSD: 1000)).json.serialized()
        let other = CostProjector.project(plan, options: .init(months: 4, runs: 500, seed: 12, budgetUSD: 1000)).json.serialized()
        #expect(one == again)
        #expect(one != other)
    }

    @Test func theShareOverBudgetCountsRunsAboveIt() throws {
        let table = ProjectionTables.make(volumes: [4000, 2500])
        let plan = try ProjectionPlan(table: table, choice: [0, 1], months: 1)
        let totals = CostProjector.simulate(plan, runs: 1000, seed: 1).map { $0[0] }.sorted()
        let budget = totals[899]   // 100 runs cost more
        let projection = CostProjector.project(plan, options: .init(months: 1, runs: 1000, seed: 1, budgetUSD: budget))
        #expect(projection.months[0].probabilityOverBudget == 0.1)
        #expect(projection.months[0].p50USD == (totals[499] + totals[500]) / 2)
    }

    @Test(arguments: [0.5, 3.0, 9.99, 10.0, 40.0, 1e6])
    func poissonDrawsHaveTheirMeanAndVariance(mean: Double) {
        var rng = Xoshiro256StarStar(seed: 2)
        let n = 20_000
        let draws = (0..<n).map { _ in Double(rng.nextPoisson(mean: mean)) }
        let average = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(n - 1)
        #expect(abs(average - mean) <= 4.5 * (mean / Double(n)).squareRoot())
        // The sample variance of a Poisson has standard error ≈ λ√(2/n) (plus a λ^1.5 term, small here).
        #expect(abs(variance - mean) <= 5 * mean * (2 / Double(n)).squareRoot() + 5 * (mean / Double(n)).squareRoot())
    }

    @Test func logFactorialMatchesTheProductAcrossTheTableEdge() {
        var exact = 0.0
        for k in 1...60 {
            exact += log(Double(k))
            #expect(abs(logFactorial(Double(k)) - exact) <= 1e-12 * max(1, exact), "k = \(k)")
        }
    }

    @Test func theLoaderKeepsEachSamplesTokenPair() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"), keepingSamples: true)
        let samples = try #require(table.samples)
        for (i, cells) in table.cells.enumerated() {
            for (c, cell) in cells.enumerated() {
                let kept = samples[i][c]
                #expect(kept.inputTokens.count == cell.sampleCount && kept.outputTokens.count == cell.sampleCount)
                #expect(Double(kept.inputTokens.reduce(0, +)) / Double(cell.sampleCount) == cell.meanInputTokens)
                #expect(Double(kept.outputTokens.reduce(0, +)) / Double(cell.sampleCount) == cell.meanOutputTokens)
            }
        }
        let faq = try #require(table.intentIndex(named: "faq"))
        let big = try #require(table.cellIndex(intent: faq, setting: Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        #expect(Array(samples[faq][big].inputTokens.prefix(2)) == [1000, 1000])
        #expect(Array(samples[faq][big].outputTokens.prefix(2)) == [200, 200])
    }
}

@Suite struct ScenarioTests {
    private func parse(_ text: String) throws -> Scenario {
        try Scenario(json: JSONParser.parse(Array(text.utf8), file: "scenario.json"), file: "scenario.json")
    }

    private func message(_ text: String, table: CellTable? = nil) -> String {
        do {
            let scenario = try parse(text)
            if let table { _ = try ProjectionPlan(table: table, choice: [0, 0], scenario: scenario, months: 6) }
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func aFullScenarioReadsEveryField() throws {
        let scenario = try parse("""
            {"name": "Q2", "start_month": "2025-03", "daily_volume_cv": 0.1,
             "traffic_growth": {"type": "compound", "monthly_rate": 0.1, "monthly_rate_sd": 0.02, "intent_rates": {"intent1": 0.3}},
             "price_changes": [{"model": "big", "effective_month": "2025-05", "input_usd_per_mtok": 2.5, "output_usd_per_mtok": 12}],
             "reassignments": [{"intent": "intent0", "effective_month": 4, "model": "small", "max_tokens": 1000, "temperature": 0.1, "rag_chunks": 0}],
             "cache_changes": [{"intent": "intent1", "effective_month": 2, "cache_hit_rate": 0.5}]}
            """)
        #expect(scenario.name == "Q2" && scenario.startMonth == CalendarMonth(year: 2025, month: 3) && scenario.dailyVolumeCV == 0.1)
        #expect(scenario.growth == .init(type: .compound, monthlyRate: 0.1, monthlyRateSD: 0.02, intentRates: ["intent1": 0.3]))
        #expect(try scenario.monthIndex(of: scenario.priceChanges[0].effectiveMonth, field: "x") == 3)
        let plan = try ProjectionPlan(table: ProjectionTables.make(), choice: [0, 0], scenario: scenario, months: 6)
        #expect(plan.months.map(\.changes.count) == [0, 1, 1, 1, 0, 0])
        #expect(plan.months[3].intents[0].cellIndex == 1)
        #expect(plan.months[3].feesUSD == 10 && plan.months[2].feesUSD == 0)
        #expect(plan.growthRates == [0.1, 0.3])
        // Compound: month 3 runs at 1.3² of intent1's volume.
        #expect(abs(plan.expectedGrowth(intent: 1, month: 3) - 1.69) < 1e-12)
    }

    @Test func errorsNameTheField() {
        let table = ProjectionTables.make()
        #expect(message(#"{"price_changes": [{"model": "big", "effective_month": 2, "input_usd_per_mtok": 1, "output_usd_per_mtok": 1}, {"model": "big", "effective_month": "May", "input_usd_per_mtok": 1, "output_usd_per_mtok": 1}]}"#)
                == #"scenario.json: field 'price_changes[1].effective_month': "May" is not a month; expected "YYYY-MM" or a 1-based month of the projection"#)
        #expect(message(#"{"price_changes": [{"model": "big", "effective_date": "2025-05-01"}]}"#)
                == "scenario.json: field 'price_changes[0].effective_date': unknown field; expected one of model, effective_month, input_usd_per_mtok, output_usd_per_mtok, cache_read_usd_per_mtok, cache_write_usd_per_mtok")
        #expect(message(#"{"cache_changes": [{"intent": "intent0", "effective_month": "2025-05", "cache_hit_rate": 0.2}]}"#, table: table)
                .hasPrefix("scenario.json: field 'cache_changes[0].effective_month': '2025-05' is a calendar month but the scenario has no 'start_month'"))
        #expect(message(#"{"start_month": "2025-06", "cache_changes": [{"intent": "intent0", "effective_month": "2025-05", "cache_hit_rate": 0.2}]}"#, table: table)
                == "scenario.json: field 'cache_changes[0].effective_month': '2025-05' is before start_month '2025-06'; expected 2025-06 or later")
        #expect(message(#"{"cache_changes": [{"intent": "intent0", "effective_month": 1, "cache_hit_rate": 1}]}"#)
                == "scenario.json: field 'cache_changes[0].cache_hit_rate': 1 is out of range or not a number; expected a number in [0, 1)")
        #expect(message(#"{"price_changes": [{"model": "gpt", "effective_month": 2, "input_usd_per_mtok": 1, "output_usd_per_mtok": 1}]}"#, table: table)
                == "scenario.json: field 'price_changes[0].model': 'gpt' is not in the data; expected one of big, small")
        #expect(message(#"{"reassignments": [{"intent": "intent1", "effective_month": 2, "model": "big", "max_tokens": 999, "temperature": 0.1, "rag_chunks": 0}]}"#, table: table)
                .hasPrefix("scenario.json: field 'reassignments[0]': no evaluated cell for intent1 big/999/t0.1/rag0; nearest evaluated settings: big/1000/t0.1/rag0"))
        #expect(message(#"{"reassignments": [{"intent": "intent1", "effective_month": 2, "model": "big"}]}"#)
                .hasPrefix("scenario.json: field 'reassignments[0].max_tokens': missing"))
        #expect(message(#"{"traffic_growth": {"type": "exponential", "monthly_rate": 0.1}}"#)
                == #"scenario.json: field 'traffic_growth.type': 'exponential' is not a growth type; expected "linear" or "compound""#)
        #expect(message(#"{"start_month": "2025-13"}"#) == #"scenario.json: field 'start_month': "2025-13" is not a month; expected "YYYY-MM""#)
        #expect(message(#"[1]"#) == "scenario.json: field '(top level)': not an object; expected {…}")
    }

    @Test func calendarMonthsCount() throws {
        let start = try #require(CalendarMonth("2025-11"))
        #expect(start.adding(months: 2).description == "2026-01")
        #expect(start.months(to: try #require(CalendarMonth("2026-02"))) == 3)
        #expect(CalendarMonth("2025-1") == nil && CalendarMonth("2025-00") == nil && CalendarMonth("20a5-01") == nil)
    }
}
