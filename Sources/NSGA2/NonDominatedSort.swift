/// The non-domination rank of every point (0 = not dominated by any point, k + 1 = dominated
/// only by points of rank ≤ k), for any number of objectives, all minimized.
///
/// The result is that of Deb's fast non-dominated sort, computed with the efficient
/// non-dominated sort with binary search over fronts (ENS-BS, Zhang et al. 2015): points are
/// visited in lexicographic order, so a point can only be dominated by points already placed,
/// and memory stays O(N) instead of Deb's O(N²) domination lists. Identical points share a rank.
///
/// - Precondition: all points have the same length.
public func nonDominatedRanks(_ points: [[Double]]) -> [Int] {
    let rows = ObjectiveRows(points)
    return rows.values.withUnsafeBufferPointer {
        nonDominatedRanks(values: $0, columns: rows.columns, rows: Array(0..<points.count))
    }
}

/// ENS-BS over the table rows listed in `rows`; the result is aligned with `rows`.
func nonDominatedRanks(values: UnsafeBufferPointer<Double>, columns: Int, rows: [Int]) -> [Int] {
    let n = rows.count
    guard n > 0, let base = values.baseAddress else { return [Int](repeating: 0, count: n) }
    if columns == 0 { return [Int](repeating: 0, count: n) }
    var order = Array(0..<n)
    rows.withUnsafeBufferPointer { rowIDs in
        order.sort { a, b in
            let pa = base + rowIDs[a] * columns
            let pb = base + rowIDs[b] * columns
            if rowPrecedes(pa, pb, count: columns) { return true }
            if rowPrecedes(pb, pa, count: columns) { return false }
            return a < b
        }
    }
    var ranks = [Int](repeating: 0, count: n)
    // Each front holds pointers to its members' rows, in the order they joined.
    var fronts: [[UnsafePointer<Double>]] = []
    for position in order {
        let point = base + rows[position] * columns
        var low = 0
        var high = fronts.count
        while low < high {
            let middle = (low + high) / 2
            if frontDominates(fronts[middle], point, columns: columns) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        if low == fronts.count {
            fronts.append([point])
        } else {
            fronts[low].append(point)
        }
        ranks[position] = low
    }
    return ranks
}

/// Whether some member of `front` dominates `point`; the newest members are tried first,
/// being the closest in lexicographic order.
@inline(__always)
private func frontDominates(_ front: [UnsafePointer<Double>], _ point: UnsafePointer<Double>, columns: Int) -> Bool {
    var index = front.count - 1
    while index >= 0 {
        if dominates(front[index], point, count: columns) { return true }
        index -= 1
    }
    return false
}
