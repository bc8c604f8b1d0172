import Foundation
@testable import ParetoRouteSynth
import Testing

@Suite struct PortableMathTests {
    @Test(arguments: [1e-300, 1e-5, 0.3, 0.5, 0.999, 1, 1.0001, 2, 10, 12345.678, 1e300])
    func logAgreesWithLibm(_ x: Double) {
        let expected = Foundation.log(x)
        #expect(abs(PortableMath.log(x) - expected) <= 4 * expected.ulp.magnitude + 1e-300)
    }

    @Test(arguments: [-700.0, -20, -1, -1e-9, 0, 1e-9, 0.5, 1, 3.7, 50, 700])
    func expAgreesWithLibm(_ x: Double) {
        let expected = Foundation.exp(x)
        #expect(abs(PortableMath.exp(x) - expected) <= 4 * expected.ulp)
    }

    @Test func edgeCases() {
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.exp(-800) == 0)
        #expect(PortableMath.exp(800) == .infinity)
    }
}
