/// The crowding distance of every point of one front (Deb et al. 2002), larger = lonelier.
///
/// Convention: for each objective, points are sorted by value (ties by index); the first and
/// last get infinity, every other point adds `(next − previous) / (max − min)`. The sum is
/// **not** divided by the number of objectives (pymoo divides; the order is the same).
/// An objective whose range is zero (or not finite) adds nothing and marks no boundary.
/// A front of one or two points is all boundary: every distance is infinite.
///
/// - Precondition: all points have the same length.
public func crowdingDistances(_ points: [[Double]]) -> [Double] {
    let rows = ObjectiveRows(points)
    return rows.values.withUnsafeBufferPointer {
        crowdingDistances(values: $0, columns: rows.columns, rows: Array(0..<points.count))
    }
}

/// Crowding distances of the table rows listed in `rows`, taken as one front; aligned with `rows`.
func crowdingDistances(values: UnsafeBufferPointer<Double>, columns: Int, rows: [Int]) -> [Double] {
    let n = rows.count
    if n <= 2 { return [Double](repeating: .infinity, count: n) }
    guard let base = values.baseAddress else { return [Double](repeating: 0, count: n) }
    var distances = [Double](repeating: 0, count: n)
    var order = Array(0..<n)
    rows.withUnsafeBufferPointer { rowIDs in
        for objective in 0..<columns {
            @inline(__always) func value(_ position: Int) -> Double {
                base[rowIDs[position] * columns + objective]
            }
            order.sort { a, b in
                let va = value(a)
                let vb = value(b)
                if va != vb { return va < vb }
                return a < b
            }
            let low = value(order[0])
            let high = value(order[n - 1])
            let range = high - low
            guard range > 0, range.isFinite else { continue }
            distances[order[0]] = .infinity
            distances[order[n - 1]] = .infinity
            for k in 1..<(n - 1) {
                distances[order[k]] += (value(order[k + 1]) - value(order[k - 1])) / range
            }
        }
    }
    return distances
}
