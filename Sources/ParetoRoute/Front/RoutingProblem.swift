import NSGA2

/// The routing search as an NSGA-II problem: one gene per intent, objectives
/// (monthly cost, −weighted quality), global constraints as violation.
///
/// Gene `i` indexes ``options``[i]: the intent's candidate options (cells and routes) minus
/// those that a cheaper-and-better option dominates whose fee-paying parts (models, router)
/// the dominated one also pays or that are fee-free, since swapping to it never raises cost
/// nor lowers quality. Evaluation adds costs in intent order and fees in part order, exactly
/// as ``CellTable/objectives(of:)``.
public struct RoutingProblem: MultiObjectiveProblem {
    /// The space searched.
    public let space: SearchSpace
    /// Per intent, the option indices (cells, then routes) a gene can take.
    public let options: [[Int]]
    let costs: [[Double]]
    let weighted: [[Double]]
    /// Per intent and gene value, the fee-paying parts the option uses (models, then routers).
    let parts: [[[Int]]]
    /// The same as a bit mask when every part index is below 64 (else unused).
    let partMasks: [[UInt64]]
    let fees: [Double]
    private let totalWeight: Double

    /// Builds the problem over `space`.
    public init(space: SearchSpace) {
        self.space = space
        let table = space.table
        let fees = table.feeParts
        var options: [[Int]] = []
        for (i, list) in space.candidates.enumerated() {
            let baselineCell = space.scope.maxChanges == nil ? nil : space.scope.baseline?[i]
            let figures = list.map { table.option(intent: i, index: $0) }
            let kept = list.indices.map { x in
                // Under a change budget the baseline cell stays: keeping it spends no change.
                list[x] == baselineCell
                    || !list.indices.contains { y in RoutingProblem.dominates(figures[y], list[y], figures[x], list[x], fees: fees) }
            }
            options.append(list.indices.filter { kept[$0] }.map { list[$0] })
        }
        self.options = options
        costs = options.enumerated().map { i, list in list.map { table.optionCost(i, $0) } }
        weighted = options.enumerated().map { i, list in list.map { table.intents[i].qualityWeight * table.optionQuality(i, $0) } }
        parts = options.enumerated().map { i, list in list.map { table.option(intent: i, index: $0).feeParts } }
        partMasks = parts.map { list in list.map { $0.reduce(UInt64(0)) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 } } }
        self.fees = fees
        totalWeight = table.totalWeight
        maxChanges = space.scope.maxChanges
        let baseline = space.scope.baseline
        changed = options.enumerated().map { i, list in list.map { c in baseline.map { $0[i] != c } ?? false } }
    }

    private let maxChanges: Int?
    private let changed: [[Bool]]

    /// Whether option `b` (index `bIndex`) makes option `a` (index `aIndex`) of the same intent
    /// useless: no dearer, no worse, and every fee-paying part it uses is fee-free or paid by `a`
    /// already. Identical figures: only the lower index stays.
    static func dominates(_ b: OptionFigures, _ bIndex: Int, _ a: OptionFigures, _ aIndex: Int, fees: [Double]) -> Bool {
        guard bIndex != aIndex else { return false }
        guard b.feeParts.allSatisfy({ fees[$0] == 0 || a.feeParts.contains($0) }) else { return false }
        let noWorse = b.monthlyCostUSD <= a.monthlyCostUSD && b.quality >= a.quality
        let better = b.monthlyCostUSD < a.monthlyCostUSD || b.quality > a.quality
        return noWorse && (better || bIndex < aIndex)
    }

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
            used |= partMasks[i][g]
            if fees.count > 64 {
                for p in parts[i][g] where p >= 64 {
                    if usedOverflow == nil { usedOverflow = [Bool](repeating: false, count: fees.count) }
                    usedOverflow?[p] = true
                }
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

    /// The table's option choice of a genome.
    public func choice(of genes: [Int]) -> [Int] {
        genes.enumerated().map { options[$0.offset][$0.element] }
    }

    /// The genome of an option choice, or `nil` when an option is not a candidate any more.
    ///
    /// A candidate option pruned as dominated maps to the cheapest option that dominates
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
            let option = table.option(intent: i, index: c)
            let dominating = options[i].indices.filter { g in
                let other = table.option(intent: i, index: options[i][g])
                return other.feeParts.allSatisfy { fees[$0] == 0 || option.feeParts.contains($0) }
                    && other.monthlyCostUSD <= option.monthlyCostUSD && other.quality >= option.quality
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
