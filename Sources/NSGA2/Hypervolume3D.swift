/// The exact volume dominated by three-objective points and bounded by `reference`.
///
/// Dimension sweep (Beume et al. 2009): points are visited by increasing third objective
/// while a two-dimensional staircase of the points seen so far, and its area, are updated
/// incrementally. O(N log N) comparisons; the staircase is a sorted array, so insertions move
/// O(N) elements in the worst case.
///
/// Only points strictly better than the reference in every objective count.
///
/// - Precondition: every point and the reference have exactly three values.
public func hypervolume3D(_ points: [[Double]], reference: [Double]) -> Double {
    precondition(reference.count == 3, "the reference point must have three values")
    let rows = ObjectiveRows(points)
    precondition(points.isEmpty || rows.columns == 3, "points must have exactly three objectives")
    return hypervolume3D(values: rows.values, reference: reference)
}

/// Three-objective hypervolume of flat triples in any order.
func hypervolume3D(values: [Double], reference: [Double]) -> Double {
    let r0 = reference[0]
    let r1 = reference[1]
    let r2 = reference[2]
    var inside: [(Double, Double, Double)] = []
    var index = 0
    while index + 2 < values.count {
        let point = (values[index], values[index + 1], values[index + 2])
        if point.0 < r0 && point.1 < r1 && point.2 < r2 { inside.append(point) }
        index += 3
    }
    inside.sort { a, b in
        if a.2 != b.2 { return a.2 < b.2 }
        if a.0 != b.0 { return a.0 < b.0 }
        return a.1 < b.1
    }
    var staircase = Staircase(reference: (r0, r1))
    var volume = 0.0
    var previousThird = 0.0
    for (position, point) in inside.enumerated() {
        if position > 0 { volume += staircase.area * (point.2 - previousThird) }
        staircase.insert(point.0, point.1)
        previousThird = point.2
    }
    if !inside.isEmpty { volume += staircase.area * (r2 - previousThird) }
    return volume
}

/// The non-dominated set of two-objective points, sorted by the first objective (the second
/// then strictly decreasing), with the area it dominates up to a reference point.
private struct Staircase {
    let reference: (Double, Double)
    private var firsts: [Double] = []
    private var seconds: [Double] = []
    private(set) var area = 0.0

    init(reference: (Double, Double)) {
        self.reference = reference
    }

    /// Adds a point, dropping the points it weakly dominates and adding the area it newly covers.
    mutating func insert(_ first: Double, _ second: Double) {
        // The last point whose first objective is ≤ first.
        var low = 0
        var high = firsts.count
        while low < high {
            let middle = (low + high) / 2
            if firsts[middle] <= first { low = middle + 1 } else { high = middle }
        }
        let predecessor = low - 1
        if predecessor >= 0 && seconds[predecessor] <= second { return }
        let start = predecessor >= 0 && firsts[predecessor] == first ? predecessor : low
        var end = start
        while end < seconds.count && seconds[end] >= second { end += 1 }
        // Area gained between `first` and the next surviving point (or the reference).
        var cursor = first
        var height = start > 0 ? seconds[start - 1] : reference.1
        for k in start..<end {
            area += (firsts[k] - cursor) * (height - second)
            cursor = firsts[k]
            height = seconds[k]
        }
        let limit = end < firsts.count ? firsts[end] : reference.0
        area += (limit - cursor) * (height - second)
        firsts.replaceSubrange(start..<end, with: CollectionOfOne(first))
        seconds.replaceSubrange(start..<end, with: CollectionOfOne(second))
    }
}
