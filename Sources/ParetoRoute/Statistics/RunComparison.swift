/// Two eval runs of one data set compared cell by cell (`paretoroute compare OLD NEW`).
///
/// "Rerun after new eval scores arrive" deserves more than a new front: which cells really moved,
/// by how much, beyond noise or not, and which golden samples got worse. Cells present in both runs
/// are paired on shared sample ids; the quality p-values of the cells whose rows changed are
/// adjusted together (Benjamini–Hochberg), so among the cells called changed at most the stated
/// share is expected to be noise.
public struct RunComparison: Sendable {
    /// Cells whose rows changed, in the new table's order.
    public var changed: [CellComparison]
    /// Cells in both runs with identical rows.
    public var unchangedCount: Int
    /// Cells only the new run has.
    public var added: [String]
    /// Cells only the old run has.
    public var vanished: [String]
    /// Cells whose sample count fell to less than half.
    public var shrunk: [ShrunkCell]
    /// The false-discovery level at which a change counts as beyond noise.
    public var level: Double
    /// The relative quality drop that flags a sample.
    public var drop: Double

    /// Compares `new` with `old`, both loaded with samples.
    ///
    /// - Parameters:
    ///   - level: the false-discovery rate for "beyond noise" (0.05).
    ///   - drop: a sample is a regression when its new quality is below (1 − drop) × its old one.
    ///   - seed: fixes the P99 bootstrap.
    /// - Throws: ``DataError`` (bad request) when a table was loaded without samples.
    public init(old: CellTable, new: CellTable, level: Double = 0.05, drop: Double = 0.1, seed: UInt64 = 1) throws {
        let withIDs = { (samples: [[CellSamples]]) in samples.allSatisfy { $0.allSatisfy { $0.sampleIDs.count == $0.qualities.count } } }
        guard let oldSamples = old.samples, let newSamples = new.samples, withIDs(oldSamples), withIDs(newSamples) else {
            throw DataError(.badRequest, file: "comparison", "both runs must be loaded with samples and their ids; load with keepingSamples and keepingSampleIDs")
        }
        self.level = level
        self.drop = drop
        var oldCells: [String: (Int, Int)] = [:]
        for (i, cells) in old.cells.enumerated() {
            for (c, cell) in cells.enumerated() { oldCells["\(old.intents[i].name) \(cell.setting)"] = (i, c) }
        }
        var seen = Set<String>()
        var changed: [CellComparison] = []
        var unchanged = 0
        var added: [String] = []
        var shrunk: [ShrunkCell] = []
        for (i, cells) in new.cells.enumerated() {
            let intent = new.intents[i].name
            for (c, cell) in cells.enumerated() {
                let name = "\(intent) \(cell.setting)"
                guard let (oi, oc) = oldCells[name] else {
                    added.append(name)
                    continue
                }
                seen.insert(name)
                let before = oldSamples[oi][oc], after = newSamples[i][c]
                let oldCell = old.cells[oi][oc]
                if ShrunkCell.isShrunk(from: oldCell.sampleCount, to: cell.sampleCount) {
                    shrunk.append(ShrunkCell(intent: intent, setting: cell.setting, oldSamples: oldCell.sampleCount,
                                             oldFile: oldCell.sourceFile, newSamples: cell.sampleCount, newFile: cell.sourceFile))
                }
                if before == after {
                    unchanged += 1
                    continue
                }
                changed.append(CellComparison.compare(
                    intent: intent, setting: cell.setting, old: before, new: after, drop: drop,
                    seed: Bootstrap.seed(intent: intent, setting: cell.setting, runSeed: seed)))
            }
        }
        let adjusted = BenjaminiHochberg.adjusted(changed.map(\.quality.pValue))
        for k in changed.indices { changed[k].adjustedPValue = adjusted[k] }
        self.changed = changed
        unchangedCount = unchanged
        self.added = added
        vanished = oldCells.keys.filter { !seen.contains($0) }.sorted()
        self.shrunk = shrunk
    }

    /// Loads and compares two runs: `old` is a data directory; `new` a data directory, or an evals
    /// file laid over `old` as its next run (read after `old`'s evals, so its cells supersede).
    ///
    /// - Throws: ``DataError`` for unreadable or invalid data.
    public static func load(old: String, new: String, level: Double = 0.05, drop: Double = 0.1, seed: UInt64 = 1) throws -> RunComparison {
        let before = try GoldenDataLoader.load(directory: old, keepingSamples: true, keepingSampleIDs: true)
        let after = new.hasSuffix(".csv")
            ? try GoldenDataLoader.load(directory: old, keepingSamples: true, keepingSampleIDs: true, laterEvalsFile: new)
            : try GoldenDataLoader.load(directory: new, keepingSamples: true, keepingSampleIDs: true)
        return try RunComparison(old: before, new: after, level: level, drop: drop, seed: seed)
    }

    /// Cells whose quality fell beyond noise.
    public var worse: [CellComparison] {
        changed.filter { $0.isBeyondNoise(level: level) && $0.quality.meanChange < 0 }
    }

    /// Cells of `configuration` whose quality fell beyond noise: `--fail-if-worse`'s gate.
    public func worse(in configuration: Configuration) -> [CellComparison] {
        let names = Set(configuration.entries.flatMap { entry in entry.option.settings.map { "\(entry.intent) \($0)" } })
        return worse.filter { names.contains($0.name) }
    }
}
