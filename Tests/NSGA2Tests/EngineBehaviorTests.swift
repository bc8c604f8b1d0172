import Testing
@testable import NSGA2

@Suite struct EngineBehaviorTests {
    static let zdt = DiscreteZDT1(geneCount: 6)

    @Test func sameSeedSameResultDifferentSeedDifferentSearch() {
        let configuration = NSGA2Configuration(populationSize: 30, generations: 20, seed: 5, recordsEvaluated: true)
        let first = runNSGA2(Self.zdt, configuration: configuration)
        let second = runNSGA2(Self.zdt, configuration: configuration)
        #expect(first.archive == second.archive)
        #expect(first.population == second.population)
        #expect(first.evaluated == second.evaluated)
        #expect(first.hypervolumeHistory == second.hypervolumeHistory)
        #expect(first.evaluations == second.evaluations)
        var other = configuration
        other.seed = 6
        #expect(runNSGA2(Self.zdt, configuration: other).evaluated != first.evaluated)
    }

    @Test func observerSeesEveryGenerationAndCannotChangeTheResult() {
        let configuration = NSGA2Configuration(populationSize: 20, generations: 15, seed: 2)
        var reports: [GenerationReport] = []
        let observed = runNSGA2(Self.zdt, configuration: configuration) { reports.append($0) }
        let unobserved = runNSGA2(Self.zdt, configuration: configuration)
        #expect(observed.archive == unobserved.archive && observed.population == unobserved.population)
        #expect(reports.map(\.generation) == Array(0...15))
        #expect(reports.map(\.hypervolume) == observed.hypervolumeHistory)
        #expect(reports.last?.archiveCount == observed.archive.count)
        #expect(reports.last?.evaluations == observed.evaluations)
        #expect(reports.map(\.offspringCount).reduce(0, +) == observed.evaluations)
    }

    @Test func warmStartIsArchivedWholeAndInvalidIndividualsAreCounted() {
        let problem = EngineKnownFrontTests.knapsack2
        let front = EngineKnownFrontTests.knapsack2Front
        let invalid = [[0, 1], [2] + [Int](repeating: 0, count: 15), [-1] + [Int](repeating: 0, count: 15)]
        let configuration = NSGA2Configuration(
            populationSize: 5, generations: 0, initialIndividuals: front.map(\.genes) + invalid + [front[0].genes])
        let result = runNSGA2(problem, configuration: configuration)
        #expect(result.archive == front)
        #expect(result.skippedInitialIndividuals == 3)
        #expect(result.evaluations == front.count)
        #expect(result.population.count == 5)
        #expect(result.generationsRun == 0)
        var reports: [GenerationReport] = []
        _ = runNSGA2(problem, configuration: configuration) { reports.append($0) }
        #expect(reports == [GenerationReport(
            generation: 0, archiveCount: front.count, hypervolume: result.hypervolumeHistory[0],
            evaluations: front.count, offspringCount: front.count, feasibleCount: 5)])
    }

    @Test func warmStartComesFirstThenRandomFill() {
        let seeds = [[1, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0], [3, 3, 3, 3, 3, 3]]
        let configuration = NSGA2Configuration(populationSize: 10, generations: 0, initialIndividuals: seeds, recordsEvaluated: true)
        let result = runNSGA2(Self.zdt, configuration: configuration)
        #expect(result.evaluated.prefix(3).map(\.genes) == seeds)
        #expect(result.evaluated.count == 10)
        #expect(Set(result.evaluated.map(\.genes)).count == 10)
    }

    @Test(arguments: [DuplicateScope.population, .wholeRun])
    func tinySpaceEndsWithFewerIndividualsInsteadOfLooping(scope: DuplicateScope) {
        let problem = TableProblem(cardinalities: [2, 2]) { genes in ([Double(genes[0]), Double(genes[1])], 0) }
        let result = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 10, generations: 5, duplicateScope: scope))
        #expect(result.population.count == 4)
        #expect(result.evaluations == 4)
        #expect(result.generationsRun == 5)
        #expect(result.archive.map(\.genes) == [[0, 0]])
    }

    @Test func convergedSpaceStopsAfterTheDuplicateLimit() {
        // 3 × 3 = 9 genomes, population 5 under the population rule: offspring are found only
        // among the 4 genomes outside the population, and a generation stops after 3 misses.
        let problem = TableProblem(cardinalities: [3, 3]) { genes in ([Double(genes[0]), -Double(genes[1])], 0) }
        let configuration = NSGA2Configuration(populationSize: 5, generations: 30, duplicateScope: .population, maxDuplicateAttempts: 3)
        var offspring: [Int] = []
        let result = runNSGA2(problem, configuration: configuration) { offspring.append($0.offspringCount) }
        #expect(offspring.dropFirst().allSatisfy { $0 <= 4 })
        #expect(result.generationsRun == 30)
        #expect(result.archive.map(\.genes) == [[0, 2]])
    }

    @Test func wholeRunScopeNeverEvaluatesAGenomeTwice() {
        let problem = KnapsackProblem(items: 8, objectives: 2, seed: 1)
        let wholeRun = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 20, generations: 30, recordsEvaluated: true))
        #expect(wholeRun.evaluated.count == wholeRun.evaluations)
        let population = runNSGA2(
            problem,
            configuration: NSGA2Configuration(populationSize: 20, generations: 30, duplicateScope: .population, recordsEvaluated: true))
        #expect(population.evaluations > population.evaluated.count)
        for result in [wholeRun, population] {
            #expect(Set(result.population.map(\.genes)).count == result.population.count)
        }
        // 256 genomes: without revisits the run can never exceed the space.
        #expect(wholeRun.evaluations <= 256 && population.evaluations > 256)
        #expect(wholeRun.archive == bruteForceFront(problem))
    }

    @Test func stallRuleStopsWhenHypervolumeStopsGrowing() {
        let window = 8
        let configuration = NSGA2Configuration(
            populationSize: 40, generations: 1_000, seed: 3, stallGenerations: window, stallTolerance: 0)
        let result = runNSGA2(Self.zdt, configuration: configuration)
        let history = result.hypervolumeHistory
        let stop = result.generationsRun
        #expect(result.stoppedByStall)
        #expect(stop < 1_000 && history.count == stop + 1)
        #expect(history[stop] - history[stop - window] <= 0)
        for t in window..<stop {
            #expect(history[t] - history[t - window] > 0, "stalled earlier, at \(t)")
        }
        #expect(zip(history, history.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func referencePointComesFromTheInitialPopulation() {
        let configuration = NSGA2Configuration(populationSize: 40, generations: 10, seed: 1, recordsEvaluated: true)
        let result = runNSGA2(Self.zdt, configuration: configuration)
        let initial = result.evaluated.prefix(40).filter(\.isFeasible).map(\.objectives)
        #expect(result.referencePoint == hypervolumeReferencePoint(initial))
        if let reference = result.referencePoint {
            #expect(result.hypervolumeHistory.last == hypervolume2D(result.archive.map(\.objectives), reference: reference))
        }
    }

    @Test func boundedArchiveKeepsTheLimitAndStaysNonDominated() {
        let result = runNSGA2(EngineKnownFrontTests.knapsack2, configuration: NSGA2Configuration(archiveLimit: 5))
        #expect(result.archive.count == 5)
        for a in result.archive {
            #expect(a.isFeasible && !result.archive.contains { dominates($0.objectives, a.objectives) })
        }
    }

    /// Elitism under constrained domination: the feasible share of the population never shrinks.
    @Test func feasibleIndividualsAreNeverReplacedByInfeasibleOnes() {
        let problem = AtMostTwoItems()
        var feasibleCounts: [Int] = []
        let result = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 50, generations: 60, seed: 4)) {
            feasibleCounts.append($0.feasibleCount)
        }
        #expect(feasibleCounts.first ?? 0 < 50)
        #expect(zip(feasibleCounts, feasibleCounts.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(feasibleCounts.last == 50)
        #expect(result.archive == bruteForceFront(problem))
    }

    @Test func nonFiniteObjectivesAndNaNViolationsAreInfeasibleNegativeViolationIsFeasible() {
        let problem = TableProblem(cardinalities: [4]) { genes in
            switch genes[0] {
            case 0: return ([.nan], 0)
            case 1: return ([5], -3)
            case 2: return ([-.infinity], 0)
            default: return ([1], .nan)
            }
        }
        let result = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 4, generations: 3))
        #expect(result.archive == [Solution(genes: [1], objectives: [5], constraintViolation: 0)])
        let violations = Dictionary(uniqueKeysWithValues: result.population.map { ($0.genes[0], $0.constraintViolation) })
        #expect(violations == [0: .infinity, 1: 0, 2: .infinity, 3: .infinity])
    }

    @Test func emptySpaceGivesAnEmptyResult() {
        let problem = TableProblem(cardinalities: [3, 0]) { _ in ([0], 0) }
        let result = runNSGA2(problem, configuration: NSGA2Configuration(initialIndividuals: [[0, 0], [1, 0]]))
        #expect(result.archive.isEmpty && result.population.isEmpty)
        #expect(result.evaluations == 0 && result.skippedInitialIndividuals == 2 && result.referencePoint == nil)
    }

    @Test func problemWithoutGenesHasOneSolution() {
        let problem = TableProblem(cardinalities: []) { _ in ([2, 3], 0) }
        let result = runNSGA2(problem, configuration: NSGA2Configuration(generations: 3, initialIndividuals: [[], [1]]))
        #expect(result.archive == [Solution(genes: [], objectives: [2, 3], constraintViolation: 0)])
        #expect(result.evaluations == 1 && result.skippedInitialIndividuals == 1)
    }

    @Test func outOfRangeSettingsAreClamped() {
        let configuration = NSGA2Configuration(
            populationSize: 0, generations: -3, crossoverProbability: .nan, mutationProbability: 7,
            stallGenerations: 0, stallTolerance: -1, maxDuplicateAttempts: 0, archiveLimit: 0)
        let result = runNSGA2(Self.zdt, configuration: configuration)
        #expect(result.population.count == 1 && result.generationsRun == 0 && result.archive.count == 1)
    }

    @Test func singleObjectiveFindsTheMinimum() {
        let problem = TableProblem(cardinalities: [4, 4, 4, 4, 4]) { genes in ([Double(genes.reduce(0, +))], 0) }
        let result = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 20, generations: 40))
        #expect(result.archive == [Solution(genes: [0, 0, 0, 0, 0], objectives: [0], constraintViolation: 0)])
    }

    @Test func fourObjectivesWholeFront() {
        let problem = KnapsackProblem(items: 10, objectives: 4, seed: 6)
        let result = runNSGA2(problem, configuration: NSGA2Configuration(populationSize: 50, generations: 40))
        #expect(result.archive == bruteForceFront(problem))
        #expect(zip(result.hypervolumeHistory, result.hypervolumeHistory.dropFirst()).allSatisfy { $0 <= $1 })
        if let reference = result.referencePoint {
            #expect(result.hypervolumeHistory.last == hypervolume(result.archive.map(\.objectives), reference: reference))
        }
    }

    @Test func batchEvaluationOrderDoesNotChangeTheResult() {
        let configuration = NSGA2Configuration(populationSize: 30, generations: 15, seed: 9)
        let plain = runNSGA2(Self.zdt, configuration: configuration)
        let reversed = runNSGA2(ReversedBatch(base: Self.zdt), configuration: configuration)
        #expect(plain.archive == reversed.archive && plain.population == reversed.population)
    }
}

/// A problem given by a closure, for small hand-made cases.
struct TableProblem: MultiObjectiveProblem {
    let geneCardinalities: [Int]
    let objectiveCount: Int
    let table: @Sendable ([Int]) -> ([Double], Double)

    init(cardinalities: [Int], table: @escaping @Sendable ([Int]) -> ([Double], Double)) {
        geneCardinalities = cardinalities
        objectiveCount = table([Int](repeating: 0, count: cardinalities.count)).0.count
        self.table = table
    }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        let (values, violation) = table(Array(genes))
        for (index, value) in values.enumerated() { objectives[index] = value }
        return violation
    }
}

/// 14 items, at most two may be chosen: random genomes are almost all infeasible.
struct AtMostTwoItems: MultiObjectiveProblem {
    var geneCardinalities: [Int] { [Int](repeating: 2, count: 14) }
    var objectiveCount: Int { 2 }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        var first = 0
        var second = 0
        var chosen = 0
        for item in genes.indices where genes[item] == 1 {
            first += 3 + item
            second += 20 - item + item % 3
            chosen += 1
        }
        objectives[0] = -Double(first)
        objectives[1] = -Double(second)
        return Double(max(0, chosen - 2))
    }
}

/// Evaluates a batch from the last row to the first, as a parallel evaluator might.
struct ReversedBatch<Base: MultiObjectiveProblem>: MultiObjectiveProblem {
    let base: Base
    var geneCardinalities: [Int] { base.geneCardinalities }
    var objectiveCount: Int { base.objectiveCount }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        base.evaluate(genes: genes, objectives: objectives)
    }

    func evaluate(
        batch genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>,
        violations: UnsafeMutableBufferPointer<Double>
    ) {
        let g = geneCardinalities.count
        let m = objectiveCount
        for row in violations.indices.reversed() {
            violations[row] = base.evaluate(
                genes: UnsafeBufferPointer(rebasing: genes[(row * g)..<((row + 1) * g)]),
                objectives: UnsafeMutableBufferPointer(rebasing: objectives[(row * m)..<((row + 1) * m)]))
        }
    }
}
