/// The inverted generational distance: the mean, over the `reference` points (typically the
/// true front), of the Euclidean distance to the nearest of `points`. Zero when `points`
/// covers every reference point.
///
/// Returns 0 for an empty reference set and infinity when `points` is empty but the
/// reference is not. Square roots use the four IEEE operations only (no libm): the same bits everywhere.
///
/// - Precondition: all points and reference points have the same length.
public func invertedGenerationalDistance(_ points: [[Double]], reference: [[Double]]) -> Double {
    guard !reference.isEmpty else { return 0 }
    guard !points.isEmpty else { return .infinity }
    let columns = reference[0].count
    precondition(
        points.allSatisfy { $0.count == columns } && reference.allSatisfy { $0.count == columns },
        "all points must have the same number of objectives")
    var total = 0.0
    for target in reference {
        var nearest = Double.infinity
        for point in points {
            var squared = 0.0
            for j in 0..<columns {
                let difference = point[j] - target[j]
                squared += difference * difference
            }
            nearest = min(nearest, squared)
        }
        total += libmFreeSquareRoot(nearest)
    }
    return total / Double(reference.count)
}
