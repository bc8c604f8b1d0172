/// A set of fee-paying parts (models, routers) allowed together, and the cheapest configuration
/// that uses only them and fee-free parts.
///
/// A part's fee is paid once, whatever number of intents use it, so the front is the union
/// of one front per such set (the exact solver folds each). A search seeded only from
/// per-intent choices starts where every intent's cheapest cell lies — on a zero-price,
/// big-fee model, say — and can drop that fee only by moving every intent off the model at
/// once; seeding each set's cheapest configuration starts it on every part of the front.
public struct FeeSubset: Sendable, Hashable {
    /// The fee-paying parts allowed, as part indices (``CellTable/feeParts``) in part order.
    public var models: [Int]
    /// Per intent, the option (gene value of ``RoutingProblem``) of the cheapest cell among the
    /// allowed models.
    public var cheapestGenes: [Int]
    /// The monthly cost of ``cheapestGenes`` with every allowed model's fee paid, as the exact
    /// solver charges the subset: the cheapest cost of the subset's own front.
    public var cheapestCostUSD: Double
}

extension RoutingProblem {
    /// Fee-paying parts (models, routers) that some option uses, in part order.
    public var feeModels: [Int] {
        var used = [Bool](repeating: false, count: fees.count)
        for list in parts { for option in list { for p in option { used[p] = true } } }
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
        // Per intent, the cheapest option of each set of fee parts it needs (as a mask over
        // feeModels; 0 = fee-free). A cell needs one part; a route up to three.
        var cheapestByNeed = [[Int: Int]](repeating: [:], count: intents)
        for i in 0..<intents {
            for g in costs[i].indices {
                var need = 0
                for p in parts[i][g] where fees[p] > 0 {
                    if let b = feeModels.firstIndex(of: p) { need |= 1 << b }
                }
                if cheapestByNeed[i][need].map({ costs[i][g] < costs[i][$0] || (costs[i][g] == costs[i][$0] && g < $0) }) ?? true {
                    cheapestByNeed[i][need] = g
                }
            }
        }
        // Needs in ascending mask order, so ties between equal costs resolve the same way in every process.
        let needs = cheapestByNeed.map { $0.keys.sorted() }
        var subsets: [(subset: FeeSubset, mask: Int)] = []
        masks: for mask in 0..<(1 << feeModels.count) {
            var genes: [Int] = []
            genes.reserveCapacity(intents)
            var cost = 0.0
            for i in 0..<intents {
                var best: Int?
                for need in needs[i] where need & ~mask == 0 {
                    if let g = cheapestByNeed[i][need], best.map({ costs[i][g] < costs[i][$0] }) ?? true { best = g }
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
                parts[i][g].allSatisfy { fees[$0] == 0 || allowed.contains($0) }
            }
            seeds += ladder.prefix(budget - seeds.count)
        }
        return seeds
    }
}
