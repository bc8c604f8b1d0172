import Testing
@testable import NSGA2

@Suite struct SurvivalTests {
    // Pool: feasible (1,1) rank 0, (2,2) rank 1, (3,3) rank 2; infeasible with violations 0.5, 0.1, 2
    // whose objectives are better than any feasible one.
    static let objectives: [Double] = [3, 3, 0, 0, 1, 1, 0, 0, 2, 2, 0, 0]
    static let violations: [Double] = [0, 0.5, 0, 0.1, 0, 2]

    @Test func feasibleFirstThenLeastViolation() {
        let survivors = { (target: Int) in
            Survival(objectives: Self.objectives, objectiveCount: 2, violations: Self.violations, target: target).survivors
        }
        #expect(survivors(1) == [2])
        #expect(survivors(2) == [2, 4])
        #expect(survivors(3) == [0, 2, 4])
        #expect(survivors(4) == [0, 2, 3, 4])
        #expect(survivors(5) == [0, 1, 2, 3, 4])
        #expect(survivors(6) == [0, 1, 2, 3, 4, 5])
    }

    @Test func ranksAndCrowdingOfSurvivors() {
        let survival = Survival(objectives: Self.objectives, objectiveCount: 2, violations: Self.violations, target: 4)
        // Survivors 0, 2, 3, 4: (3,3) rank 2, (1,1) rank 0, infeasible, (2,2) rank 1; every
        // feasible front is a single point, hence infinitely lonely.
        #expect(survival.survivors == [0, 2, 3, 4])
        #expect(survival.ranks == [2, 0, Int.max, 1])
        #expect(survival.crowding == [.infinity, .infinity, 0, .infinity])
    }

    @Test func lastFrontIsCutByCrowding() {
        // One front on a line: (0,4) (1,3) (2,2) (2.5,1.5) (4,0). Crowding of the inner ones:
        // (1,3): 2·2/4 = 1, (2,2): 2·1.5/4 = 0.75, (2.5,1.5): 2·2/4 = 1. Keep 4 → drop (2,2);
        // keep 3 → drop (2,2) and, of the tie between (1,3) and (2.5,1.5), the higher index.
        let objectives: [Double] = [0, 4, 1, 3, 2, 2, 2.5, 1.5, 4, 0]
        let violations = [Double](repeating: 0, count: 5)
        #expect(Survival(objectives: objectives, objectiveCount: 2, violations: violations, target: 4).survivors == [0, 1, 3, 4])
        #expect(Survival(objectives: objectives, objectiveCount: 2, violations: violations, target: 3).survivors == [0, 1, 4])
    }

    /// Random pools: an infeasible individual never survives while a feasible one is left out,
    /// fronts are taken in order, and infeasible survivors are the least violating.
    @Test(arguments: [2, 3])
    func constraintHandlingOnRandomPools(objectiveCount: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(500 + objectiveCount))
        for trial in 0..<100 {
            let size = 1 + generator.nextInt(below: 40)
            let points = randomIntegerPoints(count: size, dimensions: objectiveCount, values: 5, generator: &generator)
            let violations = (0..<size).map { _ in generator.nextInt(below: 3) == 0 ? Double(generator.nextInt(below: 4)) : 0 }
            let target = 1 + generator.nextInt(below: size)
            let survival = Survival(objectives: points.flatMap { $0 }, objectiveCount: objectiveCount, violations: violations, target: target)
            let chosen = Set(survival.survivors)
            #expect(chosen.count == target && survival.survivors == survival.survivors.sorted())
            let feasible = (0..<size).filter { violations[$0] == 0 }
            let infeasible = (0..<size).filter { violations[$0] != 0 }
            if infeasible.contains(where: chosen.contains) {
                #expect(feasible.allSatisfy(chosen.contains), "trial \(trial)")
            }
            let ranks = nonDominatedRanks(feasible.map { points[$0] })
            let chosenRanks = feasible.indices.filter { chosen.contains(feasible[$0]) }.map { ranks[$0] }
            let leftRanks = feasible.indices.filter { !chosen.contains(feasible[$0]) }.map { ranks[$0] }
            if let worstChosen = chosenRanks.max(), let bestLeft = leftRanks.min() {
                #expect(worstChosen <= bestLeft, "trial \(trial)")
            }
            let chosenViolations = infeasible.filter(chosen.contains).map { violations[$0] }
            let leftViolations = infeasible.filter { !chosen.contains($0) }.map { violations[$0] }
            if let worst = chosenViolations.max(), let best = leftViolations.min() {
                #expect(worst <= best, "trial \(trial)")
            }
        }
    }
}
