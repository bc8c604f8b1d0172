/// Figures about the run that made a front: what was pruned and how hard the solver worked.
///
/// They explain a front (why an intent has few candidates, whether NSGA-II stopped by
/// stall) and are written with it; the library fills them so that a front built by a
/// library user is the same file the CLI writes.
public struct FrontStatistics: Sendable, Equatable {
    /// The solver's own figures.
    public enum Search: Sendable, Equatable {
        /// NSGA-II: generations run, configurations evaluated, whether it stopped by stall,
        /// and, with a warm start, the old front's point count and the configurations dropped.
        case nsga2(generationsRun: Int, evaluations: Int, stoppedByStall: Bool, warmStartPoints: Int?, warmStartDropped: Int?)
        /// The exact fold: subsets of fee-paying models folded, the largest partial front,
        /// candidate sums examined, and the quality tolerance of a capped front.
        case exact(feeModelSubsets: Int, largestPartialFront: Int, candidateSums: Int, qualityTolerance: Double?)
    }

    /// Per intent, the cells left out and why.
    public var pruning: [SearchSpace.Pruning]
    /// The solver's figures.
    public var search: Search
    /// With `--reference exact`: the share of the exact front's hypervolume reached, the
    /// reference point taken from the exact front (see ``FrontGeometry/hypervolumeShare(of:exact:)``).
    public var exactHypervolumeShare: Double?
    /// With `--reference exact`: the exact front's point count.
    public var exactPointCount: Int?

    /// Creates statistics.
    public init(pruning: [SearchSpace.Pruning], search: Search, exactHypervolumeShare: Double? = nil, exactPointCount: Int? = nil) {
        self.pruning = pruning
        self.search = search
        self.exactHypervolumeShare = exactHypervolumeShare
        self.exactPointCount = exactPointCount
    }

    /// The statistics as written in a front file.
    public var json: [(String, JSONValue)] {
        var entries: [(String, JSONValue)] = [("pruning", .array(pruning.map(\.json)))]
        switch search {
        case let .nsga2(generations, evaluations, stall, warmPoints, warmDropped):
            if let warmPoints { entries.append(("warm_start_points", .number(Double(warmPoints)))) }
            entries += [
                ("generations_run", .number(Double(generations))),
                ("evaluations", .number(Double(evaluations))),
                ("stopped_by_stall", .bool(stall)),
            ]
            if let warmDropped { entries.append(("warm_start_dropped", .number(Double(warmDropped)))) }
        case let .exact(subsets, largest, sums, tolerance):
            if let tolerance { entries.append(("quality_tolerance", .number(tolerance))) }
            entries += [
                ("fee_model_subsets", .number(Double(subsets))),
                ("largest_partial_front", .number(Double(largest))),
                ("candidate_sums", .number(Double(sums))),
            ]
        }
        if let share = exactHypervolumeShare { entries.append(("exact_hypervolume_share", .number(share))) }
        if let count = exactPointCount { entries.append(("exact_point_count", .number(Double(count)))) }
        return entries
    }

    /// Reads the `statistics` object of a front made by `method`. Figures a file lacks
    /// read as 0 (they explain a front; nothing is decided on them).
    /// - Throws: ``DataError`` naming the field of `file`.
    public init(json: JSONValue, method: Front.Method, file: String) throws {
        let reader = JSONFieldReader(file: file, prefix: "statistics")
        guard json.members != nil else { throw reader.error("", "not an object") }
        let zero = JSONValue.number(0)
        pruning = try (json["pruning"]?.array ?? []).enumerated().map { index, entry in
            let field = "pruning[\(index)]"
            func count(_ key: String) throws -> Int { try reader.integer(entry[key] ?? zero, "\(field).\(key)") }
            return SearchSpace.Pruning(
                intent: try reader.string(entry["intent"], "\(field).intent"), cells: try count("cells"),
                belowFloor: try count("below_quality_floor"), aboveCap: try count("above_p99_cap"),
                excludedModel: try count("excluded_model"), pinned: try count("pinned"),
                tooFewSamples: try count("too_few_samples"), candidates: try count("candidates"))
        }
        switch method {
        case .nsga2:
            search = .nsga2(generationsRun: try reader.integer(json["generations_run"] ?? zero, "generations_run"),
                            evaluations: try reader.integer(json["evaluations"] ?? zero, "evaluations"),
                            stoppedByStall: try reader.bool(json["stopped_by_stall"] ?? .bool(false), "stopped_by_stall"),
                            warmStartPoints: try reader.optionalInteger(json["warm_start_points"], "warm_start_points"),
                            warmStartDropped: try reader.optionalInteger(json["warm_start_dropped"], "warm_start_dropped"))
        case .exact:
            search = .exact(feeModelSubsets: try reader.integer(json["fee_model_subsets"] ?? zero, "fee_model_subsets"),
                            largestPartialFront: try reader.integer(json["largest_partial_front"] ?? zero, "largest_partial_front"),
                            candidateSums: try reader.integer(json["candidate_sums"] ?? zero, "candidate_sums"),
                            qualityTolerance: try reader.optionalNumber(json["quality_tolerance"], "quality_tolerance"))
        }
        exactHypervolumeShare = try reader.optionalNumber(json["exact_hypervolume_share"], "exact_hypervolume_share")
        exactPointCount = try reader.optionalInteger(json["exact_point_count"], "exact_point_count")
    }
}
