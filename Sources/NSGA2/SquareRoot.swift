/// The square root with the four IEEE operations only.
///
/// `Double.squareRoot()` lowers to a call into the C math library on Linux, which a
/// standard-library-only module cannot rely on being linked. A fixed number of Newton steps
/// from above, on the significand scaled to `[1, 4)`, gives the root within one unit in the last
/// place, and the same bits on every machine.
func libmFreeSquareRoot(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 || x == .infinity { return x }
    // x = s · 2^(2k) with s in [1, 4), so √x = √s · 2^k.
    let exponent = Int(x.exponent)
    let half = exponent >= 0 ? exponent / 2 : -((1 - exponent) / 2)
    let scaled = Double(sign: .plus, exponent: exponent - 2 * half, significand: x.significand)
    var root = (scaled + 1) / 2
    for _ in 0..<6 {
        root = (root + scaled / root) / 2
    }
    return Double(sign: .plus, exponent: half, significand: root)
}
