import Foundation
import Testing
@testable import ParetoRoute

/// The design doc's A12 scenario spelling: day-precise dates with proration, base_date,
/// new models through to_model, prompt caches, infrastructure, and the honest warnings —
/// every expected figure computed by hand on ``ProjectionTables`` (two intents, big and small).
@Suite struct DesignDocScenarioTests {
    // Hand figures of ProjectionTables.make(): per-call costs from the cells' token means.
    // intent0 (12/day, cache 0.3 → 252 calls a month): big in 1640 out 420; small in 1050 out 200.
    // intent1 (7/day, cache 0.1 → 189 calls a month): big in 1050 out 200.
    static let intent0Big = 252 * (1640 * 3.0 + 420 * 15.0) / 1e6      // 2.82744
    static let intent0Small = 252 * (1050 * 0.25 + 200 * 1.25) / 1e6    // 0.12915
    static let intent1Big = 189 * (1050 * 3.0 + 200 * 15.0) / 1e6       // 1.16235

    private func parse(_ text: String) throws -> Scenario {
        try Scenario(json: JSONParser.parse(Array(text.utf8), file: "a12.json"), file: "a12.json")
    }

    private func plan(_ text: String, months: Int = 3) throws -> ProjectionPlan {
        try ProjectionPlan(table: ProjectionTables.make(), choice: [0, 0], scenario: parse(text), months: months)
    }

    private func message(_ text: String, months: Int = 3) -> String {
        do { _ = try plan(text, months: months); return "no error" } catch { return "\(error)" }
    }

    @Test func aMidMonthReassignmentIsProratedAndBaseDateStartsTheNextMonthOneMonthOfGrowthLater() throws {
        let plan = try plan("""
            {"scenario_name": "t", "base_date": "2025-03-10", "projection_months": 2,
             "assumptions": {"traffic_growth": {"type": "linear", "monthly_rate": 0.1},
               "model_reassignments": [{"intent": "intent0", "from_model": "big", "to_model": "small", "effective_date": "2025-04-11"}]}}
            """, months: 2)
        #expect(plan.months.map { $0.calendarMonth?.description } == ["2025-04", "2025-05"])
        // April has 30 days: big for the 10 days before the 11th, small (and its $10 fee) for 20.
        let shares: [Double] = [10.0 / 30, 20.0 / 30]
        #expect(plan.months[0].segments.map(\.share) == shares)
        #expect(plan.months[0].proratedChanges.map(\.date.description) == ["2025-04-11"])
        #expect(plan.months[0].proratedChanges[0].changes == ["intent0 big → small/1000/t0.1/rag0"])
        let aprilLLM: Double = Self.intent1Big + shares[0] * Self.intent0Big + shares[1] * Self.intent0Small
        let april: Double = 1.1 * aprilLLM + shares[1] * 10
        let may: Double = 1.2 * (Self.intent1Big + Self.intent0Small) + 10
        #expect(abs(plan.expectedCostUSD(month: 1) - april) < 1e-9)
        #expect(abs(plan.expectedCostUSD(month: 2) - may) < 1e-9)
        #expect(abs(april - 8.89) < 0.3 && abs(may - 11.55) < 0.1)
        // The Monte Carlo mean of both months within 4 standard errors of the hand figures.
        let projection = try CostProjector.project(plan, options: .init(months: 2, runs: 4000, seed: 3))
        for (month, expected) in zip(projection.months, [april, may]) {
            #expect(abs(month.meanUSD - expected) <= 4 * month.meanStandardErrorUSD, "\(month.label): \(month.meanUSD) vs \(expected)")
            #expect(month.p2_5USD <= month.p5USD && month.p95USD <= month.p97_5USD)
        }
    }

    @Test func aNewModelIsUsableFromItsDateAndAPromptCacheBillsInputAsCacheReads() throws {
        let plan = try plan("""
            {"base_date": "2025-03-31", "assumptions": {
               "price_changes": [{"model": "big", "effective_date": "2025-04-01", "new_input_price_per_m": 3,
                                  "new_output_price_per_m": 15, "new_cache_read_price_per_m": 0.3}],
               "architecture_changes": [{"type": "prompt_cache", "effective_date": "2025-04-01",
                                         "cache_eligible_intents": ["intent1"], "expected_token_reduction": 0.5}],
               "new_models": [{"model": "tiny", "available_date": "2025-05-01", "input_price_per_m": 0.1,
                               "output_price_per_m": 0.5, "estimated_quality_vs_big": 0.5}],
               "model_reassignments": [{"intent": "intent1", "from_model": "big", "to_model": "tiny", "effective_date": "2025-05-01"}]}}
            """)
        // April: half of intent1's 1,050 input tokens at the cache-read price 0.30.
        let cachedIntent1: Double = 189 * (525 * 3.0 + 525 * 0.3 + 200 * 15.0) / 1e6
        #expect(abs(plan.expectedCostUSD(month: 1) - (Self.intent0Big + cachedIntent1)) < 1e-9)
        // May: intent1 on tiny (its estimated cell has big's tokens); the prompt cache still
        // applies, at tiny's input price (no cache price): no saving.
        let tinyIntent1: Double = 189 * (1050 * 0.1 + 200 * 0.5) / 1e6
        #expect(abs(plan.expectedCostUSD(month: 2) - (Self.intent0Big + tinyIntent1)) < 1e-9)
        #expect(plan.months[1].changes == ["new model tiny (estimated: big × 0.5, 0.1/0.5)", "intent1 big → tiny/1000/t0.1/rag0"])
        // tiny's estimated quality is 0.9 × 0.5 = 0.45, below intent1's floor 0.5: warned, marked estimated.
        #expect(plan.warnings.map(\.kind) == [.belowFloor])
        #expect(plan.warnings.first?.message == "2025-05: intent1 on tiny/1000/t0.1/rag0 has quality 0.450 (estimated), below its floor 0.5")
        #expect(message("""
            {"base_date": "2025-03-31", "assumptions": {
               "new_models": [{"model": "tiny", "available_date": "2025-05-01", "input_price_per_m": 0.1,
                               "output_price_per_m": 0.5, "estimated_quality_vs_big": 0.5}],
               "model_reassignments": [{"intent": "intent1", "from_model": "big", "to_model": "tiny", "effective_date": "2025-04-20"}]}}
            """) == "a12.json: field 'assumptions.model_reassignments[0].effective_date': tiny is not available yet then (see its available_date); expected a date on or after it")
    }

    @Test func unknownNamesListTheDataAndAWrongFromModelIsAnError() {
        #expect(message(#"{"base_date": "2025-03-01", "assumptions": {"price_changes": [{"model": "claude-3-5-sonnet", "effective_date": "2025-05-01", "new_input_price_per_m": 2.5, "new_output_price_per_m": 12}]}}"#)
                == "a12.json: field 'assumptions.price_changes[0].model': 'claude-3-5-sonnet' is not in the data; expected one of big, small")
        #expect(message(#"{"base_date": "2025-03-01", "assumptions": {"model_reassignments": [{"intent": "intent0", "from_model": "small", "to_model": "big", "effective_date": "2025-04-15"}]}}"#)
                == "a12.json: field 'assumptions.model_reassignments[0].from_model': intent0 runs big/1000/t0.1/rag0 then, not small; expected from_model \"big\"")
        #expect(message(#"{"base_date": "2025-03-01", "assumptions": {"new_models": [{"model": "x", "available_date": "2025-05-01", "input_price_per_m": 1, "output_price_per_m": 1, "estimated_quality_vs_sonnet": 0.9}]}}"#)
                == "a12.json: field 'assumptions.new_models[0]': 'sonnet' (the reference of x) is not in the data; expected one of big, small")
        #expect(message(#"{"base_date": "2025-03-01", "start_month": "2025-04"}"#)
                == "a12.json: field 'start_month': unknown field; expected one of scenario_name, base_date, projection_months, assumptions")
        #expect(message(#"{"base_date": "2025-02-30"}"#) == #"a12.json: field 'base_date': "2025-02-30" is not a date; expected "YYYY-MM-DD""#)
    }

    @Test func aChangeOutsideTheProjectionIsWarnedAndNotApplied() throws {
        let late = try plan(#"{"base_date": "2025-03-01", "assumptions": {"price_changes": [{"model": "big", "effective_date": "2025-12-01", "new_input_price_per_m": 1, "new_output_price_per_m": 1}]}}"#)
        #expect(late.warnings == [ProjectionWarning(.afterProjection, field: "assumptions.price_changes[0].effective_date",
                                                    "the price change of big is dated 2025-12-01, after the projection's last month (2025-06); it is not applied")])
        #expect(late.months.allSatisfy { !$0.hasChangesInPlan })
        // Today's spelling: effective_month 12 of a 6-month projection.
        let native = try ProjectionPlan(table: ProjectionTables.make(), choice: [0, 0], scenario: parse(
            #"{"price_changes": [{"model": "big", "effective_month": 12, "input_usd_per_mtok": 1, "output_usd_per_mtok": 1}]}"#), months: 6)
        #expect(native.warnings.map(\.description) == ["price_changes[0].effective_month: the price change of big is dated month 12, after the projection's last month (month 6); it is not applied"])
        // Before month 1: in effect from its start, warned.
        let early = try plan(#"{"base_date": "2025-03-01", "assumptions": {"price_changes": [{"model": "big", "effective_date": "2025-03-20", "new_input_price_per_m": 1, "new_output_price_per_m": 1}]}}"#)
        #expect(early.warnings.map(\.kind) == [.beforeProjection] && early.months[0].changes == ["price big 1/1"])
        // In range: nothing.
        let inRange = try plan(#"{"base_date": "2025-03-01", "assumptions": {"price_changes": [{"model": "big", "effective_date": "2025-05-01", "new_input_price_per_m": 1, "new_output_price_per_m": 1}]}}"#)
        #expect(inRange.warnings.isEmpty)
    }

    @Test func aGrowthPathThroughZeroIsAnErrorNamingTheMonthUnlessItStopsAtZero() throws {
        #expect(message(#"{"base_date": "2025-03-01", "assumptions": {"traffic_growth": {"type": "linear", "monthly_rate": -0.5}}}"#)
                == "a12.json: field 'assumptions.traffic_growth.monthly_rate': the expected volume of intent0 reaches zero in 2025-05 (growth factor 0.00); expected a rate that keeps volumes above zero, or \"stop_at_zero\": true")
        #expect(message(#"{"traffic_growth": {"type": "linear", "monthly_rate": -0.2, "intent_rates": {"intent1": -0.6}}}"#)
                == "a12.json: field 'traffic_growth.intent_rates.intent1': the expected volume of intent1 reaches zero in month 3 (growth factor -0.20); expected a rate that keeps volumes above zero, or \"stop_at_zero\": true")
        let stopped = try plan(#"{"base_date": "2025-03-01", "assumptions": {"traffic_growth": {"type": "linear", "monthly_rate": -0.5, "stop_at_zero": true}}}"#)
        #expect(abs(stopped.expectedCostUSD(month: 1) - 0.5 * (Self.intent0Big + Self.intent1Big)) < 1e-9)
        #expect(stopped.expectedCostUSD(month: 2) == 0)
        // An uncertain rate: runs held at zero are warned (linear, month 3 under a base date:
        // P(1 + 3·(0 + 0.5 Z) ≤ 0) = Φ(−1 / (0.5·√3)) = Φ(−1.1547) ≈ 12.4 %).
        let shaky = try plan(#"{"base_date": "2025-03-01", "assumptions": {"traffic_growth": {"type": "linear", "monthly_rate": 0, "monthly_rate_sd": 0.5}}}"#)
        #expect(shaky.warnings.map(\.kind) == [.growthHeldAtZero])
        #expect(shaky.warnings.first?.message.contains("about 12.4 % of runs") == true)
        let steady = try plan(#"{"base_date": "2025-03-01", "assumptions": {"traffic_growth": {"type": "linear", "monthly_rate": 0.1, "monthly_rate_sd": 0.05}}}"#)
        #expect(steady.warnings.isEmpty)
    }

    @Test func noStatedUncertaintyIsExplainedAndInfrastructureIsDrawnWithinItsBand() throws {
        let plain = try CostProjector.project(try plan(#"{"base_date": "2025-03-01", "assumptions": {"infrastructure_costs": [{"name": "redis", "monthly_usd": 150}, {"name": "ddb", "monthly_usd": 15, "uncertainty": 0}]}}"#),
                                              options: .init(months: 3, runs: 3000, seed: 5))
        #expect(plain.warnings.map(\.kind) == [.noStatedUncertainty])
        #expect(plain.warnings[0].message.hasSuffix("traffic_growth.monthly_rate_sd and daily_volume_cv add it"))
        #expect(plain.infrastructureUSD == 165)
        for month in plain.months {
            // Uniform within ±10 % of $150, plus a fixed $15: mean 165 within 4 SE (SE = 15/√3/√3000).
            let standardError: Double = 15 / 3.0.squareRoot() / 3000.0.squareRoot()
            #expect(abs(month.infrastructureMeanUSD - 165) < 4 * standardError)
            #expect(abs(month.llmMeanUSD - (Self.intent0Big + Self.intent1Big)) < 0.5)
        }
        let uncertain = try CostProjector.project(try plan(#"{"base_date": "2025-03-01", "assumptions": {"daily_volume_cv": 0.1}}"#),
                                                  options: .init(months: 3, runs: 500, seed: 5))
        #expect(uncertain.warnings.isEmpty)
    }
}

extension ProjectionPlan.Month {
    /// Whether the plan changes anything in this month.
    var hasChangesInPlan: Bool { !changes.isEmpty || !proratedChanges.isEmpty }
}

/// The fan chart's axis covers every band, also when the lowest value falls between the
/// padded range's start and the first round tick (P5 $1,190, first tick $1,200).
@Suite struct ProjectionSVGAxisTests {
    @Test func aBandBelowTheFirstTickStaysInsideTheAxis() {
        func month(_ index: Int, _ p5: Double, _ p95: Double) -> CostProjection.Month {
            CostProjection.Month(month: index, calendarMonth: nil, meanUSD: (p5 + p95) / 2, meanStandardErrorUSD: 1, standardDeviationUSD: 1,
                                 p5USD: p5, p50USD: (p5 + p95) / 2, p95USD: p95, expectedUSD: (p5 + p95) / 2,
                                 probabilityOverBudget: nil, changes: [], p2_5USD: p5, p97_5USD: p95)
        }
        #expect(FrontSVG.niceTicks(min: 1190 - 121.5, max: 2000 + 121.5).first == 1200)
        let projection = CostProjection(months: [month(1, 1500, 2000), month(2, 1190, 1900)], runs: 10, seed: 1, budgetUSD: nil)
        let svg = ProjectionSVG.render(projection, title: "t")
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path d=\"M ") }
        #expect(paths.count == 3)
        for path in paths {
            let numbers = path.split(separator: "\"")[1].split(separator: " ").compactMap { Double($0) }
            let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            #expect(ys.allSatisfy { $0 >= 60 && $0 <= 410 }, "\(ys)")
            // The 95 % band's low edge at $1,190 lies near the axis's bottom (y 410), above it.
            if path == paths[0] { #expect(ys.contains { $0 > 360 }) }
        }
    }
}
