import Testing
@testable import ParetoRoute

/// A model without evals: its cells are the reference model's, quality × ratio clipped to
/// [0, 1], priced at its own prices; the `--new-model` spelling is the library's.
@Suite struct EstimatedModelTests {
    @Test func theSpellingIsParsedAndCheckedByTheLibrary() throws {
        let model = try EstimatedModel(spelling: "haiku4=sonnet:0.92:0.40/2.00")
        #expect(model == EstimatedModel(name: "haiku4", reference: "sonnet", qualityRatio: 0.92, prices: PriceCard(input: 0.4, output: 2)))
        #expect(model.spelling == "haiku4=sonnet:0.92:0.4/2")
        #expect(try EstimatedModel(spelling: "m=r:1:1/2/0.1/1.25").prices == PriceCard(input: 1, output: 2, cacheRead: 0.1, cacheWrite: 1.25))
        for bad in ["haiku4", "=sonnet:0.9:1/2", "x=sonnet:0.9", "x=sonnet:nan:1/2", "x=sonnet:0:1/2", "x=sonnet:0.9:-1/2", "x=:0.9:1/2", "x=s:0.9:1/2:3"] {
            #expect(throws: RequestError.self, "\(bad)") { try EstimatedModel(spelling: bad) }
        }
    }

    @Test func anEstimatedCellIsTheReferenceCellWithScaledQualityAndItsOwnPrices() throws {
        let table = ProjectionTables.make()
        let doubled = try table.adding(EstimatedModel(name: "next", reference: "big", qualityRatio: 1.5, prices: PriceCard(input: 1, output: 4)))
        let halved = try table.adding(EstimatedModel(name: "next", reference: "big", qualityRatio: 0.5, prices: PriceCard(input: 1, output: 4)))
        #expect(doubled.models.map(\.name) == ["big", "small", "next"] && doubled.models[2].estimate?.reference == "big")
        for i in 0..<2 {
            // One twin per reference cell, appended: the existing cells keep their indices.
            #expect(doubled.cells[i].count == 3 && Array(doubled.cells[i].prefix(2)) == table.cells[i])
            let reference = table.cells[i][0], twin = halved.cells[i][2]
            #expect(twin.setting == Setting(model: "next", maxTokens: 1000, temperature: 0.1, ragChunks: 0) && twin.modelIndex == 2)
            #expect(twin.quality == 0.45 && doubled.cells[i][2].quality == 1)  // 0.9 × 0.5; 0.9 × 1.5 clipped to 1
            #expect(twin.meanInputTokens == reference.meanInputTokens && twin.meanOutputTokens == reference.meanOutputTokens)
            #expect(twin.p99LatencyMs == reference.p99LatencyMs && twin.sampleCount == reference.sampleCount)
            #expect(halved.isEstimated(intent: i, cell: 2) && !halved.isEstimated(intent: i, cell: 0))
            #expect(halved.samples?[i][2].qualities == table.samples?[i][0].qualities.map { $0 * 0.5 })
            #expect(halved.samples?[i][2].inputTokens == table.samples?[i][0].inputTokens)
        }
        // intent0 (252 calls a month) on big's tokens (1,640 in, 420 out) at 1/4 USD per million.
        #expect(abs(halved.cells[0][2].monthlyCostUSD - 252 * (1640 * 1.0 + 420 * 4.0) / 1e6) < 1e-12)
        #expect(throws: RequestError([.newModels], "'small' is already a model of the data; expected a new name (the data's models: big, small)")) {
            try table.adding(EstimatedModel(name: "small", reference: "big", qualityRatio: 1, prices: PriceCard(input: 1, output: 1)))
        }
        #expect(throws: RequestError([.newModels], "'sonnet' (the reference of x) is not in the data; expected one of big, small")) {
            try table.adding(EstimatedModel(name: "x", reference: "sonnet", qualityRatio: 1, prices: PriceCard(input: 1, output: 1)))
        }
    }

    @Test func aWhatIfRecordsNewModelsOnlyWhenGivenAndReadsThemBack() throws {
        #expect(WhatIf().json.members?.contains { $0.0 == "new_models" } == false)
        let whatIf = WhatIf(prices: ["next": PriceCard(input: 2, output: 8)],
                            newModels: [EstimatedModel(name: "next", reference: "big", qualityRatio: 0.5, prices: PriceCard(input: 1, output: 4))])
        let read = try WhatIf(json: whatIf.json, file: "front.json", field: "settings.what_if")
        #expect(read == whatIf)
        // New models come first, so a --price of the new model applies to its cells.
        let table = try whatIf.apply(to: ProjectionTables.make())
        #expect(abs(table.cells[0][2].monthlyCostUSD - 252 * (1640 * 2.0 + 420 * 8.0) / 1e6) < 1e-12)
    }
}
