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
    var distances = [Double](repeating: 0, count: n)
    var keys: [(value: Double, position: Int)] = []
    keys.reserveCapacity(n)
    for objective in 0..<columns {
        keys.removeAll(keepingCapacity: true)
        for (position, row) in rows.enumerated() {
            keys.append((values[row * columns + objective], position))
        }
        keys.sort { $0.value != $1.value ? $0.value < $1.value : $0.position < $1.position }
        let range = keys[n - 1].value - keys[0].value
        guard range > 0, range.isFinite else { continue }
        distances[keys[0].position] = .infinity
        distances[keys[n - 1].position] = .infinity
        for k in 1..<(n - 1) {
            distances[keys[k].position] += (keys[k + 1].value - keys[k - 1].value) / range
        }
    }
    return distances
}
