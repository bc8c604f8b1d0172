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
    guard n > 0, let base = values.baseAddress else { return [Int](repeating: 0, count: n) }
    var order = Array(0..<n)
    rows.withUnsafeBufferPointer { rowIDs in
        order.sort { a, b in
            let pa = base + rowIDs[a] * 2
            let pb = base + rowIDs[b] * 2
            if pa[0] != pb[0] { return pa[0] < pb[0] }
            if pa[1] != pb[1] { return pa[1] < pb[1] }
            return a < b
        }
    }
    var ranks = [Int](repeating: 0, count: n)
    // The last member of each front: it has the front's smallest second objective.
    var lastFirst: [Double] = []
    var lastSecond: [Double] = []
    for position in order {
        let point = base + rows[position] * 2
        let first = point[0]
        let second = point[1]
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
