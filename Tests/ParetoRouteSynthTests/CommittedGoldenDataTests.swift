import Foundation
import ParetoRouteSynth
import Testing

/// GoldenData/ must be exactly what `paretoroute-synth --preset default` writes.
@Suite struct CommittedGoldenDataTests {
    @Test func committedFilesEqualARegeneration() throws {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GoldenData")
        for file in try DataSetGenerator(spec: Preset.golden.spec()).files() {
            let url = root.appendingPathComponent(file.relativePath)
            let committed = try Data(contentsOf: url)
            #expect(committed.count == file.bytes.count, "\(file.relativePath)")
            #expect(Array(committed) == file.bytes, "\(file.relativePath) differs; regenerate with paretoroute-synth --preset default --out GoldenData")
        }
    }
}
