import Foundation
import ParetoRoute

/// `paretoroute-synth logs`: A9 request logs consistent with a data directory (``UsageLogGenerator``).
enum LogsCommand {
    static let usage = """
        usage: paretoroute-synth logs --out FILE [--data DIR] [--config FILE] [--days N]
                                      [--scale X] [--seed N] [--anomalies]

        Writes A9 request logs (JSON lines) of the configuration's cells: Poisson volumes at
        intents.csv's rates times X with a daily cycle, response-cache hits at each intent's
        rate, tokens and latencies drawn from the cell's golden samples. --anomalies plants
        a cost spike, a token explosion and a velocity spike (see UsageLogGenerator).

          --out FILE      file to write ('-': standard output); an existing file is refused
          --data DIR      the data directory (default ./GoldenData)
          --config FILE   the configuration serving the traffic (default DIR/production.json)
          --days N        days of logs from 2025-03-01 (default 30)
          --scale X       multiplies every daily volume (default 1)
          --seed N        seed of every draw (default 1)
          --anomalies     plant the documented anomalies

        """

    static func main(arguments: [String]) -> Int32 {
        var values: [String: String] = [:]
        var anomalies = false
        var index = 0
        func fail(_ message: String, _ status: Int32 = 64) -> Int32 {
            FileHandle.standardError.write(Data("paretoroute-synth logs: \(message)\n".utf8))
            return status
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { print(usage, terminator: ""); return 0 }
            if argument == "--anomalies" { anomalies = true; continue }
            let name = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : ""
            guard ["out", "data", "config", "days", "scale", "seed"].contains(name) else { return fail("unexpected argument '\(argument)'") }
            guard index < arguments.count else { return fail("--\(name) needs a value") }
            values[name] = arguments[index]
            index += 1
        }
        guard let out = values["out"] else { return fail("--out FILE is required") }
        let data = values["data"] ?? "GoldenData"
        guard let days = Int(values["days"] ?? "30"), (1...3660).contains(days) else { return fail("--days expects 1...3660") }
        guard case .success(let scale)? = values["scale"].map({ DecimalNumber.parseDouble(Array($0.utf8)) }) ?? .success(1), scale > 0 else {
            return fail("--scale expects a number > 0")
        }
        guard let seed = UInt64(values["seed"] ?? "1") else { return fail("--seed expects an unsigned 64-bit integer") }
        if out != "-" && FileManager.default.fileExists(atPath: out) { return fail("\(out) exists; expected a new file", 73) }
        do {
            let table = try GoldenDataLoader.load(directory: data, keepingSamples: true)
            let configuration = try Configuration.load(path: values["config"] ?? data + "/production.json")
            let generator = UsageLogGenerator(table: table, configuration: configuration, days: days, scale: scale,
                                              seed: seed, plantAnomalies: anomalies)
            let handle: FileHandle
            if out == "-" {
                handle = FileHandle.standardOutput
            } else {
                guard FileManager.default.createFile(atPath: out, contents: nil), let file = FileHandle(forWritingAtPath: out) else {
                    return fail("\(out): cannot be written", 73)
                }
                handle = file
            }
            try generator.write { try handle.write(contentsOf: Data($0.utf8)) }
            if out != "-" { try handle.close() }
            return 0
        } catch let error as DataError {
            return fail(error.description, error.kind == .missingInput ? 66 : 65)
        } catch {
            return fail("\(error)", 73)
        }
    }
}
