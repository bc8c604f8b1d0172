import Testing
@testable import NSGA2

@Suite struct DominanceTests {
    @Test func betterInOneAndEqualElsewhereDominates() {
        #expect(dominates([1, 2], [2, 2]))
        #expect(!dominates([2, 2], [1, 2]))
    }

    @Test func identicalVectorsDoNotDominateEachOther() {
        #expect(!dominates([1, 2, 3], [1, 2, 3]))
    }

    @Test func tradeOffsDoNotDominate() {
        #expect(!dominates([1, 3], [2, 2]))
        #expect(!dominates([2, 2], [1, 3]))
    }

    @Test func singleObjectiveIsStrictLessThan() {
        #expect(dominates([-1], [0]))
        #expect(!dominates([0], [0]))
    }
}
