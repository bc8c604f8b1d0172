import ParetoRouteSynth
import Testing

/// The behaviours the default data exists to show, checked on freshly generated rows.
@Suite struct DefaultDataShapeTests {
    static let spec = ChatbotPreset.spec()
    static let cells: [CellKey: CellFigures] = {
        guard let generator = try? DataSetGenerator(spec: spec) else { return [:] }
        return CellFigures.table(generator.evalsCSV())
    }()

    private func intent(_ name: String) throws -> IntentProfile {
        try #require(Self.spec.intents.first { $0.name == name })
    }

    private func cells(of intent: String, model: String? = nil) -> [(key: CellKey, value: CellFigures)] {
        Self.cells.filter { $0.key.intent == intent && (model == nil || $0.key.model == model) }
    }

    @Test func everyCellHasAllSamplesAndOutputWithinItsCap() {
        #expect(Self.cells.count == 10 * 3 * 36)
        for (key, figures) in Self.cells {
            #expect(figures.samples == 200)
            #expect(figures.maxOutput <= key.maxTokens)
        }
    }

    @Test func everyIntentHasSeveralFeasibleAndSomeInfeasibleCells() throws {
        for profile in Self.spec.intents {
            let all = cells(of: profile.name)
            let feasible = all.filter { $0.value.isFeasible(for: profile) }
            #expect(feasible.count >= 5, "\(profile.name): \(feasible.count) feasible cells")
            #expect(all.contains { $0.value.quality < profile.minQuality }, "\(profile.name): nothing below the floor")
        }
    }

    @Test func haikuFallsShortOnRecommendationButTheFineTuneAndSonnetPass() throws {
        let recommendation = try intent("recommendation")
        #expect(recommendation.minQuality == 0.88)
        let haiku = cells(of: "recommendation", model: "haiku")
        #expect(haiku.count == 36)
        #expect(haiku.allSatisfy { $0.value.quality < 0.87 })
        #expect(cells(of: "recommendation", model: "haiku-ft").contains { $0.value.isFeasible(for: recommendation) })
        #expect(cells(of: "recommendation", model: "sonnet").contains { $0.value.isFeasible(for: recommendation) })
    }

    @Test func sonnetWithFiveChunksAndFiveHundredTokensBreaksTheP99CapOnLongAnswers() {
        for intent in ["recommendation", "product_discovery", "escalation"] {
            for temperature in ["0.1", "0.3", "0.7"] {
                let key = CellKey(intent: intent, model: "sonnet", maxTokens: 500, temperature: temperature, ragChunks: 5)
                let p99 = Self.cells[key]?.p99 ?? 0
                #expect(p99 > 5000, "\(intent) at \(temperature): P99 \(p99)")
            }
        }
        // Short answers stay under the cap, and haiku's light tail never reaches it.
        #expect(cells(of: "chitchat").allSatisfy { $0.value.p99 < 4500 })
        #expect(Self.cells.filter { $0.key.model != "sonnet" }.allSatisfy { $0.value.p99 < 3500 })
    }

    @Test func truncationLowersQuality() {
        // The same generations cut at 150 instead of 500 tokens: never better, and worse wherever
        // an answer is cut (every cell of every intent, even chitchat's 150-token answers).
        for (key, figures) in Self.cells where key.maxTokens == 150 {
            var longer = key
            longer.maxTokens = 500
            let uncut = Self.cells[longer]?.quality ?? 0
            #expect(figures.quality < uncut, "\(key)")
        }
    }

    @Test func temperatureAndRetrievalMatterByIntent() {
        func quality(_ intent: String, _ model: String, _ maxTokens: Int, _ temperature: String, _ chunks: Int) -> Double {
            Self.cells[CellKey(intent: intent, model: model, maxTokens: maxTokens, temperature: temperature,
                               ragChunks: chunks)]?.quality ?? 0
        }
        for model in ["haiku", "haiku-ft", "sonnet"] {
            for maxTokens in [150, 250, 400, 500] {
                for chunks in [0, 2, 5] {
                    // Factual intents want a low temperature, chitchat a warmer one.
                    for intent in ["faq", "order_tracking", "product_question", "checkout_help"] {
                        #expect(quality(intent, model, maxTokens, "0.1", chunks) > quality(intent, model, maxTokens, "0.7", chunks))
                    }
                    #expect(quality("chitchat", model, maxTokens, "0.7", chunks) > quality("chitchat", model, maxTokens, "0.1", chunks))
                }
                for temperature in ["0.1", "0.3", "0.7"] {
                    // Retrieved chunks only add noise to chitchat; product questions need them.
                    #expect(quality("chitchat", model, maxTokens, temperature, 5) < quality("chitchat", model, maxTokens, temperature, 0))
                    #expect(quality("product_question", model, maxTokens, temperature, 2) > quality("product_question", model, maxTokens, temperature, 0))
                }
            }
        }
    }

    @Test func theFineTuneClosesPartOfTheGapWhereItWasTrained() {
        func best(_ intent: String, _ model: String) -> Double {
            cells(of: intent, model: model).map(\.value.quality).max() ?? 0
        }
        for intent in ["recommendation", "product_question", "product_discovery", "checkout_help", "return_request"] {
            #expect(best(intent, "haiku") + 0.015 < best(intent, "haiku-ft"), "\(intent)")
            #expect(best(intent, "haiku-ft") + 0.015 < best(intent, "sonnet"), "\(intent)")
        }
    }

    @Test func costsSpanFromAFewThousandToAboutAHundredThousandDollars() throws {
        let models = Dictionary(uniqueKeysWithValues: Self.spec.models.map { ($0.name, $0) })
        var cheapest = 0.0
        var allSonnetAtMostSettings = 0.0
        for profile in Self.spec.intents {
            let costs = cells(of: profile.name).filter { $0.value.isFeasible(for: profile) }.compactMap { cell in
                models[cell.key.model].map { cell.value.monthlyCost(for: profile, model: $0) }
            }
            cheapest += try #require(costs.min())
            let sonnet = try #require(models["sonnet"])
            let top = CellKey(intent: profile.name, model: "sonnet", maxTokens: 500, temperature: "0.1", ragChunks: 5)
            allSonnetAtMostSettings += try #require(Self.cells[top]).monthlyCost(for: profile, model: sonnet)
        }
        // Cheapest feasible cells (haiku-ft's fee on top): several thousand dollars a month.
        #expect((5000...9000).contains(cheapest), "\(cheapest)")
        // Sonnet with 5 chunks and 500 tokens everywhere, caching included: well over $100K.
        #expect((110_000...150_000).contains(allSonnetAtMostSettings), "\(allSonnetAtMostSettings)")
    }
}
