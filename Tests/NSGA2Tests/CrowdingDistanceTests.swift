import Testing
@testable import NSGA2

@Suite struct CrowdingDistanceTests {
    @Test func handComputedFront() {
        // Ranges are 4 in both objectives. (1,2): 3/4 + 3/4; (3,1): 3/4 + 2/4. Not divided by M.
        let distances = crowdingDistances([[0, 4], [1, 2], [3, 1], [4, 0]])
        #expect(distances == [.infinity, 1.5, 1.25, .infinity])
    }

    @Test func zeroRangeObjectiveAddsNothing() {
        // The second objective is constant: only the first counts, (2 − 0) / 2 for the middle.
        #expect(crowdingDistances([[0, 5], [1, 5], [2, 5]]) == [.infinity, 1, .infinity])
        #expect(crowdingDistances([[7, 7], [7, 7], [7, 7]]) == [0, 0, 0])
    }

    @Test func tinyFrontsAreAllBoundary() {
        #expect(crowdingDistances([]) == [])
        #expect(crowdingDistances([[1, 2]]) == [.infinity])
        #expect(crowdingDistances([[1, 2], [1, 2]]) == [.infinity, .infinity])
    }

    @Test func tiedExtremesGiveInfinityToTheFirstMinimumAndLastMaximum() {
        // Objective 1 (0, 0, 2, 2): minimum at indices 0 and 1 → index 0 is the boundary; maximum
        // at 2 and 3 → index 3. Index 1 sits between index 0 (0) and index 2 (2): (2 − 0) / 2, and
        // index 2 between index 1 (0) and index 3 (2): the same. Objective 2 (5, 4, 1, 0) marks
        // indices 3 and 0 again and adds (5 − 1) / 5 to index 1 and (4 − 0) / 5 to index 2.
        let distances = crowdingDistances([[0, 5], [0, 4], [2, 1], [2, 0]])
        #expect(distances == [.infinity, 1.8, 1.8, .infinity])
    }

    @Test func boundaryPointsOfRandomFrontsAreInfinite() {
        var generator = Xoshiro256StarStar(seed: 9)
        for trial in 0..<80 {
            let dimensions = 1 + trial % 4
            let points = randomIntegerPoints(count: 3 + trial % 30, dimensions: dimensions, values: 6, generator: &generator)
            let distances = crowdingDistances(points)
            var boundaries = Set<Int>()
            for objective in 0..<dimensions {
                let values = points.map { $0[objective] }
                guard let low = values.min(), let high = values.max(), high > low else { continue }
                if let first = values.firstIndex(of: low) { boundaries.insert(first) }
                if let last = values.lastIndex(of: high) { boundaries.insert(last) }
            }
            for index in points.indices {
                if boundaries.contains(index) {
                    #expect(distances[index] == .infinity, "trial \(trial)")
                } else {
                    #expect(distances[index].isFinite && distances[index] >= 0, "trial \(trial)")
                }
            }
        }
    }
}
