import Foundation
import Testing

/// `validate` prints, byte for byte, what it printed before its noise screen was made cheap
/// (issue 14): the expected files were written by the release build of the code before that change
/// (the tiny ones again after a9d1497, which made a single-sample cell's interval unbounded, by the full
/// bootstrap of every cell). The intent table's layout is issue 19's (every column as wide as its
/// longest entry, figures ending under their headers): only its padding differs from before. An
/// unbounded quality interval (one sample) reads `[n/a: one sample]`, no longer `[?, ?]`.
@Suite struct ValidateOutputTests {
    private func expected(_ name: String) throws -> String {
        try String(contentsOfFile: Paths.fixture("validate/" + name), encoding: .utf8)
    }

    @Test func tinyFixtureTextAndJSONAreUnchanged() throws {
        let text = runTool(["validate", "--data", Paths.tiny])
        #expect(text.status == 0)
        #expect(text.out == (try expected("tiny.txt")))
        let json = runTool(["validate", "--data", Paths.tiny, "--json"])
        #expect(json.out == (try expected("tiny.json")))
    }

    @Test func defaultDataTextAndJSONAreUnchanged() throws {
        let data = Paths.tests.deletingLastPathComponent().appendingPathComponent("GoldenData").path
        let text = runTool(["validate", "--data", data])
        #expect(text.status == 0)
        #expect(text.out == (try expected("default.txt")))
        let json = runTool(["validate", "--data", data, "--json"])
        #expect(json.out == (try expected("default.json")))
    }
}
