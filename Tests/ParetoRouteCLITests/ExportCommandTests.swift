import Foundation
import Testing
@testable import ParetoRouteCLI

/// `export`, `ladder --export` and `check --litellm` on the default data and the tiny fixture.
@Suite(.serialized)
struct ExportCommandTests {
    static let data = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path
    static let modelIDs = ["--model-id", "sonnet=bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0",
                           "--model-id", "haiku=bedrock/anthropic.claude-3-haiku-20240307-v1:0",
                           "--model-id", "haiku-ft=bedrock/arn:aws:bedrock:us-east-1:123456789012:provisioned-model/haiku-ft"]

    /// The default data's exact front and its knee as pick's JSON, made once.
    static let knee: (directory: String, front: String, pick: String)? = {
        guard let directory = try? Paths.temporaryDirectory() else { return nil }
        let front = directory + "/front.json", pick = directory + "/knee.json"
        guard runTool(["exact", "--data", data, "--quiet", "--out", front]).status == 0 else { return nil }
        let picked = runTool(["pick", front, "--knee", "--json"])
        guard picked.status == 0, (try? picked.out.write(toFile: pick, atomically: true, encoding: .utf8)) != nil else { return nil }
        return (directory, front, pick)
    }()

    @Test func checkGivesTheSameFiguresOnTheConfigurationTheIntentTableAndTheLiteLLMConfig() throws {
        let knee = try #require(Self.knee)
        let config = knee.directory + "/config.yaml", intents = knee.directory + "/intents.json"
        let export = runTool(["export", knee.pick, "--data", Self.data, "--litellm", config, "--intents", intents] + Self.modelIDs)
        #expect(export.status == 0, "\(export.err)")
        #expect(export.err.isEmpty)
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        #expect(yaml.contains("      model: \"bedrock/arn:aws:bedrock:us-east-1:123456789012:provisioned-model/haiku-ft\"\n"))
        #expect(!yaml.contains("api_key"))
        let fromConfiguration = runTool(["check", knee.pick, "--data", Self.data, "--json"])
        let fromTable = runTool(["check", intents, "--data", Self.data, "--json"])
        let fromGateway = runTool(["check", "--litellm", config, "--data", Self.data, "--json"])
        #expect(fromConfiguration.status == 0 && fromTable.status == 0 && fromGateway.status == 0, "\(fromGateway.err)")
        #expect(fromTable.out == fromConfiguration.out)
        #expect(fromGateway.out == fromConfiguration.out)
        #expect(fromTable.err.isEmpty)
        // The same input gives the same bytes; the front's knee gives the same intents.
        let again = knee.directory + "/again.yaml"
        _ = runTool(["export", knee.pick, "--data", Self.data, "--litellm", again] + Self.modelIDs)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(contentsOf: URL(fileURLWithPath: config)))
        let viaFront = runTool(["export", "--front", knee.front, "--knee", "--data", Self.data, "--intents", "-"])
        #expect(viaFront.status == 0)
        let table = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: intents))) as? [String: Any])
        let front = try #require(try JSONSerialization.jsonObject(with: Data(viaFront.out.utf8)) as? [String: Any])
        #expect(front["monthly_cost_usd"] as? Double == table["monthly_cost_usd"] as? Double)
        #expect((front["source"] as? String)?.hasPrefix("the knee, point #") == true)
        // A table whose recorded figures the data no longer gives is noted.
        let moved = try String(contentsOfFile: intents, encoding: .utf8).replacingOccurrences(of: "\"monthly_cost_usd\": ", with: "\"monthly_cost_usd\": 1")
        try moved.write(toFile: knee.directory + "/moved.json", atomically: true, encoding: .utf8)
        let noted = runTool(["check", knee.directory + "/moved.json", "--data", Self.data])
        #expect(noted.status == 0)
        #expect(noted.err.components(separatedBy: "\n").filter { $0.hasPrefix("note: ") }.count == 11)
    }

    @Test func usageAndDataErrors() throws {
        let directory = try Paths.temporaryDirectory()
        let route = directory + "/route.json"
        try #"{"intents": {"faq": {"route": {"share": 0.3, "low": {"model": "small", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}, "high": {"model": "big", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}}}, "chat": {"model": "small", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}"#
            .write(toFile: route, atomically: true, encoding: .utf8)
        #expect(runTool(["export", "--data", Paths.tiny]).status == 64)
        #expect(runTool(["export", route, "--knee", "--data", Paths.tiny]).status == 64)
        let key = runTool(["export", route, "--data", Paths.tiny, "--api-key-env", "sk-ant-0123"])
        #expect(key.status == 64)
        #expect(key.err.hasPrefix("paretoroute: --api-key-env: 'sk-ant-0123' is not NAME or MODEL=NAME"))
        let unknown = runTool(["export", route, "--data", Paths.tiny, "--model-id", "huge=x/y"])
        #expect(unknown.err == "paretoroute: --model-id: 'huge' is not a model of the data; expected one of big, small, tuned\n")
        let config = directory + "/config.yaml"
        let export = runTool(["export", route, "--data", Paths.tiny, "--litellm", config])
        #expect(export.status == 0)
        #expect(export.err == "note: small, big name(s) no provider (provider/model); LiteLLM refuses a model it does not know: give models.csv provider_ids or --model-id MODEL=provider/id\n")
        // A routed configuration, its intent table and its LiteLLM config check alike.
        let intents = directory + "/intents.json"
        #expect(runTool(["export", route, "--data", Paths.tiny, "--intents", intents]).status == 0)
        let fromConfiguration = runTool(["check", route, "--data", Paths.tiny, "--json"])
        let fromTable = runTool(["check", intents, "--data", Paths.tiny, "--json"])
        let fromGateway = runTool(["check", "--litellm", config, "--data", Paths.tiny, "--json"])
        #expect(fromConfiguration.status == 0, "\(fromConfiguration.err)")
        #expect(fromTable.out == fromConfiguration.out && fromTable.status == 0)
        #expect(fromGateway.out == fromConfiguration.out && fromGateway.status == 0, "\(fromGateway.err)")
        #expect(runTool(["export", route, "--data", Paths.tiny, "--litellm", route]).status == 64)
        #expect(runTool(["ladder", "--budget", "100", "--data", Paths.tiny, "--switch-at", "0.5"]).status == 64)
    }
}

/// The exported configs loaded in LiteLLM's Router, offline, by scripts/litellm_check.py.
@Suite(.serialized, .enabled(if: LiteLLMEnvironment.python != nil, "needs the litellm venv at BenchData/litellm-venv (python3 -m venv; pip install litellm PyYAML), which .ci/run creates"))
struct LiteLLMRouterTests {
    @Test func theDefaultKneeLoadsWithEveryIntentsGroupAndSettings() throws {
        let knee = try #require(ExportCommandTests.knee)
        let config = knee.directory + "/router.yaml", intents = knee.directory + "/router.json"
        #expect(runTool(["export", knee.pick, "--data", ExportCommandTests.data, "--litellm", config, "--intents", intents,
                         "--api-key-env", "AWS_BEARER_TOKEN_BEDROCK"] + ExportCommandTests.modelIDs).status == 0)
        let result = try LiteLLMEnvironment.check([config, intents])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("router.yaml: 10 intents checked, 10 model groups loaded\n"))
        #expect(result.out.hasSuffix("0 failure(s)\n"))
    }

    @Test func aShareRoutesTrafficSplitsWithinThreePoints() throws {
        let directory = try Paths.temporaryDirectory()
        let route = directory + "/route.json", config = directory + "/config.yaml", intents = directory + "/intents.json"
        try #"{"intents": {"faq": {"route": {"share": 0.3, "low": {"model": "small", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}, "high": {"model": "big", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}}}, "chat": {"model": "small", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}"#
            .write(toFile: route, atomically: true, encoding: .utf8)
        let ids = ["--model-id", "big=anthropic/claude-3-5-sonnet-20241022", "--model-id", "small=anthropic/claude-3-haiku-20240307"]
        #expect(runTool(["export", route, "--data", Paths.tiny, "--litellm", config, "--intents", intents] + ids).status == 0)
        let result = try LiteLLMEnvironment.check([config, intents])
        #expect(result.status == 0, "\(result.out)")
        let line = try #require(result.out.split(separator: "\n").first { $0.contains("calls to high") })
        #expect(line.hasPrefix("ok config.yaml: intent/faq: "))
        let count = try #require(Int(line.split(separator: ":")[2].split(separator: " ")[0]))
        #expect(abs(Double(count) / 2000 - 0.3) <= 0.03, "\(line)")
        // The check can fail: the weights swapped send 70 % to high.
        let swapped = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "weight: 0.7", with: "weight: X").replacingOccurrences(of: "weight: 0.3", with: "weight: 0.7")
            .replacingOccurrences(of: "weight: X", with: "weight: 0.3")
        try swapped.write(toFile: config, atomically: true, encoding: .utf8)
        let failed = try LiteLLMEnvironment.check([config, intents])
        #expect(failed.status == 1)
        #expect(failed.out.contains("FAIL config.yaml: intent/faq: "))
    }

    @Test func aThresholdRoutesTwoGroupsCarryTheRouter() throws {
        let directory = try Paths.temporaryDirectory()
        let data = directory + "/data"
        try FileManager.default.copyItem(atPath: Paths.tiny, toPath: data)
        try "intent,router,sample_id,score\nfaq,complexity,q1,0.7\nfaq,complexity,q2,0.2\n".write(toFile: data + "/routers.csv", atomically: true, encoding: .utf8)
        let route = directory + "/route.json", config = directory + "/config.yaml", intents = directory + "/intents.json"
        try #"{"intents": {"faq": {"route": {"router": "complexity", "threshold": 0.5, "low": {"model": "small", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}, "high": {"model": "big", "max_tokens": 250, "temperature": 0.1, "rag_chunks": 0}}}, "chat": {"model": "small", "max_tokens": 150, "temperature": 0.7, "rag_chunks": 2}}}"#
            .write(toFile: route, atomically: true, encoding: .utf8)
        let ids = ["--model-id", "big=anthropic/claude-3-5-sonnet-20241022", "--model-id", "small=anthropic/claude-3-haiku-20240307"]
        let export = runTool(["export", route, "--data", data, "--litellm", config, "--intents", intents] + ids)
        #expect(export.status == 0, "\(export.err)")
        let result = try LiteLLMEnvironment.check([config, intents])
        #expect(result.status == 0, "\(result.out)")
        #expect(result.out.contains("config.yaml: 2 intents checked, 3 model groups loaded\n"))
    }

    @Test func everyModeOfTheDefaultLadderLoads() throws {
        let directory = try Paths.temporaryDirectory() + "/modes"
        let ladder = runTool(["ladder", "--budget", "30000", "--data", ExportCommandTests.data, "--export", directory] + ExportCommandTests.modelIDs)
        #expect(ladder.status == 0, "\(ladder.err)")
        let result = try LiteLLMEnvironment.check(["--modes", directory])
        #expect(result.status == 0, "\(result.out)")
        for mode in ["normal", "cache_aggressive", "cost_saving", "emergency"] {
            #expect(result.out.contains("\(mode): 10 intents checked, 10 model groups loaded\n"))
        }
    }
}

/// The venv `.ci/run` makes for the LiteLLM checks: BenchData/litellm-venv at the repository root.
enum LiteLLMEnvironment {
    static let repository = Paths.tests.deletingLastPathComponent()
    static let python: String? = {
        let path = repository.appendingPathComponent("BenchData/litellm-venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// Runs scripts/litellm_check.py with `arguments`; returns its status and stdout.
    static func check(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/nonexistent")
        process.arguments = [repository.appendingPathComponent("scripts/litellm_check.py").path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        environment["PYTHONWARNINGS"] = "ignore"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
