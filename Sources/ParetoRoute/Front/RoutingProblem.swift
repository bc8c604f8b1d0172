import NSGA2

/// The routing search as an NSGA-II problem: one gene per intent, objectives
/// (monthly cost, −weighted quality), global constraints as violation.
///
/// Gene `i` indexes ``options``[i]: the intent's candidate cells minus those that a
/// cheaper-and-better cell of the same model or of a fee-free model dominates, since
/// swapping to that cell never raises cost nor lowers quality. Evaluation adds costs
/// in intent order and fees in model order, exactly as ``CellTable/objectives(of:)``.
public struct RoutingProblem: MultiObjectiveProblem {
    /// The space searched.
    public let space: SearchSpace
    /// Per intent, the cell indices a gene can take.
    public let options: [[Int]]
    let costs: [[Double]]
    let weighted: [[Double]]
    let models: [[Int]]
    let fees: [Double]
    private let totalWeight: Double

    /// Builds the problem over `space`.
    public init(space: SearchSpace) {
        self.space = space
        let table = space.table
        var options: [[Int]] = []
        for (i, list) in space.candidates.enumerated() {
            let baselineCell = space.scope.maxChanges == nil ? nil : space.scope.baseline?[i]
            let kept = list.filter { a in
                // Under a change budget the baseline cell stays: keeping it spends no change.
                if a == baselineCell { return true }
                let cellA = table.cells[i][a]
                return !list.contains { b in
                    guard b != a else { return false }
                    let cellB = table.cells[i][b]
                    guard cellB.modelIndex == cellA.modelIndex || table.models[cellB.modelIndex].monthlyFixedUSD == 0 else { return false }
                    let noWorse = cellB.monthlyCostUSD <= cellA.monthlyCostUSD && cellB.quality >= cellA.quality
                    let better = cellB.monthlyCostUSD < cellA.monthlyCostUSD || cellB.quality > cellA.quality
                    // Identical figures: keep only the lower index.
                    return noWorse && (better || b < a)
                }
            }
            options.append(kept)
        }
        self.options = options
        costs = options.enumerated().map { i, list in list.map { table.cells[i][$0].monthlyCostUSD } }
        weighted = options.enumerated().map { i, list in list.map { table.intents[i].qualityWeight * table.cells[i][$0].quality } }
        models = options.enumerated().map { i, list in list.map { table.cells[i][$0].modelIndex } }
        fees = table.models.map(\.monthlyFixedUSD)
        totalWeight = table.totalWeight
        maxChanges = space.scope.maxChanges
        let baseline = space.scope.baseline
        changed = options.enumerated().map { i, list in list.map { c in baseline.map { $0[i] != c } ?? false } }
    }

    private let maxChanges: Int?
    private let changed: [[Bool]]

    /// One gene per intent, with as many values as the intent has options.
    public var geneCardinalities: [Int] { options.map(\.count) }

    /// Cost (minimized) and negated quality.
    public var objectiveCount: Int { 2 }

    /// Objectives and the global-constraint violation (relative excess over the cap or floor).
    public func evaluate(genes: UnsafeBufferPointer<Int>, objectives: UnsafeMutableBufferPointer<Double>) -> Double {
        var cost = 0.0
        var sum = 0.0
        var used: UInt64 = 0
        var usedOverflow: [Bool]?
        for i in 0..<genes.count {
            let g = genes[i]
            cost += costs[i][g]
            sum += weighted[i][g]
            let m = models[i][g]
            if m < 64 {
                used |= 1 << UInt64(m)
            } else {
                if usedOverflow == nil { usedOverflow = [Bool](repeating: false, count: fees.count) }
                usedOverflow?[m] = true
            }
        }
        var changes = 0
        if maxChanges != nil {
            for i in 0..<genes.count where changed[i][genes[i]] { changes += 1 }
        }
        var feeSum = 0.0
        for m in fees.indices {
            let isUsed = m < 64 ? used & (1 << UInt64(m)) != 0 : (usedOverflow?[m] ?? false)
            if isUsed { feeSum += fees[m] }
        }
        cost += feeSum
        let quality = sum / totalWeight
        objectives[0] = cost
        objectives[1] = -quality
        var violation = 0.0
        if let cap = space.constraints.maxMonthlyCostUSD, cost > cap { violation += (cost - cap) / max(cap, 1) }
        if let floor = space.constraints.minQuality, quality < floor { violation += floor - quality }
        if let maxChanges, changes > maxChanges { violation += Double(changes - maxChanges) }
        return violation
    }

    /// The table's cell choice of a genome.
    public func choice(of genes: [Int]) -> [Int] {
        genes.enumerated().map { options[$0.offset][$0.element] }
    }

    /// The genome of a cell choice, or `nil` when a cell is not a candidate any more.
    ///
    /// A candidate cell pruned as dominated maps to the cheapest option that dominates
    /// it, so a warm start never loses ground.
    public func genes(of choice: [Int]) -> [Int]? {
        guard choice.count == options.count else { return nil }
        var genes: [Int] = []
        let table = space.table
        for (i, c) in choice.enumerated() {
            if let g = options[i].firstIndex(of: c) {
                genes.append(g)
                continue
            }
            guard space.candidates[i].contains(c) else { return nil }
            let cell = table.cells[i][c]
            let dominating = options[i].indices.filter { g in
                let other = table.cells[i][options[i][g]]
                return (other.modelIndex == cell.modelIndex || table.models[other.modelIndex].monthlyFixedUSD == 0)
                    && other.monthlyCostUSD <= cell.monthlyCostUSD && other.quality >= cell.quality
            }
            guard let g = dominating.min(by: { (costs[i][$0], $0) < (costs[i][$1], $1) }) else { return nil }
            genes.append(g)
        }
        return genes
    }

    /// Genomes along the greedy upgrade ladder, `count` of them spread evenly.
    ///
    /// Start with every intent at its cheapest option; repeatedly move the intent whose
    /// next step on its own convex cost–quality hull buys the most quality per dollar.
    /// The path traces the convex part of the front (the multiple-choice knapsack's LP
    /// relaxation), so seeding it spares the search most of its early generations.
    /// With `allowed`, only the options it accepts take part (an intent with none keeps
    /// its option 0, which only happens when the caller passed an impossible restriction).
    public func ladderGenomes(count: Int, allowed: ((_ intent: Int, _ option: Int) -> Bool)? = nil) -> [[Int]] {
        guard count > 0 else { return [] }
        // Per intent, the upper convex hull of (cost, weighted quality), by ascending cost.
        let hulls: [[Int]] = costs.indices.map { i in
            let order = costs[i].indices.filter { allowed?(i, $0) ?? true }.sorted { a, b in
                costs[i][a] != costs[i][b] ? costs[i][a] < costs[i][b] : (weighted[i][a] != weighted[i][b] ? weighted[i][a] > weighted[i][b] : a < b)
            }
            var hull: [Int] = []
            for g in order {
                if let last = hull.last, weighted[i][g] <= weighted[i][last] { continue }
                while hull.count >= 2 {
                    let a = hull[hull.count - 2], b = hull[hull.count - 1]
                    // Drop b when it lies on or below the segment a → g.
                    let cross = (costs[i][b] - costs[i][a]) * (weighted[i][g] - weighted[i][a])
                        - (weighted[i][b] - weighted[i][a]) * (costs[i][g] - costs[i][a])
                    if cross >= 0 { hull.removeLast() } else { break }
                }
                hull.append(g)
            }
            return hull
        }
        var position = [Int](repeating: 0, count: hulls.count)
        var genome = hulls.map { $0.first ?? 0 }
        var path = [genome]
        while true {
            var bestIntent = -1
            var bestRatio = -Double.infinity
            for i in hulls.indices where position[i] + 1 < hulls[i].count {
                let from = hulls[i][position[i]], to = hulls[i][position[i] + 1]
                let dc = costs[i][to] - costs[i][from]
                let ratio = dc > 0 ? (weighted[i][to] - weighted[i][from]) / dc : .infinity
                if ratio > bestRatio {
                    bestRatio = ratio
                    bestIntent = i
                }
            }
            guard bestIntent >= 0 else { break }
            position[bestIntent] += 1
            genome[bestIntent] = hulls[bestIntent][position[bestIntent]]
            path.append(genome)
        }
        if path.count <= count { return path }
        return (0..<count).map { k in path[Int((Double(k) * Double(path.count - 1) / Double(max(count - 1, 1))).rounded())] }
    }

    /// Extreme genomes worth seeding: every intent at its cheapest option, and at its best.
    public var extremeGenomes: [[Int]] {
        let cheapest = costs.map { list in list.indices.min { (list[$0], $0) < (list[$1], $1) } ?? 0 }
        let best = weighted.map { list in list.indices.max { (list[$0], -$0) < (list[$1], -$1) } ?? 0 }
        return [cheapest, best]
    }
}
