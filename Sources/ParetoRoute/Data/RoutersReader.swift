import Foundation

/// Reads the optional routers.csv and router_costs.csv of a data directory (contract version 2).
///
/// Same rules as every other file: columns by header name, errors naming file, line and column.
enum RoutersReader {
    /// The routers and their scores; ``RouterScores/none(intents:)`` when neither file exists.
    static func read(base: String, intents: [Intent]) throws -> RouterScores {
        let manager = FileManager.default
        let hasScores = manager.fileExists(atPath: base + "routers.csv")
        let hasCosts = manager.fileExists(atPath: base + "router_costs.csv")
        guard hasScores || hasCosts else { return .none(intents: intents.count) }
        var routers: [Router] = []
        var scores = [[Int: [String: Double]]](repeating: [:], count: intents.count)
        func routerIndex(_ name: String) -> Int {
            if let index = routers.firstIndex(where: { $0.name == name }) { return index }
            routers.append(Router(name: name))
            return routers.count - 1
        }
        var hasher: FNV1a64?
        if hasScores {
            let file = "routers.csv"
            var parser: FieldParser?
            var columns = [Int]()
            var intentIndex: [String: Int] = [:]
            for (i, intent) in intents.enumerated() { intentIndex[intent.name] = i }
            try CSVFile.forEachRecord(path: base + file, displayName: file, hasher: &hasher) { record in
                guard let fields = parser else {
                    let header = try CSVHeader(record, file: file)
                    columns = try ["intent", "router", "sample_id", "score"].map { try header.require($0) }
                    parser = FieldParser(file: file, header: header)
                    return
                }
                try fields.header.checkWidth(record)
                let intentName = try fields.text(record, columns[0])
                guard let i = intentIndex[intentName] else {
                    throw fields.error(record, columns[0], "'\(intentName)' is not in intents.csv; expected one of \(intents.map(\.name).joined(separator: ", "))")
                }
                let router = routerIndex(try fields.text(record, columns[1]))
                guard let sample = record.string(at: columns[2]) else {
                    throw fields.error(record, columns[2], "is not valid UTF-8; expected a sample identifier")
                }
                let score = try fields.double(record, columns[3], expected: "a finite number") { _ in true }
                guard scores[i][router, default: [:]].updateValue(score, forKey: sample) == nil else {
                    throw fields.error(record, columns[2], "sample '\(sample)' is scored twice by router '\(routers[router].name)' for intent '\(intentName)'; expected one score per (intent, router, sample)")
                }
            }
        }
        if hasCosts {
            let file = "router_costs.csv"
            var parser: FieldParser?
            var columns = [Int]()
            var seen = Set<String>()
            try CSVFile.forEachRecord(path: base + file, displayName: file, hasher: &hasher) { record in
                guard let fields = parser else {
                    let header = try CSVHeader(record, file: file)
                    columns = try ["router", "monthly_fixed_usd", "latency_ms"].map { try header.require($0) }
                    parser = FieldParser(file: file, header: header)
                    return
                }
                try fields.header.checkWidth(record)
                let name = try fields.text(record, columns[0])
                guard seen.insert(name).inserted else {
                    throw fields.error(record, columns[0], "router '\(name)' appears again; expected one row per router")
                }
                let index = routerIndex(name)
                routers[index].monthlyFixedUSD = try fields.double(record, columns[1], expected: "a number >= 0") { $0 >= 0 }
                routers[index].latencyMs = try fields.double(record, columns[2], expected: "a number >= 0") { $0 >= 0 }
            }
        }
        return RouterScores(routers: routers, scores: scores)
    }
}
