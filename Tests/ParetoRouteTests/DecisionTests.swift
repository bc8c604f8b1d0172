import Testing
@testable import ParetoRoute

@Suite struct DecisionTests {
    private func point(_ cost: Double, _ quality: Double, model: String = "m") -> FrontPoint {
        let catalog = FrontCatalog(
            intents: [FrontIntent(name: "a", minQuality: 0.5, maxP99LatencyMs: 1000, weight: 1)],
            cells: [[FrontCell(option: .setting(Setting(model: model, maxTokens: Int(cost), temperature: 0.1, ragChunks: 0)),
                               monthlyCostUSD: cost, quality: quality, qualityStandardError: 0, p99LatencyMs: 100,
                               weightShare: 1, violations: [])]])
        return FrontPoint(monthlyCostUSD: cost, quality: quality, qualityStandardError: 0, fixedFeesUSD: 0, isFeasible: true,
                          cells: [0], catalog: catalog)
    }

    private var front: Front {
        Front(method: .exact, dataFingerprint: "x", points: [point(10, 0.80), point(20, 0.85), point(30, 0.90), point(60, 0.91)])
    }

    @Test func budgetPicksTheBestAffordablePoint() {
        #expect(FrontPicker.pick(.budget(25), from: front) == .found(1))
        #expect(FrontPicker.pick(.budget(30), from: front) == .found(2))
        // Below the cheapest point: unmet, nearest is the cheapest.
        guard case .unmet(let nearest, _)? = FrontPicker.pick(.budget(5), from: front) else {
            Issue.record("expected unmet")
            return
        }
        #expect(nearest == 0)
    }

    @Test func qualityFloorPicksTheCheapestGoodPoint() {
        #expect(FrontPicker.pick(.minQuality(0.85), from: front) == .found(1))
        #expect(FrontPicker.pick(.minQuality(0.851), from: front) == .found(2))
        guard case .unmet(let nearest, _)? = FrontPicker.pick(.minQuality(0.95), from: front) else {
            Issue.record("expected unmet")
            return
        }
        #expect(nearest == 3)
    }

    @Test func kneeIsFarthestFromTheChord() {
        // Scaled: (0,0), (0.2,0.4545), (0.4,0.909), (1,1): distance from y = x is largest at #3.
        #expect(FrontPicker.pick(.knee, from: front) == .found(2))
    }

    @Test func tiesInCostGoToTheBetterQuality() {
        let tied = Front(method: .exact, dataFingerprint: "x", points: [point(10, 0.80), point(10, 0.82), point(20, 0.9)])
        #expect(tied.points[0].quality == 0.82)
        #expect(FrontPicker.pick(.budget(10), from: tied) == .found(0))
    }

    private func evaluation(cost: Double, quality: Double) -> ConfigurationEvaluation {
        ConfigurationEvaluation(choice: [0], monthlyCostUSD: cost, fixedFeesUSD: 0, quality: quality, perIntent: [], globalFailures: [])
    }

    @Test func aPointOnTheFrontIsNotDominated() {
        let check = DominanceCheck(evaluation: evaluation(cost: 20, quality: 0.85), front: front)
        #expect(!check.isDominated)
        #expect(check.cheaperAtSameQuality == nil)
        #expect(check.betterAtSameCost == nil)
    }

    @Test func theShownDominatorsAreTheEndsAndThreeEvenlySpacedCosts() {
        let ten = Front(method: .exact, dataFingerprint: "x", points: (1...10).map { point(Double($0 * 10), 0.80 + Double($0) / 100) })
        // Costs 10…100: targets 32.5, 55, 77.5 → 30, 50 (tie with 60: the cheaper), 80.
        #expect(DominanceCheck.spread(Array(0..<10), in: ten, count: 5) == [0, 2, 4, 7, 9])
        #expect(DominanceCheck.spread([3, 5], in: ten, count: 5) == [3, 5])
        let check = DominanceCheck(evaluation: evaluation(cost: 200, quality: 0.5), front: ten)
        #expect(check.shownDominators == [0, 2, 4, 7, 9])
    }

    @Test func dominatedByExactlyOnePoint() {
        // (35, 0.88): only (30, 0.90) is no worse in both.
        let check = DominanceCheck(evaluation: evaluation(cost: 35, quality: 0.88), front: front)
        #expect(check.dominators == [2])
        #expect(check.cheaperAtSameQuality?.index == 2)
        #expect(check.cheaperAtSameQuality?.savingUSD == 5)
        #expect(check.betterAtSameCost?.index == 2)
        #expect(abs((check.betterAtSameCost?.qualityGain ?? 0) - 0.02) < 1e-12)
    }

    @Test func diffUsesOneReferenceAndReportsIntentChanges() {
        let old = front
        let new = Front(method: .exact, dataFingerprint: "y", points: [point(8, 0.80, model: "n"), point(20, 0.85), point(30, 0.90), point(60, 0.91)])
        let diff = FrontDiff(old: old, new: new, budget: 9)
        #expect(diff.referencePoint.cost == 66)
        #expect(abs(diff.referencePoint.quality - 0.79) < 1e-12)
        #expect(diff.newHypervolume > diff.oldHypervolume)
        #expect(diff.gained == [0])
        #expect(diff.lost == [0])
        #expect(diff.oldPick == nil)
        #expect(diff.newPick?.index == 0)
        let atKnee = FrontDiff(old: old, new: new)
        #expect(atKnee.budgetUSD == 30)
        #expect(atKnee.changes.isEmpty)
    }

    @Test func aWarmStartOfStaleConfigurationsIsDroppedWhole() throws {
        let table = try GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"))
        let space = try SearchSpace(table: table)
        var options = Optimizer.Options()
        // faq's tuned/t0.1 cell breaks the P99 cap: not a candidate, so it cannot seed.
        let slow = try #require(table.cellIndex(intent: 0, setting: Setting(model: "tuned", maxTokens: 250, temperature: 0.1, ragChunks: 0)))
        options.warmStart = [[slow, 0], [slow, 1]]
        let result = Optimizer.optimize(space, options: options)
        #expect(result.droppedWarmStart == 2)
        #expect(result.points.count == 2)
    }

    @Test func anIntentChangeIsNoiseOnlyBelowZStandardErrorsOfTheDifference() {
        let setting = Setting(model: "m", maxTokens: 100, temperature: 0.1, ragChunks: 0)
        // SE of the difference: √(0.003² + 0.004²) = 0.005; at z = 1.96 the margin is 0.0098.
        var change = FrontDiff.IntentChange(intent: "a", old: .setting(setting), new: .setting(setting), costDeltaUSD: -5, qualityDelta: 0.009,
                                            oldStandardError: 0.003, newStandardError: 0.004)
        #expect(change.isWithinNoise(z: 1.96))
        change.qualityDelta = -0.01
        #expect(!change.isWithinNoise(z: 1.96))
        // An intent that appears or disappears is a change, never noise.
        change.qualityDelta = 0
        change.old = nil
        #expect(!change.isWithinNoise(z: 1.96))
    }

    @Test func settingChangesListWhatDiffers() {
        let old = Front(method: .exact, dataFingerprint: "x", settings: FrontSettings(search: .exact(maxPoints: nil)), points: [point(10, 0.8)])
        let new = Front(method: .exact, dataFingerprint: "y",
                        settings: FrontSettings(search: .exact(maxPoints: 3), constraints: GlobalConstraints(minQuality: 0.85)),
                        points: [point(10, 0.8)])
        let diff = FrontDiff(old: old, new: new)
        #expect(diff.dataChanged)
        #expect(diff.settingChanges == [FrontDiff.SettingChange(key: "min_quality", old: .null, new: .number(0.85)),
                                        FrontDiff.SettingChange(key: "max_points", old: .null, new: .number(3))])
        #expect(diff.hypervolumeChangePercent == 0)
    }

    @Test func hypervolumeShareUsesTheExactFrontsReferencePoint() {
        // Reference from the exact front: (1.1 × 2, 0.5 − 0.01) = (2.2, 0.49).
        // Exact area: 1 × 0.01 + 0.2 × 0.21 = 0.052; the found point alone: 0.2 × 0.21 = 0.042.
        let exact = [(cost: 1.0, quality: 0.5), (cost: 2.0, quality: 0.7)]
        let share = FrontGeometry.hypervolumeShare(of: [(cost: 2.0, quality: 0.7)], exact: exact)
        #expect(abs(share - 0.042 / 0.052) < 1e-12)
        #expect(FrontGeometry.hypervolumeShare(of: exact, exact: exact) == 1)
    }
}
