/// The non-domination ranks of two-objective points in O(N log N).
///
/// Points are sorted by the first objective (then the second, then index); a sweep keeps, for
/// each front, its last member, and binary-searches the first front whose last member does not
/// dominate the next point (Jensen 2003; Fortin, Grenier and Parizeau 2013). Identical points
/// share a rank. Gives the same ranks as ``nonDominatedRanks(_:)``.
///
/// - Precondition: every point has exactly two values.
public func nonDominatedRanks2D(_ points: [[Double]]) -> [Int] {
    let rows = ObjectiveRows(points)
    precondition(points.isEmpty || rows.columns == 2, "points must have exactly two objectives")
    return rows.values.withUnsafeBufferPointer {
        nonDominatedRanks2D(values: $0, rows: Array(0..<points.count))
    }
}

/// The non-domination ranks of two-objective points given as pairs, in O(N log N).
public func nonDominatedRanks2D(_ points: [(Double, Double)]) -> [Int] {
    var values: [Double] = []
    values.reserveCapacity(points.count * 2)
    for (first, second) in points {
        values.append(first)
        values.append(second)
    }
    return values.withUnsafeBufferPointer { nonDominatedRanks2D(values: $0, rows: Array(0..<points.count)) }
}

/// The two-objective sweep over the table rows listed in `rows`; aligned with `rows`.
func nonDominatedRanks2D(values: UnsafeBufferPointer<Double>, rows: [Int]) -> [Int] {
    let n = rows.count
    guard n > 0 else { return [] }
    // Sorting the values themselves (not indices into the table) keeps the sort and the sweep
    // on contiguous memory.
    var keys: [(first: Double, second: Double, position: Int)] = []
    keys.reserveCapacity(n)
    for (position, row) in rows.enumerated() {
        keys.append((values[2 * row], values[2 * row + 1], position))
    }
    keys.sort { a, b in
        if a.first != b.first { return a.first < b.first }
        if a.second != b.second { return a.second < b.second }
        return a.position < b.position
    }
    var ranks = [Int](repeating: 0, count: n)
    // The last member of each front: it has the front's smallest second objective.
    var lastFirst: [Double] = []
    var lastSecond: [Double] = []
    for (first, second, position) in keys {
        // Being dominated by front k implies being dominated by every front before it,
        // so the fronts that dominate the point form a prefix: binary search its end.
        var low = 0
        var high = lastSecond.count
        while low < high {
            let middle = (low + high) / 2
            let dominated = lastSecond[middle] < second
                || (lastSecond[middle] == second && lastFirst[middle] < first)
            if dominated { low = middle + 1 } else { high = middle }
        }
        if low == lastSecond.count {
            lastFirst.append(first)
            lastSecond.append(second)
        } else {
            lastFirst[low] = first
            lastSecond[low] = second
        }
        ranks[position] = low
    }
    return ranks
}
