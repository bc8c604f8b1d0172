/// The Benjamini–Hochberg step-up procedure: many cells compared at once would otherwise flag
/// about one in twenty by chance.
///
/// Controls the expected share of false discoveries among the flagged cells at the chosen level.
public enum BenjaminiHochberg {
    /// The adjusted p-values (q-values), in the input's order: a cell is a discovery at level
    /// `q` when its adjusted p-value is at most `q`.
    ///
    /// - Complexity: O(m log m) for m p-values.
    public static func adjusted(_ pValues: [Double]) -> [Double] {
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { pValues[$0] != pValues[$1] ? pValues[$0] < pValues[$1] : $0 < $1 }
        var adjusted = [Double](repeating: 1, count: m)
        var running = 1.0
        for rank in stride(from: m, through: 1, by: -1) {
            let index = order[rank - 1]
            running = min(running, pValues[index] * Double(m) / Double(rank))
            adjusted[index] = min(1, running)
        }
        return adjusted
    }
}
