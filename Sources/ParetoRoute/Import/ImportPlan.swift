import Foundation

/// What an import will write into a data directory, decided before anything is written.
///
/// A dry run prints the plan and stops; otherwise ``write()`` adds one new evals file
/// (never replacing a file) and, for a directory without models.csv and intents.csv,
/// creates both with the names found and the figures a person must fill in left empty.
public struct ImportPlan: Sendable {
    /// A cell the new file replaces, with its sample counts before and after.
    public struct Replacement: Sendable, Equatable {
        /// The cell.
        public var cell: ImportedCell
        /// Samples behind the cell today.
        public var oldCount: Int
        /// Samples in the new file.
        public var newCount: Int

        /// Whether the cell loses most of its samples (fewer than half remain): often a
        /// partial rerun that was meant to add to the cell, not replace it.
        public var shrinksALot: Bool { newCount * 2 < oldCount }
    }

    /// The data directory.
    public var directory: String
    /// The new file's name inside `evals/`.
    public var fileName: String
    /// The new file's text.
    public var text: String
    /// The run that was read.
    public var run: ImportedRun
    /// Cells the data had not held, with their sample counts, in file order.
    public var added: [(cell: ImportedCell, count: Int)]
    /// Cells whose rows the new file replaces, in file order.
    public var replaced: [Replacement]
    /// Models and intents for new models.csv and intents.csv (nil when both exist).
    public var stubs: (models: [String], intents: [String])?

    /// Plans importing `run` into `directory`; `name` replaces the `<tool>-<date>` stem.
    /// - Throws: ``DataError``: nothing usable to import, a duplicate sample, names missing from models.csv or intents.csv (`.missingInput` when one of them is missing).
    public static func make(run: ImportedRun, directory: String, name: String? = nil) throws -> ImportPlan {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "evals.csv", isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DataError(.badRequest, file: base + "evals.csv",
                            "import adds a new file to evals/, and a directory holds evals.csv or evals/, not both; move it first: mkdir \(base)evals && mv \(base)evals.csv \(base)evals/0001-evals.csv")
        }
        guard !run.samples.isEmpty else {
            throw DataError(file: directory, "nothing to import: no usable sample (\(run.skips.errored) errored, \(run.skips.cached) cached, \(run.skips.incomplete) incomplete skipped); expected at least one scored sample")
        }
        var counts: [ImportedCell: Int] = [:]
        var seen = Set<String>()
        for sample in run.samples {
            guard seen.insert(sample.cell.description + "\u{0}" + sample.sampleID).inserted else {
                throw DataError(file: directory, "sample '\(sample.sampleID)' appears twice in cell \(sample.cell); expected each sample once per cell (the same log given twice, or two runs of one setting: import them separately)")
            }
            guard sample.outputTokens <= sample.setting.maxTokens else {
                throw DataError(file: directory, "sample '\(sample.sampleID)' of cell \(sample.cell) has \(sample.outputTokens) output tokens, above max_tokens \(sample.setting.maxTokens); expected output_tokens <= max_tokens")
            }
            counts[sample.cell, default: 0] += 1
        }
        let existing = try ExistingData.read(directory: base)
        let models = orderedUnique(run.samples.map(\.setting.model))
        let intents = orderedUnique(run.samples.map(\.intent))
        var stubs: (models: [String], intents: [String])?
        switch (existing.models, existing.intents) {
        case (nil, nil):
            stubs = (models, intents)
        case (nil, _):
            throw DataError(.missingInput, file: base + "models.csv", "no such file, though intents.csv exists; expected both (or neither, and import creates them)")
        case (_, nil):
            throw DataError(.missingInput, file: base + "intents.csv", "no such file, though models.csv exists; expected both (or neither, and import creates them)")
        case let (known?, knownIntents?):
            if let missing = models.first(where: { !known.contains($0) }) {
                throw DataError(file: base + "models.csv", field: "model", "has no model '\(missing)' (from the imported results); expected a row for every imported model (add it, or map the name with \(run.options.name(.modelMap)))")
            }
            if let missing = intents.first(where: { !knownIntents.contains($0) }) {
                throw DataError(file: base + "intents.csv", field: "intent", "has no intent '\(missing)' (from the imported results); expected a row for every imported intent")
            }
        }
        let stem = name ?? EvalsFileName.stem(tool: run.tool, date: run.date)
        let fileName = try EvalsFileName.next(stem: stem, existing: existing.evalFiles)
        let cells = counts.keys.sorted()
        return ImportPlan(
            directory: directory, fileName: fileName, text: EvalsFileText.render(run.samples), run: run,
            added: cells.filter { existing.cellCounts[$0] == nil }.map { ($0, counts[$0] ?? 0) },
            replaced: cells.compactMap { cell in
                existing.cellCounts[cell].map { Replacement(cell: cell, oldCount: $0, newCount: counts[cell] ?? 0) }
            },
            stubs: stubs)
    }

    /// The new file's path.
    public var path: String { (directory.hasSuffix("/") ? directory : directory + "/") + "evals/" + fileName }

    /// Writes the new evals file (and the stubs); never replaces an existing file.
    /// - Throws: ``DataError`` of kind `.writeFailure` (the file exists already: import never overwrites).
    public func write() throws {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        do {
            try FileManager.default.createDirectory(atPath: base + "evals", withIntermediateDirectories: true)
        } catch {
            throw DataError(.writeFailure, file: base + "evals", "cannot create the directory")
        }
        var targets: [(String, String)] = []
        if let stubs {
            targets.append((base + "models.csv", DataStubs.models(stubs.models)))
            targets.append((base + "intents.csv", DataStubs.intents(stubs.intents)))
        }
        targets.append((path, text))
        // attributesOfItem does not follow symlinks: a dangling link counts as a file too.
        for (target, _) in targets where (try? FileManager.default.attributesOfItem(atPath: target)) != nil {
            throw DataError(.writeFailure, file: target, "exists already; import never overwrites a file (run it again to pick the next number)")
        }
        for (target, content) in targets {
            try OutputTarget(path: target).write(content)
        }
    }

    /// The report `import` prints: the file, what was skipped, the cells added and replaced,
    /// and warnings for replaced cells that lose most of their samples; `dryRun` words it
    /// as what would happen.
    public func report(dryRun: Bool = false) -> String {
        var lines: [String] = []
        let skips = run.skips
        var skipped: [String] = []
        if skips.errored > 0 { skipped.append("\(skips.errored) errored") }
        if skips.cached > 0 { skipped.append("\(skips.cached) served from promptfoo's cache (\(run.options.name(.keepCached)) keeps them)") }
        if skips.incomplete > 0 { skipped.append("\(skips.incomplete) without tokens or latency") }
        lines.append("\(run.tool.rawValue): \(run.samples.count) samples in \(added.count + replaced.count) cell\(added.count + replaced.count == 1 ? "" : "s") -> \(dryRun ? "would write " : "")evals/\(fileName)")
        if !skipped.isEmpty { lines.append("skipped: " + skipped.joined(separator: ", ")) }
        lines.append("\(dryRun ? "would add" : "adds") \(added.count) cell\(added.count == 1 ? "" : "s")" + (added.isEmpty ? "" : ":"))
        for entry in added { lines.append("  \(entry.cell): \(entry.count) samples") }
        lines.append("\(dryRun ? "would replace" : "replaces") \(replaced.count) cell\(replaced.count == 1 ? "" : "s")" + (replaced.isEmpty ? "" : ":"))
        for entry in replaced { lines.append("  \(entry.cell): \(entry.oldCount) -> \(entry.newCount) samples") }
        for entry in replaced where entry.shrinksALot {
            lines.append("warning: \(entry.cell) shrinks from \(entry.oldCount) to \(entry.newCount) samples; the new file replaces the cell's rows, it does not add to them")
        }
        if dryRun { lines.append("dry run: nothing written") }
        if let stubs {
            lines.append("\(dryRun ? "would create" : "created") models.csv (\(stubs.models.count) model\(stubs.models.count == 1 ? "" : "s")) and intents.csv (\(stubs.intents.count) intent\(stubs.intents.count == 1 ? "" : "s")): fill in the empty prices, daily volumes, quality floors and P99 caps, then run paretoroute validate --data \(directory)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
