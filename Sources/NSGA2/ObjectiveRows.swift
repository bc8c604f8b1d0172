/// Points stored row by row in one flat array: the layout every sort and indicator uses
/// internally, so that no per-point array is allocated.
struct ObjectiveRows {
    /// The values, `count × columns`, row by row.
    var values: [Double]
    /// The number of values per row (objectives).
    var columns: Int

    /// Flattens points given as arrays.
    ///
    /// - Precondition: all points have the same length.
    init(_ points: [[Double]]) {
        let columns = points.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(points.count * columns)
        for point in points {
            precondition(point.count == columns, "all points must have the same number of objectives")
            values.append(contentsOf: point)
        }
        self.values = values
        self.columns = columns
    }
}
