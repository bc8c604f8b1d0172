import Testing
@testable import NSGA2

@Suite struct NonDominatedSortTests {
    /// (1,5), (2,3), (3,1) and a copy of (2,3) are not dominated; (2,4) is dominated by (2,3);
    /// (4,4) by (2,4); (5,5) by (4,4): a chain of ranks 1, 2, 3.
    static let handPoints: [[Double]] = [[1, 5], [2, 3], [3, 1], [2, 4], [4, 4], [5, 5], [2, 3]]
    static let handRanks = [0, 0, 0, 1, 2, 3, 0]

    @Test func handComputedRanksGeneral() {
        #expect(nonDominatedRanks(Self.handPoints) == Self.handRanks)
    }

    @Test func handComputedRanksTwoObjectives() {
        #expect(nonDominatedRanks2D(Self.handPoints) == Self.handRanks)
        #expect(nonDominatedRanks2D(Self.handPoints.map { ($0[0], $0[1]) }) == Self.handRanks)
    }

    @Test func emptyAndSingleInputs() {
        #expect(nonDominatedRanks([]) == [])
        #expect(nonDominatedRanks2D([[Double]]()) == [])
        #expect(nonDominatedRanks([[3, 3, 3]]) == [0])
    }

    @Test func identicalPointsShareARank() {
        #expect(nonDominatedRanks2D([[1, 1], [1, 1], [0, 2], [1, 1]]) == [0, 0, 0, 0])
        #expect(nonDominatedRanks([[2, 2, 2], [1, 1, 1], [2, 2, 2]]) == [1, 0, 1])
    }

    @Test func sameFirstObjectiveIsSortedOutBySecond() {
        // (1,2) dominates (1,3), which dominates (1,4): a chain on one vertical line.
        #expect(nonDominatedRanks2D([[1, 4], [1, 2], [1, 3]]) == [2, 0, 1])
        #expect(nonDominatedRanks([[1, 4], [1, 2], [1, 3]]) == [2, 0, 1])
    }

    /// Random point sets with few distinct values (many ties and copies), 1 to 4 objectives.
    @Test(arguments: [1, 2, 3, 4])
    func ranksMatchTheDefinitionOnRandomSets(dimensions: Int) {
        var generator = Xoshiro256StarStar(seed: UInt64(100 + dimensions))
        for trial in 0..<60 {
            let points = randomIntegerPoints(
                count: trial % 45, dimensions: dimensions, values: 2 + trial % 7, generator: &generator)
            let ranks = nonDominatedRanks(points)
            #expect(ranks == bruteForceRanks(points), "trial \(trial)")
            if dimensions == 2 {
                #expect(nonDominatedRanks2D(points) == ranks, "trial \(trial)")
            }
            expectRankProperties(points, ranks)
        }
    }

    /// The stated properties: rank 0 is dominated by nobody, every point of rank k + 1 is
    /// dominated by a point of rank k, and no point is dominated by one of equal or higher rank.
    func expectRankProperties(_ points: [[Double]], _ ranks: [Int]) {
        for (i, point) in points.enumerated() {
            let dominators = points.indices.filter { dominates(points[$0], point) }
            if ranks[i] == 0 {
                #expect(dominators.isEmpty)
            } else {
                #expect(dominators.contains { ranks[$0] == ranks[i] - 1 })
            }
            #expect(dominators.allSatisfy { ranks[$0] < ranks[i] })
        }
    }

    /// Rank by definition: 0 if undominated, else one more than the highest rank of a dominator.
    func bruteForceRanks(_ points: [[Double]]) -> [Int] {
        var ranks = [Int?](repeating: nil, count: points.count)
        func rank(_ i: Int) -> Int {
            if let known = ranks[i] { return known }
            let value = points.indices.filter { dominates(points[$0], points[i]) }.map { rank($0) + 1 }.max() ?? 0
            ranks[i] = value
            return value
        }
        return points.indices.map(rank)
    }
}
