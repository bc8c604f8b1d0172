import Testing
@testable import NSGA2

@Suite struct InvertedGenerationalDistanceTests {
    @Test func handComputedMeanOfNearestDistances() {
        // (3,4) is 5 from (0,0); (0,0) is covered.
        #expect(invertedGenerationalDistance([[0, 0]], reference: [[3, 4], [0, 0]]) == 2.5)
        #expect(invertedGenerationalDistance([[1, 2], [4, 5]], reference: [[1, 1]]) == 1)
        #expect(invertedGenerationalDistance([[1, 1], [2, 2]], reference: [[1, 1], [2, 2]]) == 0)
    }

    @Test func emptySets() {
        #expect(invertedGenerationalDistance([], reference: [[1, 1]]) == .infinity)
        #expect(invertedGenerationalDistance([[1, 1]], reference: []) == 0)
    }

    @Test func libmFreeSquareRootIsWithinOneUlp() {
        var generator = Xoshiro256StarStar(seed: 5)
        var values: [Double] = [1, 2, 3, 4, 0.25, 1e-300, .leastNonzeroMagnitude, .leastNormalMagnitude * 0.99, 1e300, .greatestFiniteMagnitude]
        for _ in 0..<2_000 {
            values.append(Double(sign: .plus, exponent: generator.nextInt(below: 2_000) - 1_000, significand: 1 + generator.nextDouble()))
        }
        for value in values {
            let root = libmFreeSquareRoot(value)
            #expect(abs(root - value.squareRoot()) <= value.squareRoot().ulp, "√\(value)")
        }
        for square in 0...1_000 {
            #expect(libmFreeSquareRoot(Double(square * square)) == Double(square))
        }
        #expect(libmFreeSquareRoot(-1).isNaN)
        #expect(libmFreeSquareRoot(.infinity) == .infinity)
    }
}
