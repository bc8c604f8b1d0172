import Testing
@testable import NSGA2

@Suite struct XoshiroTests {
    @Test func matchesTheReferenceSequence() {
        // xoshiro256** seeded through SplitMix64, values from the reference algorithm.
        var zero = Xoshiro256StarStar(seed: 0)
        let zeroValues = [zero.next(), zero.next(), zero.next()]
        #expect(zeroValues == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var answer = Xoshiro256StarStar(seed: 42)
        let answerValues = [answer.next(), answer.next(), answer.next()]
        #expect(answerValues == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    @Test func boundedIntegersStayInRangeAndCoverIt() {
        var generator = Xoshiro256StarStar(seed: 3)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[generator.nextInt(below: 7)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1_150 })
    }
}
