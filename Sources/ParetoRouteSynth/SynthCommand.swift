import Foundation

/// The `paretoroute-synth` command line: parsed options and the run that writes a data directory.
///
/// Lives in the library so that parsing, exit codes and messages are tested; the executable only
/// forwards its arguments to ``main(arguments:standardOutput:standardError:)``.
public struct SynthCommand: Sendable, Hashable {
    /// Which data set to write.
    public var preset: Preset
    /// Seed of every random draw.
    public var seed: UInt64
    /// Samples per cell; `nil` takes the preset's default.
    public var samplesPerCell: Int?
    /// Directory to write into (created if needed).
    public var outputDirectory: String

    /// Creates a command.
    public init(preset: Preset, seed: UInt64 = ChatbotPreset.defaultSeed, samplesPerCell: Int? = nil,
                outputDirectory: String) {
        self.preset = preset
        self.seed = seed
        self.samplesPerCell = samplesPerCell
        self.outputDirectory = outputDirectory
    }

    /// The `--help` text.
    public static let usage = """
        usage: paretoroute-synth --out DIR [--preset default|benchmark|multifee|small] [--seed N] [--samples N]

        Writes a golden data directory (models.csv, intents.csv, evals/0001-*.csv) from a preset.
        The same preset, seed and samples always write the same bytes.

          --out DIR        directory to write (created if needed; other files in it are kept)
          --preset NAME    default    the design doc's chatbot, committed as GoldenData/ (200 samples)
                           benchmark  40 intents x 6 models x 60 settings, for timings (50 samples)
                           multifee   the same size, two fee-paying models whose cheap end avoids
                                      the $7,000 fee, for the search (50 samples)
                           small      3 intents x 2 models x 8 settings, for tests (20 samples)
                           (default: default)
          --seed N         unsigned 64-bit seed (default: \(ChatbotPreset.defaultSeed))
          --samples N      golden samples per cell, 1...\(DataSetSpec.maxSamplesPerCell) (default: the preset's)
          --help           show this text

        Regenerate the committed data:  swift run -c release paretoroute-synth --preset default --out GoldenData
        Benchmark data (git-ignored):   swift run -c release paretoroute-synth --preset benchmark --out BenchData/benchmark
                                        swift run -c release paretoroute-synth --preset multifee --out BenchData/multifee

        Exit status: 0 written, 64 usage error, 73 cannot write.
        """

    /// Parses arguments (without the program name); `nil` means `--help` was asked for.
    public static func parse(_ arguments: [String]) throws(SynthError) -> SynthCommand? {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { return nil }
            guard argument.hasPrefix("--") else {
                throw .usage("unexpected argument \"\(argument)\"")
            }
            var name = String(argument.dropFirst(2))
            var value: String
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            } else {
                guard index < arguments.count else { throw .usage("--\(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            guard ["out", "preset", "seed", "samples"].contains(name) else {
                throw .usage("unknown option --\(name)")
            }
            guard values[name] == nil else { throw .usage("--\(name) given twice") }
            values[name] = value
        }
        guard let out = values["out"], !out.isEmpty else { throw .usage("--out DIR is required") }
        var command = SynthCommand(preset: .golden, outputDirectory: out)
        if let text = values["preset"] {
            guard let preset = Preset(rawValue: text) else {
                throw .usage("--preset must be default, benchmark, multifee or small, got \"\(text)\"")
            }
            command.preset = preset
        }
        if let text = values["seed"] {
            guard text.allSatisfy(\.isASCII), let seed = UInt64(text) else {
                throw .usage("--seed must be an unsigned 64-bit integer, got \"\(text)\"")
            }
            command.seed = seed
        }
        if let text = values["samples"] {
            guard text.allSatisfy(\.isASCII), let samples = Int(text),
                  (1...DataSetSpec.maxSamplesPerCell).contains(samples) else {
                throw .usage("--samples must be an integer in 1...\(DataSetSpec.maxSamplesPerCell), got \"\(text)\"")
            }
            command.samplesPerCell = samples
        }
        return command
    }

    /// Writes the data directory and returns a one-line summary.
    public func run() throws(SynthError) -> String {
        let spec = preset.spec(seed: seed, samplesPerCell: samplesPerCell)
        let generator = try DataSetGenerator(spec: spec)
        try generator.write(toDirectory: outputDirectory)
        let cells = spec.intents.count * spec.models.count * spec.grid.count
        return "wrote \(outputDirectory): preset \(preset.rawValue), seed \(seed), \(spec.intents.count) intents, "
            + "\(spec.models.count) models, \(spec.grid.count) settings per model, "
            + "\(spec.samplesPerCell) samples per cell, \(cells * spec.samplesPerCell) eval rows"
    }

    /// Runs the tool: parse, write, report; returns the process exit status (0, 64 or 73).
    public static func main(
        arguments: [String],
        standardOutput: (String) -> Void = { print($0) },
        standardError: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) -> Int32 {
        do {
            guard let command = try parse(arguments) else {
                standardOutput(usage)
                return 0
            }
            standardOutput(try command.run())
            return 0
        } catch {
            standardError("paretoroute-synth: \(error.description)")
            return error.exitCode
        }
    }
}
