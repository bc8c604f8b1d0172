import Foundation
import NSGA2
import ParetoRoute
import ParetoRouteSynth

// Release-build timings for docs/measurements.md. Run: swift run -c release paretoroute-bench
// Timing lives here, never in the tests.

func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Duration {
    var times: [Duration] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        times.append(try clock.measure(body))
    }
    return times.sorted()[runs / 2]
}

func ms(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return formatFixed(Double(seconds) * 1000 + Double(attoseconds) / 1e15, decimals: 2) + " ms"
}

func durationSeconds(_ duration: Duration) -> Double {
    let (s, a) = duration.components
    return Double(s) + Double(a) / 1e18
}

func ensureData(_ preset: Preset, at path: String) throws {
    if FileManager.default.fileExists(atPath: path + "/models.csv") { return }
    FileHandle.standardError.write(Data("generating \(preset.rawValue) data into \(path)…\n".utf8))
    try DataSetGenerator(spec: preset.spec()).write(toDirectory: path)
}

var lines = ["| measurement | figure |", "| --- | --- |"]
let golden = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "GoldenData"
let table: CellTable
do {
    table = try GoldenDataLoader.load(directory: golden)
} catch {
    FileHandle.standardError.write(Data("paretoroute-bench: \(error)\n".utf8))
    exit(66)
}
let load = try median(5) { _ = try GoldenDataLoader.load(directory: golden) }
lines.append("| load default data (\(table.rowCount) rows) | \(ms(load)) (\(formatFixed(Double(table.rowCount) / durationSeconds(load) / 1e6, decimals: 2)) M rows/s) |")

let space = try SearchSpace(table: table)
let problem = RoutingProblem(space: space)
var rng = Xoshiro256StarStar(seed: 42)
let genomes = (0..<1_000_000).map { _ in problem.geneCardinalities.map { rng.nextInt(below: $0) } }
var sink = 0.0
let evaluation = median(3) {
    var objectives = [0.0, 0.0]
    for genome in genomes {
        genome.withUnsafeBufferPointer { genes in
            objectives.withUnsafeMutableBufferPointer { out in sink += problem.evaluate(genes: genes, objectives: out) + out[0] }
        }
    }
}
lines.append("| evaluations per second (10 intents) | \(formatFixed(1_000_000 / durationSeconds(evaluation) / 1e6, decimals: 1)) M |")

var optimizeResult: Optimizer.Result?
let optimize = median(3) { optimizeResult = Optimizer.optimize(space) }
let exactRun = median(5) { _ = ExactSolver.solve(space) }
let exact = ExactSolver.solve(space).points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) }
let found = optimizeResult?.points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) } ?? []
let share = FrontGeometry.hypervolumeShare(of: found, exact: exact)
lines.append("| optimize, default settings (10 intents) | \(ms(optimize)), \(found.count) points, \(formatFixed(share * 100, decimals: 3))% of exact hypervolume |")
lines.append("| exact front (10 intents) | \(ms(exactRun)), \(exact.count) points |")

let bench = "BenchData/benchmark"
try ensureData(.benchmark, at: bench)
let big = try GoldenDataLoader.load(directory: bench)
let bigLoad = try median(3) { _ = try GoldenDataLoader.load(directory: bench) }
lines.append("| load 40-intent data (\(big.rowCount) rows) | \(ms(bigLoad)) (\(formatFixed(Double(big.rowCount) / durationSeconds(bigLoad) / 1e6, decimals: 2)) M rows/s) |")
let bigSpace = try SearchSpace(table: big)
var bigExact: ExactSolver.Result?
let bigExactRun = median(3) { bigExact = ExactSolver.solve(bigSpace) }
let bigPoints = bigExact?.points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) } ?? []
lines.append("| exact front (40 intents, \(bigSpace.feePayingModels.count) fee models) | \(ms(bigExactRun)), \(bigPoints.count) points, largest partial front \(bigExact?.largestPartialFront ?? 0) |")
// The front file of the 287 K-point front: streamed writing, and reading the points without a JSON tree.
let bigFront = try FrontRun.exact(big).front
var frontBytes: [UInt8] = []
let frontWrite = try median(3) {
    frontBytes.removeAll(keepingCapacity: true)
    try bigFront.writeJSON { frontBytes += $0 }
}
let frontRead = try median(3) { _ = try Front(bytes: frontBytes, file: "bench") }
let perCell = Double(frontBytes.count) / Double(max(1, bigFront.points.count * big.intents.count))
lines.append("| front file of that front (format 2) | write \(ms(frontWrite)), read \(ms(frontRead)); \(formatFixed(Double(frontBytes.count) / 1e6, decimals: 1)) MB, \(formatFixed(perCell, decimals: 2)) bytes per (point, intent) |")
var capped: ExactSolver.Result?
let cappedRun = median(3) { capped = ExactSolver.solve(bigSpace, maxPoints: 1000) }
lines.append("| exact front capped, --max-points 1000 (40 intents) | \(ms(cappedRun)), \(capped?.points.count ?? 0) points, quality within \(formatFixed(capped?.qualityTolerance ?? 0, decimals: 6)) of the exact front |")
var bigFound: Optimizer.Result?
let bigOptimize = median(3) { bigFound = Optimizer.optimize(bigSpace) }
let bigShare = FrontGeometry.hypervolumeShare(of: bigFound?.points.map { (cost: $0.monthlyCostUSD, quality: $0.quality) } ?? [],
                                              exact: bigPoints)
lines.append("| optimize, default settings (40 intents) | \(ms(bigOptimize)), \(bigFound?.points.count ?? 0) points, \(formatFixed(bigShare * 100, decimals: 2))% of exact hypervolume |")

// Cost projection: the default 6 months × 10,000 runs of a configuration.
let sampled = try GoldenDataLoader.load(directory: golden, keepingSamples: true)
let production = try sampled.choice(of: Configuration.load(path: golden + "/production.json"), file: "production.json")
let productionPlan = try ProjectionPlan(table: sampled, choice: production, months: 6)
let projection = median(5) { _ = try? CostProjector.project(productionPlan) }
lines.append("| project, 6 months × 10,000 runs (10 intents, production.json) | \(ms(projection)) |")
let growthScenario = Scenario(growth: .init(type: .linear, monthlyRate: 0.1, monthlyRateSD: 0.05), dailyVolumeCV: 0.15)
let growthPlan = try ProjectionPlan(table: sampled, choice: production, scenario: growthScenario, months: 6)
let growthProjection = median(5) { _ = try? CostProjector.project(growthPlan) }
lines.append("| the same with growth uncertainty and daily_volume_cv (10 intents) | \(ms(growthProjection)) |")
let bigSampled = try GoldenDataLoader.load(directory: bench, keepingSamples: true)
let bigKnee = capped.flatMap { result in FrontGeometry.kneeIndex(result.points.map { ($0.monthlyCostUSD, $0.quality) }).map { result.points[$0].choice } }
    ?? bigSpace.candidates.map { $0[0] }
let bigPlan = try ProjectionPlan(table: bigSampled, choice: bigKnee, months: 6)
let bigProjection = median(5) { _ = try? CostProjector.project(bigPlan) }
lines.append("| project, 6 months × 10,000 runs (40 intents, knee of the capped front) | \(ms(bigProjection)) |")

// The multifee preset: the cheap end of the front avoids a $7,000 fee that every intent's
// cheapest cell pays (issue 14).
let multifee = "BenchData/multifee"
try ensureData(.multifee, at: multifee)
let fees = try GoldenDataLoader.load(directory: multifee)
let feesLoad = try median(3) { _ = try GoldenDataLoader.load(directory: multifee) }
lines.append("| load multifee data (\(fees.rowCount) rows) | \(ms(feesLoad)) |")
let feesSpace = try SearchSpace(table: fees)
var feesExact: ExactSolver.Result?
let feesExactRun = median(3) { feesExact = ExactSolver.solve(feesSpace) }
let feesPoints = feesExact?.points.map(\.objectives) ?? []
let feesCheapest = feesPoints.first?.cost ?? 0
lines.append("| exact front (multifee, 40 intents, 2 fee models) | \(ms(feesExactRun)), \(feesPoints.count) points, cheapest \(formatUSD(feesCheapest)) |")
for (label, population, generations) in [("100 × 50", 100, 50), ("default settings", 200, 400)] {
    var shares: [Double] = []
    var cheapestFound = 0
    var times: [Duration] = []
    for seed in 1...5 as ClosedRange<UInt64> {
        var options = Optimizer.Options()
        options.population = population
        options.generations = generations
        options.seed = seed
        var result: Optimizer.Result?
        times.append(median(1) { result = Optimizer.optimize(feesSpace, options: options) })
        let points = result?.points.map(\.objectives) ?? []
        shares.append(FrontGeometry.hypervolumeShare(of: points, exact: feesPoints))
        if points.first?.cost == feesCheapest { cheapestFound += 1 }
    }
    lines.append("| optimize \(label) (multifee, seeds 1–5) | \(ms(times.sorted()[2])), \(formatFixed((shares.min() ?? 0) * 100, decimals: 2))–\(formatFixed((shares.max() ?? 0) * 100, decimals: 2))% of the exact hypervolume, exact cheapest found in \(cheapestFound) of 5 |")
}
let feesWithSamples = try GoldenDataLoader.load(directory: multifee, keepingSamples: true)
var screen: NoiseScreen?
let screenRun = try median(3) { screen = try NoiseScreen(table: feesWithSamples, confidence: 0.95) }
lines.append("| validate's noise screen (multifee, 14,400 cells) | \(ms(screenRun)), \(screen?.entries.count ?? 0) cells depend on noise |")

// Whole runs of the binary next to this one, loading included.
let tool = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("paretoroute").path
if FileManager.default.isExecutableFile(atPath: tool) {
    func wholeRun(_ arguments: [String]) throws -> Duration {
        try median(5) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
    }
    lines.append("| whole binary: optimize, default settings (multifee) | \(ms(try wholeRun(["optimize", "--data", multifee, "--quiet"]))) |")
    lines.append("| whole binary: validate (multifee) | \(ms(try wholeRun(["validate", "--data", multifee]))) |")
}

print(lines.joined(separator: "\n"))
print("")
print(runEngineBenchmarks().joined(separator: "\n"))
if sink == 42 { print("") }
