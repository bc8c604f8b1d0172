import Foundation
import Testing
@testable import ParetoRoute

/// Exports of a deployment: figures by hand on the tiny fixture, a route's two forms in the
/// LiteLLM config, its reading back, and the A10 mode table of the default data's ladder.
struct DeploymentTests {
    static let tiny: CellTable? = try? GoldenDataLoader.load(directory: FixturePaths.fixture("tiny"), keepingSamples: true)
    static let defaultData: CellTable? = try? GoldenDataLoader.load(directory: FixturePaths.goldenData)

    static let small = Setting(model: "small", maxTokens: 250, temperature: 0.1, ragChunks: 0)
    static let big = Setting(model: "big", maxTokens: 250, temperature: 0.1, ragChunks: 0)
    static let chat = Setting(model: "small", maxTokens: 150, temperature: 0.7, ragChunks: 2)

    /// The tiny data with routers.csv: complexity scores q1 0.7 and q2 0.2 for faq, a $100 fee, 10 ms.
    static func routedTiny() throws -> CellTable {
        let directory = NSTemporaryDirectory() + "paretoroute-deploy-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("tiny"), toPath: directory)
        try "intent,router,sample_id,score\nfaq,complexity,q1,0.7\nfaq,complexity,q2,0.2\n".write(toFile: directory + "/routers.csv", atomically: true, encoding: .utf8)
        try "router,monthly_fixed_usd,latency_ms\ncomplexity,100,10\n".write(toFile: directory + "/router_costs.csv", atomically: true, encoding: .utf8)
        return try GoldenDataLoader.load(directory: directory, keepingSamples: true, keepingSampleIDs: true)
    }

    @Test func cellsGiveCheckFiguresBitForBit() throws {
        let table = try #require(Self.defaultData)
        for choice in [table.cells.map { _ in 0 }, table.cells.map { $0.count - 1 }] {
            let deployment = try Deployment(configuration: table.configuration(of: choice), table: table, file: "c.json")
            let evaluation = table.evaluate(choice)
            #expect(deployment.monthlyCostUSD == evaluation.monthlyCostUSD)
            #expect(deployment.fixedFeesUSD == evaluation.fixedFeesUSD)
            #expect(deployment.quality == evaluation.quality)
            for (entry, figures) in zip(deployment.entries, evaluation.perIntent) {
                #expect(entry.expected.monthlyCostUSD == figures.monthlyCostUSD)
                #expect(entry.expected.p99LatencyMs == figures.p99LatencyMs)
                let calls = table.intents[table.intentIndex(named: entry.intent) ?? 0].monthlyCalls
                #expect(abs(entry.expected.costPerConversationUSD * calls - figures.monthlyCostUSD) <= 1e-9 * figures.monthlyCostUSD)
            }
        }
    }

    @Test func aShareRouteByHand() throws {
        let table = try #require(Self.tiny)
        let route = Route(rule: .share(0.3), low: Self.small, high: Self.big)
        let deployment = try Deployment(options: [("faq", .route(route)), ("chat", .setting(Self.chat))], table: table, file: "r.json")
        let faq = deployment.entries[0].expected
        // faq: 15,000 calls a month; small $0.0005 a call (q 0.75), big $0.006 (q 0.925).
        #expect(abs(faq.quality - 0.8025) < 1e-12)
        #expect(abs(faq.costPerConversationUSD - 0.00215) < 1e-15)
        #expect(abs(faq.monthlyCostUSD - 32.25) < 1e-9)
        // Latencies small [100, 100], big [100, 200]: 0.7 + 0.3 (x − 100)/100 = 0.99 at x = 196.67.
        #expect(abs((faq.p99LatencyMs ?? 0) - (100 + 100 * 0.29 / 0.3)) < 1e-9)
        #expect(faq.highShare == 0.3)
        // chat: small, 600 in and 100 out at 0.25/1.25 per M: $0.000275 a call, 15,000 calls; q 0.76.
        #expect(abs(deployment.monthlyCostUSD - (32.25 + 4.125)) < 1e-9)
        #expect(abs(deployment.quality - (1000 * 0.8025 + 500 * 0.76) / 1500) < 1e-12)
        #expect(deployment.entries[0].modelIDs == ["small", "big"])
        #expect(deployment.entries[0].maxOutputTokens == 250)
    }

    @Test func aThresholdRouteSampleBySampleWithTheRoutersFee() throws {
        let table = try Self.routedTiny()
        let route = Route(rule: .threshold(router: "complexity", threshold: 0.5), low: Self.small, high: Self.big)
        let deployment = try Deployment(options: [("faq", .route(route)), ("chat", .setting(Self.chat))], table: table, file: "r.json")
        let faq = deployment.entries[0].expected
        // q1 (0.7) goes to big: q 0.9, $0.006; q2 (0.2) to small: q 0.8, $0.0005; both 100 ms + 10.
        #expect(abs(faq.quality - 0.85) < 1e-12)
        #expect(abs(faq.costPerConversationUSD - 0.00325) < 1e-15)
        #expect(abs(faq.monthlyCostUSD - 48.75) < 1e-9)
        #expect(faq.p99LatencyMs == 110)
        #expect(faq.highShare == 0.5)
        #expect(deployment.fixedFeesUSD == 100)
        #expect(abs(deployment.monthlyCostUSD - (48.75 + 4.125 + 100)) < 1e-9)
        let unknown = Route(rule: .threshold(router: "length", threshold: 0.5), low: Self.small, high: Self.big)
        #expect(throws: DataError(file: "r.json", field: "intents.faq.route.router", "the router 'length' scores no sample of faq; expected a router of routers.csv")) {
            try Deployment(options: [("faq", .route(unknown)), ("chat", .setting(Self.chat))], table: table, file: "r.json")
        }
    }

    @Test func routesInTheLiteLLMConfigAndBack() throws {
        let table = try Self.routedTiny().withProviderIDs(["big": "bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0",
                                                           "small": "bedrock/arn:aws:bedrock:us-east-1:1:provisioned-model/x"])
        let share = Route(rule: .share(0.3), low: Self.small, high: Self.big)
        let threshold = Route(rule: .threshold(router: "complexity", threshold: 0.5), low: Self.small, high: Self.big)
        for faq in [IntentOption.route(share), .route(threshold), .setting(Self.big)] {
            let options: [(intent: String, option: IntentOption)] = [("faq", faq), ("chat", .setting(Self.chat))]
            let deployment = try Deployment(options: options, table: table, file: "r.json")
            let text = try LiteLLMConfig.render(deployment, apiKeys: APIKeyReferences(specifications: ["KEY", "big=BIG_KEY"]))
            #expect(try LiteLLMConfig.render(deployment, apiKeys: APIKeyReferences(specifications: ["KEY", "big=BIG_KEY"])) == text)
            let document = try YAMLReader.parse(text, file: "config.yaml")
            let list = try #require(document.value["model_list"]?.elements)
            let groups = list.compactMap { $0["model_name"]?.string }
            switch faq {
            case .route(let route) where route == share:
                #expect(groups == ["intent/faq", "intent/faq", "intent/chat"])
                #expect(list[0]["litellm_params"]?["weight"] == .number(0.7))
                #expect(list[1]["litellm_params"]?["weight"] == .number(0.3))
                #expect(list[1]["model_info"]?["id"] == .string("intent/faq/high"))
            case .route:
                #expect(groups == ["intent/faq/low", "intent/faq/high", "intent/chat"])
                #expect(list[1]["model_info"]?["router"] == .string("complexity"))
                #expect(list[1]["model_info"]?["threshold"] == .number(0.5))
                #expect(list[0]["litellm_params"]?["weight"] == nil)
            case .setting:
                #expect(groups == ["intent/faq", "intent/chat"])
            }
            // Names with '/', ':' and a space survive, quoted; keys only as references.
            #expect(text.contains("model: \"bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0\"\n"))
            #expect(text.contains("api_key: os.environ/BIG_KEY\n") && text.contains("api_key: os.environ/KEY\n"))
            #expect(list.last?["litellm_params"]?["model"] == .string("bedrock/arn:aws:bedrock:us-east-1:1:provisioned-model/x"))
            let read = try LiteLLMConfig.options(of: document, file: "config.yaml", table: table)
            #expect(read.map(\.intent) == ["faq", "chat"])
            #expect(read.map(\.option) == [faq, .setting(Self.chat)])
        }
    }

    @Test func readingBackNamesTheLineAndWhatIsAmbiguous() throws {
        let table = try #require(Self.tiny)
        func message(_ yaml: String) -> String {
            do {
                _ = try LiteLLMConfig.options(of: YAMLReader.parse(yaml, file: "g.yaml"), file: "g.yaml", table: table)
                return "read"
            } catch {
                return String(describing: error)
            }
        }
        let head = "model_list:\n  - model_name: intent/faq\n    litellm_params:\n"
        #expect(message(head + "      model: big\n      max_tokens: 250\n      temperature: 0.1\n") == "read")
        #expect(message(head + "      model: huge\n      max_tokens: 250\n      temperature: 0.1\n")
                == "g.yaml:4: field 'model_list[0].litellm_params.model': 'huge' is no model's name or provider id in models.csv; expected one of big, small, tuned")
        #expect(message(head + "      model: big\n      max_tokens: 250.5\n      temperature: 0.1\n")
                == "g.yaml:5: field 'model_list[0].litellm_params.max_tokens': missing or not an integer >= 1; expected the setting's max_tokens")
        #expect(message(head + "      model: big\n      max_tokens: 250\n      temperature: 0.3\n")
                == "g.yaml:2: field 'model_list[0].model_info': no evaluated cell of faq has big, max_tokens 250 and temperature 0.3")
        #expect(message("model_list:\n  - model_name: intent/help\n    litellm_params:\n      model: big\n").hasPrefix("g.yaml:2: field 'model_list[0].model_name': the group 'intent/help' names no intent of the data"))
        #expect(message("models: []\n") == "g.yaml: field 'model_list': missing or not a list; expected a LiteLLM config with a model_list")
    }

    @Test func theModeTableOfTheDefaultLadder() throws {
        let table = try #require(Self.defaultData)
        let ladder = try DegradeLadder.build(table: table, budgetUSD: 30_000)
        let modes = try ModeTable(ladder: ladder, table: table)
        #expect(modes.modes.map(\.name) == ["normal", "cache_aggressive", "cost_saving", "emergency"])
        #expect(modes.modes.map(\.switchShare) == [0, 0.7, 0.85, 0.95])
        #expect(modes.dailyCapUSD == 1000)
        for (mode, step) in zip(modes.modes, ladder.steps) {
            #expect(mode.deployment.monthlyCostUSD == step.score.monthlyCostUSD)
            #expect(mode.deployment.quality == step.score.quality)
            #expect(mode.changes.map(\.intent) == step.changedIntents.map { table.intents[$0].name })
            #expect(mode.deployment.monthlyCostUSD <= mode.monthlyCapUSD)
        }
        let json = modes.json
        #expect(json["modes"]?.array?[2]["switch_at_usd"] == .number(850))
        #expect(json["modes"]?.array?[3]["litellm_config"] == .string("emergency.litellm.yaml"))
        #expect(throws: RequestError([.switchShares], "2 share(s) for 4 ladder steps; expected 3, one per mode after the first")) {
            try ModeTable(ladder: ladder, table: table, switchShares: [0.5, 0.9])
        }
        #expect(throws: RequestError([.switchShares], "0.9,0.5,1 are not increasing shares in (0, 1]; expected e.g. 0.7,0.85,0.95")) {
            try ModeTable(ladder: ladder, table: table, switchShares: [0.9, 0.5, 1])
        }
        let custom = try ModeTable(ladder: ladder, table: table, dailyCapUSD: 2000, switchShares: [0.5, 0.6, 0.8])
        #expect(custom.json["modes"]?.array?[1]["switch_at_usd"] == .number(1000))
    }

    @Test func apiKeyAndModelIDSpecifications() throws {
        let keys = try APIKeyReferences(specifications: ["ANTHROPIC_API_KEY", "haiku=AWS_KEY_2"])
        #expect(keys.reference(for: "haiku") == "os.environ/AWS_KEY_2")
        #expect(keys.reference(for: "sonnet") == "os.environ/ANTHROPIC_API_KEY")
        #expect(APIKeyReferences().reference(for: "sonnet") == nil)
        #expect(throws: RequestError.self) { try APIKeyReferences(specifications: ["sk-ant-123"]) }
        #expect(throws: RequestError.self) { try APIKeyReferences(specifications: ["A", "B"]) }
        #expect(try CellTable.providerIDs(specifications: ["a=b/c:d=e"]) == ["a": "b/c:d=e"])
        #expect(throws: RequestError.self) { try CellTable.providerIDs(specifications: ["a"]) }
        let table = try #require(Self.tiny)
        #expect(throws: RequestError([.modelIDs], "'huge' is not a model of the data; expected one of big, small, tuned")) {
            try table.withProviderIDs(["huge": "x"])
        }
    }
}
