import Foundation
import ParetoRouteSynth
import Testing

@Suite struct SynthCommandTests {
    private func run(_ arguments: [String]) -> (status: Int32, output: [String], errors: [String]) {
        var output: [String] = []
        var errors: [String] = []
        let status = SynthCommand.main(arguments: arguments, standardOutput: { output.append($0) },
                                       standardError: { errors.append($0) })
        return (status, output, errors)
    }

    @Test func parsesEveryOptionInBothSpellings() throws {
        let command = try SynthCommand.parse(["--preset", "benchmark", "--seed=42", "--samples", "7", "--out=x"])
        #expect(command == SynthCommand(preset: .benchmark, seed: 42, samplesPerCell: 7, outputDirectory: "x"))
        #expect(try SynthCommand.parse(["--out", "GoldenData"])
            == SynthCommand(preset: .golden, seed: 1, samplesPerCell: nil, outputDirectory: "GoldenData"))
        #expect(try SynthCommand.parse(["--out", "x", "--help"]) == nil)
    }

    @Test(arguments: [
        [], ["--preset", "default"], ["--out"], ["--out", "x", "--out", "y"], ["--out", "x", "--preset", "huge"],
        ["--out", "x", "--seed", "-1"], ["--out", "x", "--seed", "1e3"], ["--out", "x", "--samples", "0"],
        ["--out", "x", "--samples", "100001"], ["--out", "x", "--verbose", "1"], ["x"],
    ])
    func usageErrorsExit64WithOneLine(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("paretoroute-synth: usage error: ") == true)
        #expect(result.errors.first?.contains("\n") == false)
    }

    @Test func helpGoesToStandardOutput() {
        let result = run(["--help"])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        #expect(result.output.first?.contains("--preset default --out GoldenData") == true)
    }

    @Test func unwritableDirectoryExits73() throws {
        let blocker = FileManager.default.temporaryDirectory
            .appendingPathComponent("synth-blocker-\(ProcessInfo.processInfo.processIdentifier)")
        try Data("a file, not a directory".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let result = run(["--preset", "small", "--out", blocker.appendingPathComponent("data").path])
        #expect(result.status == 73)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("paretoroute-synth: cannot write ") == true)
    }

    @Test func writesTheSmallPresetAndKeepsOtherFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("synth-out-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let later = directory.appendingPathComponent("evals/0002-rerun.csv")
        try FileManager.default.createDirectory(at: later.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: later)
        let result = run(["--preset", "small", "--samples", "5", "--out", directory.path])
        #expect(result.status == 0)
        #expect(result.output == ["wrote \(directory.path): preset small, seed 1, 3 intents, 2 models, "
            + "8 settings per model, 5 samples per cell, 240 eval rows"])
        let expected = try DataSetGenerator(spec: Preset.small.spec(samplesPerCell: 5)).files()
        for file in expected {
            #expect(Array(try Data(contentsOf: directory.appendingPathComponent(file.relativePath))) == file.bytes)
        }
        #expect(try Data(contentsOf: later) == Data("kept".utf8))
    }
}
