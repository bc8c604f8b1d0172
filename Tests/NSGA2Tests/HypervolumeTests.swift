import Testing
@testable import NSGA2

@Suite struct HypervolumeTests {
    @Test func handComputedStaircase2D() {
        // Strips: (4−1)(4−3) + (4−2)(3−2) + (4−3)(2−1) = 3 + 2 + 1.
        #expect(hypervolume2D([[1, 3], [2, 2], [3, 1]], reference: [4, 4]) == 6)
        #expect(hypervolume2D([(1, 3), (2, 2), (3, 1)], reference: (4, 4)) == 6)
    }

    @Test func dominatedAndOutsidePointsAddNothing2D() {
        let points: [[Double]] = [[3, 3], [1, 3], [5, 0], [0, 4], [2, 2], [3, 1], [2, 2]]
        #expect(hypervolume2D(points, reference: [4, 4]) == 6)
        #expect(hypervolume2D([], reference: [4, 4]) == 0)
    }

    @Test func handComputedBoxes3D() {
        #expect(hypervolume3D([[0, 0, 0]], reference: [2, 3, 4]) == 24)
        // 2·2·1 + 1·1·2 − 1·1·1 (the shared corner).
        #expect(hypervolume3D([[0, 0, 1], [1, 1, 0]], reference: [2, 2, 2]) == 5)
        #expect(hypervolume3D([[0, 0, 1], [1, 1, 0], [1, 1, 1], [3, 0, 0]], reference: [2, 2, 2]) == 5)
    }

    @Test func oneAndFourObjectives() {
        #expect(hypervolume([[3], [1], [5]], reference: [4]) == 3)
        // A single point: the box (1·2·3·4); two disjoint-corner points share a 1·1·1·1 corner.
        #expect(hypervolume([[1, 0, 0, 0]], reference: [2, 2, 3, 4]) == 24)
        #expect(hypervolume([[0, 0, 0, 1], [1, 1, 1, 0]], reference: [2, 2, 2, 2]) == 8 + 2 - 1)
    }

    /// Integer points against a grid count of the dominated unit cells.
    @Test(arguments: [2, 3, 4])
    func matchesBruteForceGridCount(dimensions: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(dimensions))
        let side = dimensions == 4 ? 6 : 10
        let reference = [Double](repeating: Double(side), count: dimensions)
        let cells = allGenomes([Int](repeating: side, count: dimensions))
        for trial in 0..<25 {
            let points = randomIntegerPoints(count: trial, dimensions: dimensions, values: side + 1, generator: &generator)
            let counted = cells.filter { cell in
                points.contains { point in zip(point, cell).allSatisfy { $0 <= Double($1) } }
            }.count
            let expected = Double(counted)
            #expect(hypervolume(points, reference: reference) == expected, "trial \(trial)")
            if dimensions == 2 { #expect(hypervolume2D(points, reference: reference) == expected) }
            if dimensions == 3 { #expect(hypervolume3D(points, reference: reference) == expected) }
        }
    }

    @Test func referencePointRule() {
        // Worst value plus a tenth of the range; a zero range adds a tenth of max(|worst|, 1).
        #expect(hypervolumeReferencePoint([[0, 10], [4, 2]]) == [4.4, 10.8])
        #expect(hypervolumeReferencePoint([[30, -5]]) == [33, -4.5])
        #expect(hypervolumeReferencePoint([[0, 0.5]]) == [0.1, 0.6])
        #expect(hypervolumeReferencePoint([]) == nil)
    }
}
