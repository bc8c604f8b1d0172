/// A Pareto front of monthly cost vs weighted quality, as written to and read from files.
///
/// The front is what users keep: its file (`paretoroute.front/2`) records the method,
/// the settings, the data fingerprint, the intents' constraints, the cells the points
/// use and every point, so a front can be picked from, checked against and diffed later
/// without rerunning.
public struct Front: Sendable {
    /// The format tag the writer puts in every front file.
    public static let format = "paretoroute.front/2"
    /// The previous format, still read.
    public static let format1 = "paretoroute.front/1"

    /// How the front was found.
    public enum Method: String, Sendable {
        /// The evolutionary search.
        case nsga2
        /// The dynamic-programming exact front.
        case exact
    }

    /// How the front was found.
    public var method: Method
    /// The version of the tool that made the front (same data, seed and version: same bytes).
    public var toolVersion: String
    /// The FNV-1a 64 fingerprint of the data the front was made from.
    public var dataFingerprint: String
    /// The assumptions the front was made under.
    public var settings: FrontSettings
    /// Figures about the run.
    public var statistics: FrontStatistics
    /// The intents and the cells the points use.
    public var catalog: FrontCatalog
    /// The points in ``FrontOrder`` (cost ascending, then quality descending).
    public var points: [FrontPoint]

    /// Creates a front from points that share `catalog`; they are put in ``FrontOrder``
    /// (stable for equal objectives).
    public init(method: Method, toolVersion: String = ToolVersion.current, dataFingerprint: String,
                settings: FrontSettings, statistics: FrontStatistics, catalog: FrontCatalog, points: [FrontPoint]) {
        self.method = method
        self.toolVersion = toolVersion
        self.dataFingerprint = dataFingerprint
        self.settings = settings
        self.statistics = statistics
        self.catalog = catalog
        // Fronts read from files are in order already: check in one pass before sorting.
        let inOrder = points.indices.dropFirst().allSatisfy { FrontOrder.precedes(points[$0 - 1].objectives, $0 - 1, points[$0].objectives, $0) }
        if inOrder {
            self.points = points
        } else {
            let order = points.indices.sorted { FrontOrder.precedes(points[$0].objectives, $0, points[$1].objectives, $1) }
            self.points = order.map { points[$0] }
        }
    }

    /// The front of scored configurations of `table`; only the cells some point uses
    /// enter the catalog.
    ///
    /// - Complexity: O(points × intents + cells of the table).
    public init(method: Method, table: CellTable, scores: [ConfigurationScore],
                settings: FrontSettings, statistics: FrontStatistics) {
        var used = table.intents.indices.map { [Bool](repeating: false, count: table.optionCount(intent: $0)) }
        for score in scores {
            for (i, c) in score.choice.enumerated() { used[i][c] = true }
        }
        let (catalog, index) = FrontCatalog.of(table, using: used)
        let points = scores.map { score in
            FrontPoint(monthlyCostUSD: score.monthlyCostUSD, quality: score.quality,
                       qualityStandardError: score.qualityStandardError, fixedFeesUSD: score.fixedFeesUSD,
                       isFeasible: score.isFeasible,
                       cells: score.choice.enumerated().map { index[$0.offset][$0.element] }, catalog: catalog)
        }
        self.init(method: method, dataFingerprint: table.fingerprint, settings: settings, statistics: statistics,
                  catalog: catalog, points: points)
    }

    /// A front of points that may each carry their own catalog (points read from an old
    /// file, or made one by one): their cells are gathered into one catalog, per intent
    /// in order of first use. Every point must list the same intents in the same order.
    public init(method: Method, dataFingerprint: String, settings: FrontSettings? = nil,
                statistics: FrontStatistics? = nil, points: [FrontPoint]) {
        let intents = points.first?.catalog.intents ?? []
        var cells = [[FrontCell]](repeating: [], count: intents.count)
        var lookup = [[IntentOption: Int32]](repeating: [:], count: intents.count)
        var rebuilt: [(FrontPoint, [Int32])] = []
        for point in points {
            var indices: [Int32] = []
            for i in intents.indices {
                let cell = point.cell(i)
                if let known = lookup[i][cell.option] {
                    indices.append(known)
                } else {
                    let index = Int32(cells[i].count)
                    lookup[i][cell.option] = index
                    cells[i].append(cell)
                    indices.append(index)
                }
            }
            rebuilt.append((point, indices))
        }
        let catalog = FrontCatalog(intents: intents, cells: cells)
        self.init(method: method, dataFingerprint: dataFingerprint,
                  settings: settings ?? FrontSettings(search: method == .exact ? .exact(maxPoints: nil)
                                                              : .nsga2(population: 0, generations: 0, stallGenerations: nil, seed: 0)),
                  statistics: statistics ?? FrontStatistics(pruning: [], search: method == .exact
                                                            ? .exact(feeModelSubsets: 0, largestPartialFront: 0, candidateSums: 0, qualityTolerance: nil)
                                                            : .nsga2(generationsRun: 0, evaluations: 0, stoppedByStall: false, warmStartPoints: nil, warmStartDropped: nil)),
                  catalog: catalog,
                  points: rebuilt.map { point, indices in
                      FrontPoint(monthlyCostUSD: point.monthlyCostUSD, quality: point.quality,
                                 qualityStandardError: point.qualityStandardError, fixedFeesUSD: point.fixedFeesUSD,
                                 isFeasible: point.isFeasible, cells: indices, catalog: catalog)
                  })
    }

    /// The intents, in the data's order, with the constraints the front was made under.
    public var intents: [FrontIntent] { catalog.intents }

    /// The points' objectives.
    public var objectives: [(cost: Double, quality: Double)] {
        points.map(\.objectives)
    }

    /// The reference point by the tool's rule, over this front alone.
    public var referencePoint: (cost: Double, quality: Double) {
        FrontGeometry.referencePoint(objectives)
    }

    /// The hypervolume against ``referencePoint``.
    public var hypervolume: Double {
        FrontGeometry.hypervolume(objectives, reference: referencePoint)
    }

    /// The index (0-based, into ``points``) of the point numbered `number` in every output
    /// (from 1: `#1` is `points[0]`).
    /// - Throws: ``RequestError`` on ``RequestError/Option/point`` when no point has that number.
    public func pointIndex(number: Int) throws(RequestError) -> Int {
        guard number >= 1, number <= points.count else {
            throw RequestError([.point], "\(number) is not a point of the front; expected a number from 1 to \(points.count)")
        }
        return number - 1
    }

    /// The knee point's index (see ``FrontGeometry/kneeIndex(_:)``).
    public var kneeIndex: Int? {
        FrontGeometry.kneeIndex(objectives)
    }

    /// The assumptions the front was made under, one phrase each (see ``FrontSettings/assumptions``).
    public var assumptions: [String] { settings.assumptions }
}
