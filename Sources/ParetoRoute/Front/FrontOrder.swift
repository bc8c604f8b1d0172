/// The tool's one order of (cost, quality) points: cost ascending, then quality
/// descending, then index ascending.
///
/// Picking, checking, the knee and the front's own sorting must agree on ties, or two
/// commands could name different points for the same question; every such choice goes
/// through the three functions here.
public enum FrontOrder {
    /// True when point `a` (at index `i`) comes before point `b` (at index `j`).
    @inlinable
    public static func precedes(_ a: (cost: Double, quality: Double), _ i: Int,
                                _ b: (cost: Double, quality: Double), _ j: Int) -> Bool {
        if a.cost != b.cost { return a.cost < b.cost }
        if a.quality != b.quality { return a.quality > b.quality }
        return i < j
    }

    /// The first of `indices` in the order: the cheapest, ties to the better, then the earlier.
    ///
    /// - Complexity: O(n).
    public static func cheapest<Indices: Sequence<Int>>(_ indices: Indices,
                                                         _ point: (Int) -> (cost: Double, quality: Double)) -> Int? {
        var best: Int?
        var bestPoint = (cost: 0.0, quality: 0.0)
        for i in indices {
            let p = point(i)
            if let b = best, !precedes(p, i, bestPoint, b) { continue }
            best = i
            bestPoint = p
        }
        return best
    }

    /// The best-quality of `indices`, ties broken by the order (the cheaper, then the earlier).
    ///
    /// - Complexity: O(n).
    public static func bestQuality<Indices: Sequence<Int>>(_ indices: Indices,
                                                            _ point: (Int) -> (cost: Double, quality: Double)) -> Int? {
        var best: Int?
        var bestPoint = (cost: 0.0, quality: 0.0)
        for i in indices {
            let p = point(i)
            if let b = best, p.quality < bestPoint.quality || (p.quality == bestPoint.quality && !precedes(p, i, bestPoint, b)) {
                continue
            }
            best = i
            bestPoint = p
        }
        return best
    }
}
