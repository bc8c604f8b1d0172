/// Elitist (μ + λ) survival of NSGA-II under constrained domination.
///
/// Feasible individuals come first, front by front in non-domination rank; the front that does
/// not fit whole is cut by descending crowding distance (ties: lower pool index). Only when the
/// feasible ones run out do infeasible individuals survive, by ascending violation (ties: lower
/// pool index) — so an infeasible individual never survives over a feasible one.
struct Survival {
    /// Pool indices of the survivors, ascending.
    var survivors: [Int]
    /// Rank of each survivor among the feasible (`Int.max` if infeasible).
    var ranks: [Int]
    /// Crowding distance of each survivor within its whole front (`0` if infeasible), as
    /// computed before the last front was cut (Deb et al. 2002).
    var crowding: [Double]

    /// Selects `target` individuals of a pool given its objectives (row by row) and violations.
    init(objectives: [Double], objectiveCount: Int, violations: [Double], target: Int) {
        let feasible = violations.indices.filter { violations[$0] == 0 }
        var chosen: [(index: Int, rank: Int, crowding: Double)] = []
        chosen.reserveCapacity(min(target, violations.count))
        objectives.withUnsafeBufferPointer { values in
            let ranks = objectiveCount == 2
                ? nonDominatedRanks2D(values: values, rows: feasible)
                : nonDominatedRanks(values: values, columns: objectiveCount, rows: feasible)
            var fronts: [[Int]] = []
            for (position, index) in feasible.enumerated() {
                let rank = ranks[position]
                while fronts.count <= rank { fronts.append([]) }
                fronts[rank].append(index)
            }
            for (rank, front) in fronts.enumerated() {
                let remaining = target - chosen.count
                if remaining <= 0 { break }
                let distances = crowdingDistances(values: values, columns: objectiveCount, rows: front)
                if front.count <= remaining {
                    for (position, index) in front.enumerated() {
                        chosen.append((index, rank, distances[position]))
                    }
                } else {
                    var order = Array(front.indices)
                    order.sort { distances[$0] != distances[$1] ? distances[$0] > distances[$1] : $0 < $1 }
                    for position in order.prefix(remaining) {
                        chosen.append((front[position], rank, distances[position]))
                    }
                }
            }
        }
        let remaining = target - chosen.count
        if remaining > 0 {
            var infeasible = violations.indices.filter { violations[$0] != 0 }
            infeasible.sort { violations[$0] != violations[$1] ? violations[$0] < violations[$1] : $0 < $1 }
            for index in infeasible.prefix(remaining) {
                chosen.append((index, Int.max, 0))
            }
        }
        chosen.sort { $0.index < $1.index }
        survivors = chosen.map(\.index)
        ranks = chosen.map(\.rank)
        crowding = chosen.map(\.crowding)
    }
}
