import NSGA2

/// Release-build timings of the NSGA-II engine, as lines of a markdown table.
///
/// A fixed synthetic problem (30 genes of 8 values, two additive objectives, one knapsack-like
/// constraint) is run at population 100, 1,000 and 10,000 to time one generation, then the
/// two-objective sort is compared with the general sort on random points of the pool sizes.
func runEngineBenchmarks() -> [String] {
    var lines = [
        "| engine benchmark | size | time | note |",
        "| --- | --- | --- | --- |",
    ]
    let problem = SyntheticAdditiveProblem(geneCount: 30, cardinality: 8, seed: 42)
    var perGeneration: [Int: Double] = [:]
    for (population, generations) in [(100, 200), (1_000, 40), (10_000, 8)] {
        // Best of three runs; the initial population (generation 0) is excluded.
        var best = Double.infinity
        var summary = ""
        for _ in 0..<3 {
            let configuration = NSGA2Configuration(populationSize: population, generations: generations, seed: 1)
            var stamps: [ContinuousClock.Instant] = []
            stamps.reserveCapacity(generations + 1)
            let start = ContinuousClock.now
            let result = runNSGA2(problem, configuration: configuration) { _ in stamps.append(ContinuousClock.now) }
            let total = ContinuousClock.now - start
            let loop = (stamps.last ?? start) - (stamps.first ?? start)
            let milliseconds = seconds(loop) * 1_000 / Double(max(1, result.generationsRun))
            if milliseconds < best {
                best = milliseconds
                summary = "\(result.generationsRun) generations, archive \(result.archive.count), "
                    + "whole run \(format(seconds(total) * 1_000)) ms"
            }
        }
        perGeneration[population] = best
        lines.append("| one generation | population \(population) | \(format(best)) ms | \(summary) |")
    }
    if let small = perGeneration[1_000], let large = perGeneration[10_000], small > 0 {
        let nLogN = (20_000 * log2(20_000)) / (2_000 * log2(2_000))
        lines.append(
            "| growth 1,000 → 10,000 | ratio | \(format(large / small))× | N log N predicts \(format(nLogN))× |")
    }
    let defaultRun = NSGA2Configuration(populationSize: 200, generations: 200, seed: 1)
    var result = runNSGA2(problem, configuration: defaultRun)
    let whole = bestTime(repeats: 3) { result = runNSGA2(problem, configuration: defaultRun) }
    lines.append(
        "| whole run | population 200, 200 generations | \(format(whole * 1_000)) ms | "
            + "\(result.evaluations) evaluations, archive \(result.archive.count) |")
    let variants = [
        ("large front (correlated objectives)", SyntheticAdditiveProblem(geneCount: 30, cardinality: 8, seed: 42, correlated: true)),
        ("three objectives", SyntheticAdditiveProblem(geneCount: 30, cardinality: 8, seed: 42, objectiveCount: 3)),
    ]
    for (name, variant) in variants {
        var variantResult = runNSGA2(variant, configuration: defaultRun)
        let time = bestTime(repeats: 3) { variantResult = runNSGA2(variant, configuration: defaultRun) }
        lines.append(
            "| whole run, \(name) | population 200, 200 generations | \(format(time * 1_000)) ms | "
                + "\(variantResult.evaluations) evaluations, archive \(variantResult.archive.count) |")
    }
    for count in [2_000, 20_000, 200_000] {
        var generator = Xoshiro256StarStar(seed: UInt64(count))
        let points = (0..<count).map { _ in [generator.nextDouble(), generator.nextDouble()] }
        let sweep = bestTime(repeats: 5) { nonDominatedRanks2D(points) }
        lines.append("| two-objective sort | \(count) random points | \(format(sweep * 1_000)) ms | O(N log N) sweep |")
        if count <= 20_000 {
            let general = bestTime(repeats: 3) { nonDominatedRanks(points) }
            lines.append(
                "| general sort | \(count) random points | \(format(general * 1_000)) ms | "
                    + "ENS-BS, \(format(general / sweep))× the sweep |")
        }
    }
    return lines
}

/// A fixed test problem: minimize total cost, maximize total quality (negated), and with three
/// objectives also minimize total weight; subject to a total weight at most 40 % of the largest
/// possible. All tables seeded. With `correlated`, quality follows cost closely, which makes the
/// front much larger (thousands of points), as in the domain problem.
struct SyntheticAdditiveProblem: MultiObjectiveProblem {
    let geneCardinalities: [Int]
    let objectiveCount: Int
    let cost: [Double]
    let quality: [Double]
    let weight: [Double]
    let capacity: Double
    let cardinality: Int

    init(geneCount: Int, cardinality: Int, seed: UInt64, objectiveCount: Int = 2, correlated: Bool = false) {
        var generator = Xoshiro256StarStar(seed: seed)
        let cells = geneCount * cardinality
        geneCardinalities = [Int](repeating: cardinality, count: geneCount)
        let cost = (0..<cells).map { _ in generator.nextDouble() }
        self.cost = cost
        quality = cost.map { correlated ? $0 + 0.1 * generator.nextDouble() : generator.nextDouble() }
        weight = (0..<cells).map { _ in generator.nextDouble() }
        capacity = 0.4 * Double(geneCount)
        self.cardinality = cardinality
        self.objectiveCount = objectiveCount
    }

    func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        var totalCost = 0.0
        var totalQuality = 0.0
        var totalWeight = 0.0
        for (gene, value) in genes.enumerated() {
            let cell = gene * cardinality + value
            totalCost += cost[cell]
            totalQuality += quality[cell]
            totalWeight += weight[cell]
        }
        objectives[0] = totalCost
        objectives[1] = -totalQuality
        if objectiveCount == 3 { objectives[2] = totalWeight }
        return max(0, totalWeight - capacity)
    }
}

private func bestTime<T>(repeats: Int, _ body: () -> T) -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = ContinuousClock.now
        let value = body()
        best = min(best, seconds(ContinuousClock.now - start))
        withExtendedLifetime(value) {}
    }
    return best
}

private func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
}

private func format(_ value: Double) -> String {
    let hundredths = Int(value * 100 + 0.5)
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// log₂ without libm, enough for a growth ratio: exponent plus a series for the significand.
private func log2(_ x: Double) -> Double {
    let exponent = Double(x.exponent)
    let t = (x.significand - 1) / (x.significand + 1)
    var term = t
    var sum = 0.0
    var k = 1.0
    for _ in 0..<30 {
        sum += term / k
        term *= t * t
        k += 2
    }
    return exponent + 2 * sum / 0.693_147_180_559_945_3
}
