/// The exact hypervolume of points with any number of objectives, bounded by `reference`.
///
/// One and two objectives take O(N log N), three use ``hypervolume3D(_:reference:)``, and more
/// slice along the last objective recursively (HSO), O(N^(M−2) log N): fine for the archive
/// sizes of four or five objectives, slow beyond. Only points strictly better than the
/// reference in every objective count.
///
/// - Precondition: every point has as many values as the reference.
public func hypervolume(_ points: [[Double]], reference: [Double]) -> Double {
    let rows = ObjectiveRows(points)
    precondition(points.isEmpty || rows.columns == reference.count, "points and reference must have the same length")
    return hypervolumeOfRows(values: rows.values, reference: reference)
}

/// Hypervolume of flat rows with `reference.count` columns.
func hypervolumeOfRows(values: [Double], reference: [Double]) -> Double {
    let columns = reference.count
    switch columns {
    case 0:
        return 0
    case 1:
        var volume = 0.0
        for value in values where value < reference[0] { volume = max(volume, reference[0] - value) }
        return volume
    case 2:
        return hypervolume2D(values: values, reference: (reference[0], reference[1]))
    case 3:
        return hypervolume3D(values: values, reference: reference)
    default:
        return slicedHypervolume(values: values, reference: reference)
    }
}

/// Slices along the last objective and sums (M−1)-dimensional volumes times slab heights.
private func slicedHypervolume(values: [Double], reference: [Double]) -> Double {
    let columns = reference.count
    let last = columns - 1
    var inside: [[Double]] = []
    var index = 0
    while index + last < values.count {
        let row = Array(values[index..<(index + columns)])
        if zip(row, reference).allSatisfy({ $0 < $1 }) { inside.append(row) }
        index += columns
    }
    inside.sort { a, b in
        if a[last] != b[last] { return a[last] < b[last] }
        return a.lexicographicallyPrecedes(b)
    }
    let lowerReference = Array(reference[0..<last])
    var projected: [Double] = []
    var volume = 0.0
    for (position, row) in inside.enumerated() {
        projected.append(contentsOf: row[0..<last])
        let top = position + 1 < inside.count ? inside[position + 1][last] : reference[last]
        if top > row[last] {
            volume += hypervolumeOfRows(values: projected, reference: lowerReference) * (top - row[last])
        }
    }
    return volume
}
