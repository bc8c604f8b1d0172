/// A set of fee-paying models allowed together, and the cheapest configuration that uses
/// only them and fee-free models.
///
/// A model's fee is paid once, whatever number of intents use it, so the front is the union
/// of one front per such set (the exact solver folds each). A search seeded only from
/// per-intent choices starts where every intent's cheapest cell lies — on a zero-price,
/// big-fee model, say — and can drop that fee only by moving every intent off the model at
/// once; seeding each set's cheapest configuration starts it on every part of the front.
public struct FeeSubset: Sendable, Hashable {
    /// The fee-paying models allowed, as model indices in model order.
    public var models: [Int]
    /// Per intent, the option (gene value of ``RoutingProblem``) of the cheapest cell among the
    /// allowed models.
    public var cheapestGenes: [Int]
    /// The monthly cost of ``cheapestGenes`` with every allowed model's fee paid, as the exact
    /// solver charges the subset: the cheapest cost of the subset's own front.
    public var cheapestCostUSD: Double
}

extension RoutingProblem {
    /// Fee-paying models that some option uses, in model order.
    public var feeModels: [Int] {
        var used = [Bool](repeating: false, count: fees.count)
        for list in models { for m in list { used[m] = true } }
        return fees.indices.filter { used[$0] && fees[$0] > 0 }
    }

    /// Every subset of ``feeModels`` under which each intent keeps an option, ordered by the
    /// cost of its cheapest configuration (ties: fewer models, then the lower bit mask).
    ///
    /// The first one's configuration is the cheapest configuration of the whole space (a
    /// configuration of fee set U costs at least U's ``FeeSubset/cheapestCostUSD``, and the
    /// first subset's configuration uses each of its models, or a smaller subset would come first).
    /// - Complexity: O(2^F × intents × F) for F fee-paying models (at most 12), after one pass
    ///   over the options.
    public var feeSubsets: [FeeSubset] {
        let feeModels = self.feeModels
        let intents = costs.count
        // Per intent, the cheapest fee-free option and the cheapest option of each fee model.
        var freeCheapest = [Int?](repeating: nil, count: intents)
        var feeCheapest = [[Int?]](repeating: [Int?](repeating: nil, count: feeModels.count), count: intents)
        for i in 0..<intents {
            for g in costs[i].indices {
                let m = models[i][g]
                if fees[m] == 0 {
                    if freeCheapest[i].map({ costs[i][g] < costs[i][$0] }) ?? true { freeCheapest[i] = g }
                } else if let b = feeModels.firstIndex(of: m) {
                    if feeCheapest[i][b].map({ costs[i][g] < costs[i][$0] }) ?? true { feeCheapest[i][b] = g }
                }
            }
        }
        var subsets: [(subset: FeeSubset, mask: Int)] = []
        masks: for mask in 0..<(1 << feeModels.count) {
            var genes: [Int] = []
            genes.reserveCapacity(intents)
            var cost = 0.0
            for i in 0..<intents {
                var best = freeCheapest[i]
                for b in feeModels.indices where mask & (1 << b) != 0 {
                    if let g = feeCheapest[i][b], best.map({ costs[i][g] < costs[i][$0] }) ?? true { best = g }
                }
                guard let g = best else { continue masks }
                genes.append(g)
                cost += costs[i][g]
            }
            for b in feeModels.indices where mask & (1 << b) != 0 { cost += fees[feeModels[b]] }
            let allowed = feeModels.indices.filter { mask & (1 << $0) != 0 }.map { feeModels[$0] }
            subsets.append((FeeSubset(models: allowed, cheapestGenes: genes, cheapestCostUSD: cost), mask))
        }
        subsets.sort { a, b in
            if a.subset.cheapestCostUSD != b.subset.cheapestCostUSD { return a.subset.cheapestCostUSD < b.subset.cheapestCostUSD }
            if a.subset.models.count != b.subset.models.count { return a.subset.models.count < b.subset.models.count }
            return a.mask < b.mask
        }
        return subsets.map(\.subset)
    }

    /// Seeds for the first population, at most `budget` of them: the cheapest configuration of
    /// each fee subset (in the order of ``feeSubsets``, at most half the budget), then a greedy
    /// ladder (``ladderGenomes(count:allowed:)``) using only the models of each of the first
    /// `ladderSubsets` subsets, the rest of the budget shared equally among them.
    public func feeSubsetGenomes(budget: Int, ladderSubsets: Int) -> [[Int]] {
        let subsets = feeSubsets
        var seeds = subsets.prefix(max(1, budget / 2)).map(\.cheapestGenes)
        let laddered = subsets.prefix(max(1, ladderSubsets))
        let ladderCount = max(2, (budget - seeds.count) / max(laddered.count, 1))
        for subset in laddered where seeds.count < budget {
            let allowed = Set(subset.models)
            let ladder = ladderGenomes(count: ladderCount) { i, g in
                let m = models[i][g]
                return fees[m] == 0 || allowed.contains(m)
            }
            seeds += ladder.prefix(budget - seeds.count)
        }
        return seeds
    }
}
