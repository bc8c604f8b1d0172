/// The exact area dominated by two-objective points and bounded by `reference`, in O(N log N).
///
/// Only points strictly better than the reference in both objectives count. Points are
/// sorted by the first objective and swept, each adding the strip it newly covers.
///
/// - Precondition: every point and the reference have exactly two values.
public func hypervolume2D(_ points: [[Double]], reference: [Double]) -> Double {
    precondition(reference.count == 2, "the reference point must have two values")
    let rows = ObjectiveRows(points)
    precondition(points.isEmpty || rows.columns == 2, "points must have exactly two objectives")
    return hypervolume2D(values: rows.values, reference: (reference[0], reference[1]))
}

/// The exact area dominated by two-objective points given as pairs, bounded by `reference`.
public func hypervolume2D(_ points: [(Double, Double)], reference: (Double, Double)) -> Double {
    var values: [Double] = []
    values.reserveCapacity(points.count * 2)
    for (first, second) in points {
        values.append(first)
        values.append(second)
    }
    return hypervolume2D(values: values, reference: reference)
}

/// Two-objective hypervolume of flat `(first, second)` pairs in any order.
func hypervolume2D(values: [Double], reference: (Double, Double)) -> Double {
    var inside: [(Double, Double)] = []
    var index = 0
    while index + 1 < values.count {
        let first = values[index]
        let second = values[index + 1]
        if first < reference.0 && second < reference.1 { inside.append((first, second)) }
        index += 2
    }
    inside.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    var volume = 0.0
    var lowestSecond = reference.1
    for (first, second) in inside where second < lowestSecond {
        volume += (reference.0 - first) * (lowestSecond - second)
        lowestSecond = second
    }
    return volume
}

/// Two-objective hypervolume of flat pairs already sorted by the first objective, in O(N).
func hypervolume2DSorted(values: [Double], reference: (Double, Double)) -> Double {
    var volume = 0.0
    var lowestSecond = reference.1
    var index = 0
    while index + 1 < values.count {
        let first = values[index]
        let second = values[index + 1]
        if first >= reference.0 { break }
        if second < lowestSecond {
            volume += (reference.0 - first) * (lowestSecond - second)
            lowestSecond = second
        }
        index += 2
    }
    return volume
}
