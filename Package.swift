// swift-tools-version:6.0
import PackageDescription

/// ParetoRoute: the Pareto front of per-intent LLM deployment settings.
///
/// No package dependencies: the toolchain's Foundation and test libraries only.
let package = Package(
    name: "ParetoRoute",
    products: [
        .library(name: "NSGA2", targets: ["NSGA2"]),
        .library(name: "ParetoRoute", targets: ["ParetoRoute"]),
        .executable(name: "paretoroute", targets: ["ParetoRouteTool"]),
        .executable(name: "paretoroute-synth", targets: ["ParetoRouteSynthTool"]),
        .executable(name: "paretoroute-bench", targets: ["ParetoRouteBench"]),
        .executable(name: "paretoroute-fuzz", targets: ["ParetoRouteFuzz"]),
    ],
    targets: [
        // Generic multi-objective engine: Swift standard library only.
        .target(name: "NSGA2"),
        // The domain: data contract, cell table, cost/quality model, fronts, decisions.
        .target(name: "ParetoRoute", dependencies: ["NSGA2"]),
        // Argument parsing and printing only: the commands, a library so that the tests and
        // the argument fuzzer run them in-process; ParetoRouteTool is the `paretoroute` binary.
        .target(name: "ParetoRouteCLI", dependencies: ["ParetoRoute"]),
        .executableTarget(name: "ParetoRouteTool", dependencies: ["ParetoRouteCLI"]),
        // Synthetic golden data (the default data set and benchmark sets).
        .target(name: "ParetoRouteSynth", dependencies: ["NSGA2"]),
        .executableTarget(name: "ParetoRouteSynthTool", dependencies: ["ParetoRouteSynth", "ParetoRoute"]),
        // Release-build timings; never run by the tests.
        .executableTarget(name: "ParetoRouteBench", dependencies: ["NSGA2", "ParetoRoute", "ParetoRouteSynth"]),
        // libFuzzer targets; inert unless built with -DPARETOROUTE_FUZZ (see .ci/fuzz).
        .executableTarget(name: "ParetoRouteFuzz", dependencies: ["ParetoRoute", "ParetoRouteCLI"]),
        .testTarget(name: "NSGA2Tests", dependencies: ["NSGA2"]),
        .testTarget(name: "ParetoRouteTests", dependencies: ["ParetoRoute", "ParetoRouteSynth", "NSGA2"]),
        .testTarget(name: "ParetoRouteCLITests", dependencies: ["ParetoRouteCLI", "ParetoRoute"]),
        .testTarget(name: "ParetoRouteSynthTests", dependencies: ["ParetoRouteSynth"]),
    ],
    swiftLanguageModes: [.v6]
)
