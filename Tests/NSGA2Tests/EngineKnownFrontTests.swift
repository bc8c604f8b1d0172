import Testing
@testable import NSGA2

/// With default settings the engine must recover every point of fronts known by brute force or
/// analytically, for every seed tried (0..<10 here; 0..<100 passed too, see docs/how-the-front-is-found.md).
/// Failures list the missing points rather than the whole front.
@Suite struct EngineKnownFrontTests {
    static let seeds: [UInt64] = Array(0..<10)

    static let knapsack2 = KnapsackProblem(items: 16, objectives: 2, seed: 2)
    static let knapsack2Front = bruteForceFront(knapsack2)
    static let knapsack3 = KnapsackProblem(items: 14, objectives: 3, seed: 3)
    static let knapsack3Front = bruteForceFront(knapsack3)

    @Test func bruteForceFrontsAreNontrivial() {
        // Pins the fixtures: a front of a few points would make the tests below weak.
        #expect(Self.knapsack2Front.count == 24)
        #expect(Self.knapsack3Front.count == 28)
        #expect(Set(Self.knapsack2Front.map(\.objectives)).count == 24)
    }

    @Test(arguments: seeds)
    func biObjectiveKnapsackOf16ItemsWholeFront(seed: UInt64) {
        let result = runNSGA2(Self.knapsack2, configuration: NSGA2Configuration(seed: seed))
        expectSameFront(result.archive, Self.knapsack2Front)
    }

    @Test(arguments: seeds)
    func threeObjectiveKnapsackOf14ItemsWholeFront(seed: UInt64) {
        let result = runNSGA2(Self.knapsack3, configuration: NSGA2Configuration(seed: seed))
        expectSameFront(result.archive, Self.knapsack3Front)
    }

    @Test(arguments: seeds)
    func discreteZDT1WholeFront(seed: UInt64) {
        let problem = DiscreteZDT1(geneCount: 6)
        let result = runNSGA2(problem, configuration: NSGA2Configuration(seed: seed))
        expectSameFront(result.archive, problem.front)
        #expect(problem.front.count == 11)
    }

    @Test func zdt1FrontIsTheAnalyticCurve() {
        // f₂ = 1 − √f₁ on the grid f₁ = 0, 0.1, …, 1.
        let front = DiscreteZDT1(geneCount: 6).front
        for (index, solution) in front.enumerated() {
            let f1 = Double(index) / 10
            #expect(solution.objectives[0] == f1)
            #expect(abs(solution.objectives[1] - (1 - f1.squareRoot())) < 1e-12)
        }
    }
}

/// Expects `archive` to equal `expected` exactly, reporting missing and extra solutions.
func expectSameFront(_ archive: [Solution], _ expected: [Solution], sourceLocation: SourceLocation = #_sourceLocation) {
    let missing = expected.filter { !archive.contains($0) }.map(\.objectives)
    let extra = archive.filter { !expected.contains($0) }.map(\.objectives)
    #expect(missing.isEmpty && extra.isEmpty, "missing \(missing), extra \(extra)", sourceLocation: sourceLocation)
    #expect(archive == expected, "order or content differs", sourceLocation: sourceLocation)
}
