import NSGA2
import Testing
@testable import ParetoRoute

/// `diff`'s configurations gained and lost against a comparison of every pair of points.
@Suite struct FrontDiffTests {
    /// The new table: the old one with a third of its cells' qualities moved at random and
    /// its intents listed in reverse order (fronts match intents by name, not position).
    static func rescored(_ table: CellTable, seed: UInt64) -> CellTable {
        var rng = Xoshiro256StarStar(seed: seed)
        let cells = table.cells.map { list in
            list.map { cell -> Cell in
                var moved = cell
                if rng.nextInt(below: 3) == 0 { moved.quality = min(1, max(0, cell.quality + 0.2 * (rng.nextDouble() - 0.5))) }
                return moved
            }
        }
        // Other data, so the diff reads its differences as the data's (same data: the search's).
        return CellTable(models: table.models, intents: table.intents.reversed(), cells: cells.reversed(), fingerprint: "rescored-\(seed)")
    }

    /// Indices of `front`'s points whose configuration (intent name → setting) `other` lacks.
    static func bruteMissing(_ front: Front, from other: Front) -> [Int] {
        func key(_ point: FrontPoint) -> [String: IntentOption] {
            Dictionary(uniqueKeysWithValues: point.configuration.entries.map { ($0.intent, $0.option) })
        }
        let others = other.points.map(key)
        return front.points.indices.filter { i in !others.contains(key(front.points[i])) }
    }

    @Test func gainedAndLostEqualEveryPairCompared() throws {
        var changed = 0, kept = 0
        for seed in 1...8 as ClosedRange<UInt64> {
            let table = RandomTables.make(seed: seed, intents: 4, cellsPerIntent: 6, feeModels: 2)
            let old = try FrontRun.exact(table).front
            let new = try FrontRun.exact(Self.rescored(table, seed: seed + 100)).front
            let diff = FrontDiff(old: old, new: new)
            let gained = Self.bruteMissing(new, from: old), lost = Self.bruteMissing(old, from: new)
            #expect(diff.gained == gained, "seed \(seed)")
            #expect(diff.lost == lost, "seed \(seed)")
            if !gained.isEmpty || !lost.isEmpty { changed += 1 }
            kept += new.points.count - gained.count
            let same = FrontDiff(old: old, new: old)
            #expect(same.gained.isEmpty && same.lost.isEmpty)
        }
        // Most seeds move the front, and some configurations survive: the comparison is exercised both ways.
        #expect(changed >= 5 && kept > 0)
    }

    @Test func twoFrontsOfTheSameDataCountNoChangeAndNameTheSearch() throws {
        let table = RandomTables.make(seed: 3, intents: 5, cellsPerIntent: 6, feeModels: 2)
        var options = Optimizer.Options()
        options.population = 12
        options.generations = 5
        let rough = try FrontRun.optimize(table, options: options).front
        let exact = try FrontRun.exact(table).front
        let diff = FrontDiff(old: rough, new: exact)
        #expect(!diff.dataChanged)
        #expect(diff.gained.isEmpty && diff.lost.isEmpty)
        let search = try #require(diff.searchDifferences)
        // The configurations only one front has, counted apart, equal a comparison of every pair.
        #expect(search.onlyOld == Self.bruteMissing(rough, from: exact).count)
        #expect(search.onlyNew == Self.bruteMissing(exact, from: rough).count)
        #expect(search.onlyNew > 0)
        #expect(diff.json(z: 1.96)["same_data"] == .bool(true))
        #expect(diff.json(z: 1.96)["configurations_gained"] == .number(0))
        // Another what-if is another problem: its differences are changes.
        var whatIf = FrontRequest()
        whatIf.whatIf = WhatIf(prices: ["free-a": PriceCard(input: 0.5, output: 2)])
        let repriced = try FrontRun.exact(table, request: whatIf).front
        #expect(FrontDiff(old: exact, new: repriced).searchDifferences == nil)
    }

    @Test func otherDataNamesTheCellsThatMoved() throws {
        let table = RandomTables.make(seed: 5, intents: 4, cellsPerIntent: 5, feeModels: 1)
        let old = try FrontRun.exact(table).front
        // One cell every configuration could use gets far better; its standard error is 0.01.
        var better = table
        better.fingerprint = "better"
        let intent = 0
        let cell = try #require(old.catalog.cells[intent].first.flatMap { used in table.cells[intent].firstIndex { .setting($0.setting) == used.option } })
        better.cells[intent][cell].quality += 0.1
        let new = try FrontRun.exact(better).front
        let diff = FrontDiff(old: old, new: new)
        let moved = diff.movedCells.filter { $0.intent == "intent0" }
        #expect(moved.count == 1)
        #expect(moved.first?.qualityBeyondNoise == true)
        #expect(diff.movedCells.count == 1)
    }
}
