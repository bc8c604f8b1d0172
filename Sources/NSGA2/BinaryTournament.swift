/// Parent selection: two distinct individuals drawn uniformly, the better under constrained
/// domination wins.
///
/// A feasible individual beats an infeasible one; of two infeasible, the smaller violation
/// wins; of two feasible, the lower rank, then the larger crowding distance. A full tie keeps
/// the first one drawn.
struct BinaryTournament {
    /// Returns the index of the winner of one tournament in `population`.
    ///
    /// - Precondition: the population is not empty.
    static func select(from population: Population, using generator: inout Xoshiro256StarStar) -> Int {
        let n = population.count
        let first = generator.nextInt(below: n)
        if n == 1 { return first }
        var second = generator.nextInt(below: n - 1)
        if second >= first { second += 1 }
        return winner(first, second, in: population)
    }

    /// The better of `a` and `b`; `a` on a full tie.
    static func winner(_ a: Int, _ b: Int, in population: Population) -> Int {
        let violationA = population.violations[a]
        let violationB = population.violations[b]
        if violationA != violationB {
            if violationA == 0 { return a }
            if violationB == 0 { return b }
            return violationB < violationA ? b : a
        }
        if violationA != 0 { return a }
        let rankA = population.ranks[a]
        let rankB = population.ranks[b]
        if rankA != rankB { return rankB < rankA ? b : a }
        return population.crowding[b] > population.crowding[a] ? b : a
    }
}
