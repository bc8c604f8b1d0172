/// The exact Pareto front of (monthly cost, weighted quality) by dynamic programming.
///
/// Both objectives are sums over intents, plus the fee of each fee-paying model in
/// use. For a fixed set S of fee-paying models allowed, the front of the sum lies in
/// the Minkowski sum of the per-intent fronts, so intents are folded one by one and
/// each partial sum is filtered to its non-dominated points by a sweep over a k-way
/// merge of the shifted partial fronts (sorted by cost), which skips every sum no
/// better than the best kept so far: the work follows the front, not the product.
/// The subsets below fold in parallel.
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
        public var points: [ConfigurationScore]
        /// Subsets of fee-paying models solved.
        public var subsetsSolved: Int
        /// The largest partial front met during the fold.
        public var largestPartialFront: Int
        /// Candidate sums the merge examined (those skipped as no better than a kept one are not counted).
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
    ///   each of the L fold levels drops a partial that a cheaper kept one (clear of any
    ///   quality floor) trails by less than ε / (2L) in quality, and the result keeps points at least ε / 2 apart in
    ///   quality (so at most maxPoints + 1). Guarantee: for every exact front point (c, q)
    ///   the result holds a point of cost ≤ c and quality ≥ q − ε (``Result/qualityTolerance``).
    public static func solve(_ space: SearchSpace, maxPoints: Int? = nil) -> Result {
        let table = space.table
        let feeModels = space.feePayingModels
        var folds: [Fold] = []
        var largest = 0
        var examined = 0
        let subsetCount = 1 << feeModels.count
        var tolerance = 0.0
        if let maxPoints, maxPoints > 0 {
            var low = 0.0, high = 0.0
            for (i, list) in space.candidates.enumerated() {
                let qualities = list.map { table.optionQuality(i, $0) * table.intents[i].qualityWeight }
                low += qualities.min() ?? 0
                high += qualities.max() ?? 0
            }
            // Half of ε goes to the fold, half to the final thinning (steps of ε/2 over R: ≤ maxPoints + 1 points).
            tolerance = 2 * (high - low) / table.totalWeight / Double(maxPoints)
        }
        // The subsets fold independently, in parallel; each lands in its own slot, and the
        // merge below reads them in mask order, so the result does not depend on scheduling.
        let bucketWidth = tolerance / 2 * table.totalWeight / Double(max(1, table.intents.count))
        let slots = parallelMap(count: subsetCount) { mask in
            foldSubset(mask, space: space, feeModels: feeModels, bucketWidth: bucketWidth)
        }
        for solved in slots.compactMap({ $0 }) {
            largest = max(largest, solved.largest)
            examined += solved.examined
            folds.append(solved)
        }
        // Merge the subsets on the fold's own sums (bit-identical to the evaluator's for every
        // configuration that uses all its subset's fee models; the others lose to their twin
        // in the smaller subset), then evaluate only the survivors.
        let constraints = space.constraints
        var admissible: [(cost: Double, quality: Double, fold: Int, index: Int)] = []
        for (f, fold) in folds.enumerated() {
            for index in fold.costs.indices {
                let cost = fold.costs[index], quality = fold.qualities[index]
                if let cap = constraints.maxMonthlyCostUSD, cost > cap { continue }
                if let floor = constraints.minQuality, quality < floor { continue }
                admissible.append((cost, quality, f, index))
            }
        }
        // Equal sums (rare): the lexicographically smallest cell indices first, as in the fold.
        admissible.sort { x, y in
            if x.cost != y.cost { return x.cost < y.cost }
            if x.quality != y.quality { return x.quality > y.quality }
            return folds[x.fold].choice(at: x.index).lexicographicallyPrecedes(folds[y.fold].choice(at: y.index))
        }
        var survivors: [[Int]] = []
        var bestQuality = -Double.infinity
        for point in admissible where point.quality > bestQuality {
            bestQuality = point.quality
            survivors.append(folds[point.fold].choice(at: point.index))
        }
        // Scored in parallel chunks; every score lands at its own index.
        let chosen = survivors
        let scored = parallelMap(count: chosen.count, chunk: 4_096) { table.score(chosen[$0], constraints: constraints) }
            .filter(space.accepts)
        var points = sweep(scored)
        if tolerance > 0 {
            var thinned: [ConfigurationScore] = []
            for point in points where thinned.last.map({ point.quality > $0.quality + tolerance / 2 }) ?? true {
                thinned.append(point)
            }
            points = thinned
        }
        return Result(points: points, subsetsSolved: subsetCount, largestPartialFront: largest,
                      candidatesExamined: examined, qualityTolerance: tolerance)
    }

    /// Folds the subset `mask` of the fee-paying parts (bit b set: part feeModels[b] — a model
    /// or a router — may be used and its fee is paid); nil when some intent has no option left.
    private static func foldSubset(_ mask: Int, space: SearchSpace, feeModels: [Int], bucketWidth: Double) -> Fold? {
        let table = space.table
        let partFees = table.feeParts
        var allowedFee = Set<Int>()
        var fees = 0.0
        for (bit, m) in feeModels.enumerated() where mask & (1 << bit) != 0 {
            allowedFee.insert(m)
        }
        for p in partFees.indices where allowedFee.contains(p) { fees += partFees[p] }
        let lists = space.candidates.enumerated().map { i, list in
            list.filter { c in
                var allowed = true
                table.forEachFeePart(i, c) { p in if partFees[p] != 0, !allowedFee.contains(p) { allowed = false } }
                return allowed
            }
        }
        if lists.contains(where: \.isEmpty) { return nil }
        return fold(table: table, lists: lists, fees: fees, constraints: space.constraints,
                    baseline: space.scope.maxChanges == nil ? nil : space.scope.baseline,
                    maxChanges: space.scope.maxChanges, bucketWidth: bucketWidth)
    }

    /// Keeps the non-dominated configurations, one per (cost, quality), sorted by cost
    /// (ties: the lexicographically smallest choice).
    public static func sweep(_ scores: [ConfigurationScore]) -> [ConfigurationScore] {
        let ordered = scores.sorted { a, b in
            if a.monthlyCostUSD != b.monthlyCostUSD || a.quality != b.quality {
                return FrontOrder.precedes(a.objectives, 0, b.objectives, 0)
            }
            return a.choice.lexicographicallyPrecedes(b.choice)
        }
        var front: [ConfigurationScore] = []
        for candidate in ordered where front.last.map({ candidate.quality > $0.quality }) ?? true {
            front.append(candidate)
        }
        return front
    }

    private static func fold(table: CellTable, lists: [[Int]], fees: Double, constraints: GlobalConstraints,
                             baseline: [Int]?, maxChanges: Int?, bucketWidth: Double)
        -> Fold
    {
        let intentCount = lists.count
        let totalWeight = table.totalWeight
        // Per-intent fronts of (cost, w·q) first: a dominated cell is never needed.
        var cellFronts: [[Option]] = []
        for (i, list) in lists.enumerated() {
            let weight = table.intents[i].qualityWeight
            var items: [Option] = []
            for c in list {
                items.append(Option(cost: table.optionCost(i, c), weighted: weight * table.optionQuality(i, c), cell: c))
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
            // Under a change budget the baseline cell leads the list whatever its figures,
            // so the extremes are taken over the whole list, not its ends.
            minRemainingCost[i] = minRemainingCost[i + 1] + (cellFronts[i].map(\.cost).min() ?? 0)
            maxRemainingWeighted[i] = maxRemainingWeighted[i + 1] + (cellFronts[i].map(\.weighted).max() ?? 0)
        }
        // Back-pointers of every level in one flat array (levelStarts[i] is level i's first):
        // a partial only needs (parent, cell) once its level is done; sums live one level at
        // a time, in two buffers reused across levels.
        var links: [Fold.Link] = []
        var levelStarts: [Int] = []
        var current = [Partial(cost: 0, weighted: 0, parent: -1, cell: -1, changes: 0)]
        var next: [Partial] = []
        let budget = Int32(maxChanges ?? Int(Int32.max))
        let buckets = maxChanges.map { $0 + 1 } ?? 1
        var largest = 1
        var examined = 0
        var heap = MergeHeap()
        // best[k]: the best weighted quality kept so far among partials with ≤ k changes.
        // safe[k]: the same among those that clear the quality floor's bound by the rounding
        // slack; only these may drop a rival within the ε bucket width, so a
        // partial let in by the slack (and later found below the floor) never costs a
        // feasible one its place. Without a floor the two are the same.
        var best = [Double](repeating: -.infinity, count: buckets)
        var safe = [Double](repeating: -.infinity, count: buckets)
        for i in 0..<intentCount {
            let options = cellFronts[i]
            // Prune only what is clearly out (a relative 1e-9 slack): rounding must never drop a
            // configuration that meets a constraint exactly; the final evaluation checks exactly.
            let costLimit = constraints.maxMonthlyCostUSD.map { ($0 - minRemainingCost[i + 1] - fees) + abs($0) * 1e-9 }
            // The floor's bound on this level's weighted sum, widened by the slack to let a
            // candidate in (weightedFloor) and narrowed by it to call a partial safe (strictFloor:
            // no rounding can leave it below the floor).
            let floorBound = constraints.minQuality.map { (bound: $0 * totalWeight - maxRemainingWeighted[i + 1], slack: abs($0 * totalWeight) * 1e-9) }
            let weightedFloor = floorBound.map { $0.bound - $0.slack }
            let strictFloor = floorBound.map { $0.bound + $0.slack }
            // A k-way merge of the sorted lists current + option: candidates arrive in the
            // order (cost, −weighted, changes, parent, cell) without materializing them all.
            // Without a change budget `current` rises in both cost and quality, so each list
            // skips (by galloping search) every candidate no better than the best kept so far:
            // the sweep would drop it anyway, and the work follows the front, not the product.
            let monotone = maxChanges == nil
            var position = [Int](repeating: 0, count: options.count)
            heap.removeAll()
            func passes(_ weighted: Double) -> Bool {
                weighted > best[0] && weighted > safe[0] + bucketWidth && (weightedFloor.map { weighted >= $0 } ?? true)
            }
            func push(_ j: Int) {
                let option = options[j]
                if monotone {
                    var low = position[j]
                    guard low < current.count else { return }
                    if !passes(current[low].weighted + option.weighted) {
                        // Gallop to a passing index, then bisect: (low, high] holds the first one.
                        var high = low + 1, step = 1
                        while high < current.count, !passes(current[high].weighted + option.weighted) {
                            low = high
                            step *= 2
                            high = low + step
                        }
                        high = min(high, current.count)
                        while high - low > 1 {
                            let middle = low + (high - low) / 2
                            if passes(current[middle].weighted + option.weighted) { high = middle } else { low = middle }
                        }
                        low = high
                    }
                    position[j] = low
                }
                while position[j] < current.count {
                    let p = position[j]
                    let partial = current[p]
                    let cost = partial.cost + option.cost
                    if let costLimit, cost > costLimit {
                        position[j] = current.count  // costs only grow along the list
                        return
                    }
                    let changes = partial.changes + option.change
                    let weighted = partial.weighted + option.weighted
                    if changes > budget || !passes(weighted) {
                        position[j] += 1
                        continue
                    }
                    heap.push(MergeHead(cost: cost, weighted: weighted, changes: changes, parent: Int32(p),
                                        cell: Int32(option.cell), list: Int32(j)))
                    return
                }
            }
            for k in best.indices {
                best[k] = -.infinity
                safe[k] = -.infinity
            }
            for j in options.indices { push(j) }
            next.removeAll(keepingCapacity: true)
            levelStarts.append(links.count)
            // Sweep: keep a candidate unless a cheaper one with no more changes is as good
            // (with --max-points: a safe one within a bucket width).
            while let head = heap.pop() {
                examined += 1
                let k = monotone ? 0 : Int(head.changes)
                if head.weighted > best[k], head.weighted > safe[k] + bucketWidth {
                    next.append(Partial(cost: head.cost, weighted: head.weighted, parent: head.parent, cell: head.cell, changes: head.changes))
                    links.append(Fold.Link(parent: head.parent, cell: head.cell))
                    for b in k..<buckets where best[b] < head.weighted { best[b] = head.weighted }
                    if strictFloor.map({ head.weighted >= $0 }) ?? true {
                        for b in k..<buckets where safe[b] < head.weighted { safe[b] = head.weighted }
                    }
                }
                let j = Int(head.list)
                position[j] += 1
                push(j)
            }
            swap(&current, &next)
            largest = max(largest, current.count)
        }
        return Fold(costs: current.map { $0.cost + fees }, qualities: current.map { $0.weighted / totalWeight },
                    links: links, levelStarts: levelStarts, largest: largest, examined: examined)
    }
}

/// The last level of one fold: its sums, and the back-pointers that rebuild a choice.
private struct Fold {
    /// A partial's parent in the previous level and the cell it adds.
    struct Link {
        var parent: Int32
        var cell: Int32
    }

    /// Total cost (fees included) of each final partial.
    var costs: [Double]
    /// Weighted quality of each final partial.
    var qualities: [Double]
    /// Back-pointers of every level, level after level.
    var links: [Link]
    /// Index in ``links`` of each level's first partial.
    var levelStarts: [Int]
    /// The largest partial front met.
    var largest: Int
    /// Candidate sums popped from the merge.
    var examined: Int

    /// The cell per intent of final partial `index`, following the back-pointers.
    func choice(at index: Int) -> [Int] {
        var choice = [Int](repeating: 0, count: levelStarts.count)
        var cursor = index
        for level in stride(from: levelStarts.count - 1, through: 0, by: -1) {
            let link = links[levelStarts[level] + cursor]
            choice[level] = Int(link.cell)
            cursor = Int(link.parent)
        }
        return choice
    }
}

/// One head of the k-way merge: the next candidate of list `list`.
private struct MergeHead {
    var cost: Double
    var weighted: Double
    var changes: Int32
    var parent: Int32
    var cell: Int32
    var list: Int32

    /// The fold's candidate order: cost, then quality (best first), fewer changes, earlier parent, lower cell.
    @inline(__always)
    func precedes(_ other: MergeHead) -> Bool {
        if cost != other.cost { return cost < other.cost }
        if weighted != other.weighted { return weighted > other.weighted }
        if changes != other.changes { return changes < other.changes }
        if parent != other.parent { return parent < other.parent }
        return cell < other.cell
    }
}

/// A binary min-heap of merge heads (the standard library has none).
private struct MergeHeap {
    private var items: [MergeHead] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ head: MergeHead) {
        items.append(head)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> MergeHead? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count, items[left].precedes(items[smallest]) { smallest = left }
                if right < items.count, items[right].precedes(items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
