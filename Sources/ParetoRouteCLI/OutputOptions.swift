import ParetoRoute

/// A command's output options (`--out`, `--csv`, …), checked together before any work.
///
/// Every option takes a path or `-` (standard output, which then carries only that
/// output); two options naming one file are a usage error (exit 64) before the search.
struct OutputOptions {
    /// The targets given, by option name (without the dashes).
    private var targets: [String: OutputTarget] = [:]

    /// Reads `names` from `args` and validates them all (directories, one file per output).
    /// `printFlags` are flags that print an output on stdout (`--json`), as if given `-`.
    init(_ args: Arguments, names: [String], printFlags: [String] = []) throws {
        var ordered: [OutputTarget] = []
        for name in names {
            guard let path = args.value(name) else { continue }
            let target = OutputTarget(path: path, option: "--" + name)
            targets[name] = target
            ordered.append(target)
        }
        for name in printFlags where args.flag(name) {
            let target = OutputTarget(path: "-", option: "--" + name)
            targets[name] = target
            ordered.append(target)
        }
        try OutputTarget.validate(ordered)
    }

    /// Checks, before any work, that no output names a file the command reads: `inputs`
    /// pairs each input's path with what it is ("a data file"); `allowed` names the
    /// (output option, input path) pairs that may coincide (`optimize --warm-start F
    /// --out F`, the natural rerun, written atomically after the input was read).
    func protect(_ inputs: [(path: String, role: String)], allowing allowed: [(option: String, path: String)] = []) throws {
        for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
            for input in inputs where !allowed.contains(where: { $0.option == name && $0.path == input.path }) {
                try target.checkNotOverwriting(input: input.path, role: input.role)
            }
        }
    }

    /// The inputs every data-reading command shares: the data directory's files.
    static func dataFiles(_ directory: String) -> [(path: String, role: String)] {
        GoldenDataLoader.files(directory: directory).map { ($0, "a data file") }
    }

    /// Whether some option took standard output (`-`), so nothing else may go there.
    var claimsStandardOutput: Bool { targets.values.contains(where: \.isStandardOutput) }

    /// Whether `name` was given.
    func contains(_ name: String) -> Bool { targets[name] != nil }

    /// Writes `text` to the target of `name`, if given: `-` through the console.
    func write(_ name: String, console: Console, _ text: @autoclosure () -> String) throws {
        guard let target = targets[name] else { return }
        if target.isStandardOutput {
            console.out(text())
        } else {
            try target.write(text())
        }
    }

    /// Writes what `produce` hands its sink, chunk by chunk, to the target of `name`, if given.
    func write(_ name: String, console: Console, streaming produce: (([UInt8]) throws -> Void) throws -> Void) throws {
        guard let target = targets[name] else { return }
        if target.isStandardOutput {
            try produce { console.out(String(decoding: $0, as: UTF8.self)) }
        } else {
            try target.write(produce)
        }
    }
}
