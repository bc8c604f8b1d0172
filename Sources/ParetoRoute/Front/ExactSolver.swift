/// The exact Pareto front of (monthly cost, weighted quality) by dynamic programming.
///
/// Both objectives are sums over intents, plus the fee of each fee-paying model in
/// use. For a fixed set S of fee-paying models allowed, the front of the sum lies in
/// the Minkowski sum of the per-intent fronts, so intents are folded one by one and
/// each partial sum is filtered to its non-dominated points by a sort and a sweep.
/// Every subset S of the fee-paying models is solved with S's fees added; a
/// configuration that leaves a model of S unused is then dominated by itself under
/// the smaller subset, so the merged front carries exact costs.
///
/// Ties: one configuration per (cost, quality) point. Candidates are ordered by cost,
/// then quality (best first), then the lexicographically smallest cell indices in
/// intent order; the first is kept.
public enum ExactSolver {
    /// The exact front and figures about how it was found.
    public struct Result: Sendable {
        /// Front points, sorted by cost ascending (quality then strictly ascending).
        public var points: [ConfigurationEvaluation]
        /// Subsets of fee-paying models solved.
        public var subsetsSolved: Int
        /// The largest partial front met during the fold.
        public var largestPartialFront: Int
        /// Candidate sums examined.
        public var candidatesExamined: Int
        /// The quality tolerance ε of a capped front (0 when exact).
        public var qualityTolerance: Double = 0
    }

    private struct Option {
        var cost: Double
        var weighted: Double
        var cell: Int
        var change: Int32 = 0
    }

    private struct Partial {
        var cost: Double
        var weighted: Double
        var parent: Int32
        var cell: Int32
        var changes: Int32
    }

    /// Computes the exact front of `space`.
    ///
    /// - Parameter maxPoints: when given, caps the front with an ε-grid on quality: the
    ///   quality range R (an upper bound from the per-intent extremes) sets ε = 2R / maxPoints;
    ///   each of the L fold levels drops a partial that a cheaper kept one trails by less
    ///   than ε / (2L) in quality, and the result keeps points at least ε / 2 apart in
    ///   quality (so at most maxPoints + 1). Guarantee: for every exact front point (c, q)
    ///   the result holds a point of cost ≤ c and quality ≥ q − ε (``Result/qualityTolerance``).
    public static func solve(_ space: SearchSpace, maxPoints: Int? = nil) -> Result {
        let table = space.table
        let feeModels = space.feePayingModels
        var all: [(cost: Double, quality: Double, choice: [Int])] = []
        var largest = 0
        var examined = 0
        let subsetCount = 1 << feeModels.count
        var tolerance = 0.0
        if let maxPoints, maxPoints > 0 {
            var low = 0.0, high = 0.0
            for (i, list) in space.candidates.enumerated() {
                let qualities = list.map { table.cells[i][$0].quality * table.intents[i].qualityWeight }
                low += qualities.min() ?? 0
                high += qualities.max() ?? 0
            }
            // Half of ε goes to the fold, half to the final thinning (steps of ε/2 over R: ≤ maxPoints + 1 points).
            tolerance = 2 * (high - low) / table.totalWeight / Double(maxPoints)
        }
        for mask in 0..<subsetCount {
            var allowedFee = Set<Int>()
            var fees = 0.0
            for (bit, m) in feeModels.enumerated() where mask & (1 << bit) != 0 {
                allowedFee.insert(m)
            }
            for m in table.models.indices where allowedFee.contains(m) { fees += table.models[m].monthlyFixedUSD }
            let lists = space.candidates.enumerated().map { i, list in
                list.filter { c in
                    let m = table.cells[i][c].modelIndex
                    return table.models[m].monthlyFixedUSD == 0 || allowedFee.contains(m)
                }
            }
            if lists.contains(where: \.isEmpty) { continue }
            let solved = fold(table: table, lists: lists, fees: fees, constraints: space.constraints,
                              baseline: space.scope.maxChanges == nil ? nil : space.scope.baseline,
                              maxChanges: space.scope.maxChanges,
                              bucketWidth: tolerance / 2 * table.totalWeight / Double(max(1, table.intents.count)))
            largest = max(largest, solved.largest)
            examined += solved.examined
            all.append(contentsOf: solved.points)
        }
        // Merge subsets: re-evaluate exactly, then sweep.
        let evaluated = all.map { table.evaluate($0.choice, constraints: space.constraints) }
            .filter(space.accepts)
        var points = sweep(evaluated)
        if tolerance > 0 {
            var thinned: [ConfigurationEvaluation] = []
            for point in points where thinned.last.map({ point.quality > $0.quality + tolerance / 2 }) ?? true {
                thinned.append(point)
            }
            points = thinned
        }
        return Result(points: points, subsetsSolved: subsetCount, largestPartialFront: largest,
                      candidatesExamined: examined, qualityTolerance: tolerance)
    }

    /// Keeps the non-dominated evaluations, one per (cost, quality), sorted by cost.
    public static func sweep(_ evaluations: [ConfigurationEvaluation]) -> [ConfigurationEvaluation] {
        let ordered = evaluations.sorted { a, b in
            if a.monthlyCostUSD != b.monthlyCostUSD { return a.monthlyCostUSD < b.monthlyCostUSD }
            if a.quality != b.quality { return a.quality > b.quality }
            return a.choice.lexicographicallyPrecedes(b.choice)
        }
        var front: [ConfigurationEvaluation] = []
        for candidate in ordered where front.last.map({ candidate.quality > $0.quality }) ?? true {
            front.append(candidate)
        }
        return front
    }

    private static func fold(table: CellTable, lists: [[Int]], fees: Double, constraints: GlobalConstraints,
                             baseline: [Int]?, maxChanges: Int?, bucketWidth: Double)
        -> (points: [(cost: Double, quality: Double, choice: [Int])], largest: Int, examined: Int)
    {
        let intentCount = lists.count
        let totalWeight = table.totalWeight
        // Per-intent fronts of (cost, w·q) first: a dominated cell is never needed.
        var cellFronts: [[Option]] = []
        for (i, list) in lists.enumerated() {
            let weight = table.intents[i].qualityWeight
            var items: [Option] = []
            for c in list {
                let cell = table.cells[i][c]
                items.append(Option(cost: cell.monthlyCostUSD, weighted: weight * cell.quality, cell: c))
            }
            items.sort { a, b in
                if a.cost != b.cost { return a.cost < b.cost }
                if a.weighted != b.weighted { return a.weighted > b.weighted }
                return a.cell < b.cell
            }
            var front: [Option] = []
            if let baseline {
                // Under a change budget the baseline cell is kept even when dominated:
                // keeping it spends no change. Changed cells it dominates are dropped.
                let kept = items.first { $0.cell == baseline[i] }
                for var item in items where item.cell != baseline[i] && front.last.map({ item.weighted > $0.weighted }) ?? true {
                    item.change = 1
                    if let kept, kept.cost <= item.cost, kept.weighted >= item.weighted { continue }
                    front.append(item)
                }
                if let kept { front.insert(kept, at: 0) }
            } else {
                for item in items where front.last.map({ item.weighted > $0.weighted }) ?? true { front.append(item) }
            }
            cellFronts.append(front)
        }
        // Bounds for pruning by the global constraints.
        var minRemainingCost = [Double](repeating: 0, count: intentCount + 1)
        var maxRemainingWeighted = [Double](repeating: 0, count: intentCount + 1)
        for i in stride(from: intentCount - 1, through: 0, by: -1) {
            minRemainingCost[i] = minRemainingCost[i + 1] + (cellFronts[i].first?.cost ?? 0)
            maxRemainingWeighted[i] = maxRemainingWeighted[i + 1] + (cellFronts[i].last?.weighted ?? 0)
        }
        var levels: [[Partial]] = []
        var current = [Partial(cost: 0, weighted: 0, parent: -1, cell: -1, changes: 0)]
        let budget = Int32(maxChanges ?? Int(Int32.max))
        let buckets = maxChanges.map { $0 + 1 } ?? 1
        var largest = 1
        var examined = 0
        var candidates: [Partial] = []
        for i in 0..<intentCount {
            candidates.removeAll(keepingCapacity: true)
            candidates.reserveCapacity(current.count * cellFronts[i].count)
            for (p, partial) in current.enumerated() {
                for option in cellFronts[i] {
                    let changes = partial.changes + option.change
                    if changes > budget { continue }
                    let cost = partial.cost + option.cost
                    let weighted = partial.weighted + option.weighted
                    if let cap = constraints.maxMonthlyCostUSD, cost + minRemainingCost[i + 1] + fees > cap { continue }
                    if let floor = constraints.minQuality, (weighted + maxRemainingWeighted[i + 1]) / totalWeight < floor { continue }
                    candidates.append(Partial(cost: cost, weighted: weighted, parent: Int32(p), cell: Int32(option.cell), changes: changes))
                }
            }
            examined += candidates.count
            candidates.sort { a, b in
                if a.cost != b.cost { return a.cost < b.cost }
                if a.weighted != b.weighted { return a.weighted > b.weighted }
                if a.changes != b.changes { return a.changes < b.changes }
                if a.parent != b.parent { return a.parent < b.parent }
                return a.cell < b.cell
            }
            // Sweep: keep a candidate unless a cheaper one with no more changes is as good.
            // best[k] is the best weighted quality kept so far among partials with ≤ k changes.
            var next: [Partial] = []
            var best = [Double](repeating: -.infinity, count: buckets)
            for candidate in candidates {
                let k = maxChanges == nil ? 0 : Int(candidate.changes)
                // With a cap, a candidate must also clear its predecessor by a bucket width.
                guard candidate.weighted > best[k] + bucketWidth else { continue }
                next.append(candidate)
                for j in k..<buckets where best[j] < candidate.weighted { best[j] = candidate.weighted }
            }
            levels.append(next)
            current = next
            largest = max(largest, next.count)
        }
        var points: [(cost: Double, quality: Double, choice: [Int])] = []
        points.reserveCapacity(current.count)
        for (index, partial) in current.enumerated() {
            var choice = [Int](repeating: 0, count: intentCount)
            var level = intentCount - 1
            var cursor = index
            while level >= 0 {
                let node = levels[level][cursor]
                choice[level] = Int(node.cell)
                cursor = Int(node.parent)
                level -= 1
            }
            points.append((partial.cost + fees, partial.weighted / totalWeight, choice))
        }
        return (points, largest, examined)
    }
}
