/// Whether `a` Pareto-dominates `b` under minimization: no worse in every objective and
/// strictly better in at least one. Identical vectors do not dominate each other.
///
/// - Precondition: `a` and `b` have the same length.
public func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    precondition(a.count == b.count, "objective vectors must have the same length")
    return a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            dominates(pa.baseAddress, pb.baseAddress, count: a.count)
        }
    }
}

/// Pointer form of ``dominates(_:_:)`` over `count` values, used by the sorts and archives.
@inline(__always)
func dominates(_ a: UnsafePointer<Double>?, _ b: UnsafePointer<Double>?, count: Int) -> Bool {
    guard let a, let b else { return false }
    var strictlyBetter = false
    for j in 0..<count {
        let x = a[j]
        let y = b[j]
        if x > y { return false }
        if x < y { strictlyBetter = true }
    }
    return strictlyBetter
}

/// Whether two rows of `count` values are identical.
@inline(__always)
func rowsEqual<T: Equatable>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, count: Int) -> Bool {
    for j in 0..<count where a[j] != b[j] { return false }
    return true
}

/// Lexicographic order of two rows of `count` values; ties are `false`.
@inline(__always)
func rowPrecedes<T: Comparable>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, count: Int) -> Bool {
    for j in 0..<count where a[j] != b[j] { return a[j] < b[j] }
    return false
}
