import ParetoRoute

/// `paretoroute exact`: the exact front by dynamic programming.
enum ExactCommand {
    static let help = FrontOptions.help(
        command: "exact",
        summary: "The exact Pareto front of monthly cost vs weighted quality, by folding the per-intent\nfronts intent by intent (fixed model fees handled exactly).",
        searchOptions: """
              --max-points M          cap the front with an ε-grid on quality (ε = 2 × quality range / M);
                                      every exact point keeps a point at no more cost within ε in quality

            """)

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let command = "exact"
        let options = try FrontOptions(arguments, extra: [.init(name: "max-points", takesValue: true)], command: command)
        let maxPoints = try options.args.int("max-points", command: command, minimum: 1)
        try options.validateOutputs()
        let data = try options.data()
        let run = try FrontRun.exact(data, request: try options.request(data: data), maxPoints: maxPoints)
        if case let .exact(subsets, largest, sums, tolerance) = run.front.statistics.search {
            options.diagnose("exact: \(subsets) fee-model subsets, largest partial front \(largest), \(sums) candidate sums examined", console: console)
            if let maxPoints, let tolerance {
                options.diagnose("--max-points \(maxPoints): every exact front point has a point here at no more cost and at most \(formatFixed(tolerance, decimals: 6)) less quality", console: console)
            }
        }
        return try options.finish(run, console: console)
    }
}
