/// The hypervolume reference point the engine fixes for a run, from the feasible points of its
/// initial population (or of the first generation that has any).
///
/// Rule: for each objective, the worst (largest) value plus a tenth of the range
/// (largest − smallest); if the range is zero, plus a tenth of max(|largest|, 1). Every one of
/// those points therefore lies strictly inside the box. Returns `nil` for no points.
///
/// - Precondition: all points have the same length.
public func hypervolumeReferencePoint(_ points: [[Double]]) -> [Double]? {
    let rows = ObjectiveRows(points)
    return rows.values.withUnsafeBufferPointer {
        referencePoint(values: $0, columns: rows.columns, rows: Array(0..<points.count))
    }
}

/// The reference point of the listed table rows; `nil` for none.
func referencePoint(values: UnsafeBufferPointer<Double>, columns: Int, rows: [Int]) -> [Double]? {
    guard !rows.isEmpty else { return nil }
    return (0..<columns).map { objective in
        var low = Double.infinity
        var high = -Double.infinity
        for row in rows {
            let value = values[row * columns + objective]
            low = min(low, value)
            high = max(high, value)
        }
        let range = high - low
        let margin = range > 0 ? range / 10 : max(abs(high), 1) / 10
        return high + margin
    }
}
