import Foundation
import ParetoRoute

/// The `paretoroute` command: dispatches to a subcommand and maps errors to exit statuses.
enum CommandLineTool {
    static let commands: [(name: String, summary: String)] = [
        ("validate", "load and check a data directory, summarize it"),
        ("evaluate", "figures of one configuration"),
        ("optimize", "the Pareto front by NSGA-II"),
        ("exact", "the exact Pareto front by dynamic programming"),
        ("pick", "choose a point of a front by budget, quality or knee"),
        ("check", "is a configuration dominated, and what could it save"),
        ("diff", "what changed between two fronts"),
        ("compare", "two eval runs compared cell by cell on shared golden samples"),
        ("cells", "the derived cell table: one row per evaluated setting"),
        ("report", "an interactive HTML report of a saved front"),
        ("import", "turn Inspect AI or promptfoo results into a new evals file"),
        ("project", "month-by-month cost distribution of a configuration (Monte Carlo)"),
        ("ladder", "degrade ladder: the best configuration at each fraction of a budget"),
        ("export", "a LiteLLM config and the orchestrator's intent table of a pick"),
        ("usage", "what production spends, from request logs; A10's anomalies"),
        ("calibrate", "a data directory with the volumes and hit rates logs observed"),
    ]

    static let usage = """
        paretoroute: the Pareto front of monthly cost vs weighted quality for per-intent LLM settings

        usage: paretoroute <command> [options]

        commands:
        \(commands.map { "  " + $0.name.padding(8) + "  " + $0.summary }.joined(separator: "\n"))

        Run 'paretoroute <command> --help' for a command's options; 'paretoroute --version'
        prints the version.
        Data defaults to ./GoldenData. Exit status: 0 ok, 1 no answer, 3 a gate failed
        (check --fail-if-dominated or --fail-if-infeasible, diff --fail-if-worse,
        usage --fail-on-anomaly),
        64 usage, 65 bad data or nothing feasible, 66 missing input, 73 cannot write,
        74 read error.

        """

    /// Runs the tool with `arguments` (without the program name); returns the exit status.
    static func run(_ arguments: [String], console: Console) -> Int32 {
        var arguments = arguments
        var console = console
        do {
            console.width = try OutputWidth.extract(
                from: &arguments, environment: ProcessInfo.processInfo.environment,
                stdoutIsTerminal: console.outIsTerminal, terminalColumns: OutputWidth.terminalColumns)
        } catch {
            // A typed line break in the quoted value must not split the one-line error.
            console.err("paretoroute: \(DataError.oneLine(String(describing: error)))\n")
            return ExitStatus.usage
        }
        guard let name = arguments.first else {
            // An error is one line, also when only global flags were given (`paretoroute --wide`).
            console.err("paretoroute: expected a command (\(commands.map(\.name).joined(separator: ", "))); see 'paretoroute --help'\n")
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        if name == "--help" || name == "-h" || name == "help" {
            console.out(fitted(usage, width: console.width))
            return ExitStatus.ok
        }
        if name == "--version" {
            console.out("paretoroute \(ToolVersion.current)\n")
            return ExitStatus.ok
        }
        do {
            switch name {
            case "validate": return try ValidateCommand.run(rest, console: console)
            case "evaluate": return try EvaluateCommand.run(rest, console: console)
            case "cells": return try CellsCommand.run(rest, console: console)
            case "optimize": return try OptimizeCommand.run(rest, console: console)
            case "exact": return try ExactCommand.run(rest, console: console)
            case "pick": return try PickCommand.run(rest, console: console)
            case "check": return try CheckCommand.run(rest, console: console)
            case "export": return try ExportCommand.run(rest, console: console)
            case "diff": return try DiffCommand.run(rest, console: console)
            case "compare": return try CompareCommand.run(rest, console: console)
            case "report": return try ReportCommand.run(rest, console: console)
            case "import": return try ImportCommand.run(rest, console: console)
            case "project": return try ProjectCommand.run(rest, console: console)
            case "ladder": return try LadderCommand.run(rest, console: console)
            case "usage": return try UsageCommand.run(rest, console: console)
            case "calibrate": return try CalibrateCommand.run(rest, console: console)
            default:
                throw UsageError("unknown command '\(name)'; run 'paretoroute --help'")
            }
        } catch let error as UsageError {
            // The message quotes what was typed, which may hold line breaks: keep it one line.
            console.err("paretoroute: \(DataError.oneLine(error.description))\n")
            return ExitStatus.usage
        } catch let error as RequestError {
            console.err("paretoroute: \(ScopeOptions.flags(of: error)): \(DataError.oneLine(error.message))\n")
            return ExitStatus.usage
        } catch let errors as DataErrors {
            for error in errors.errors { console.err("paretoroute: \(error)\n") }
            return ExitStatus.badData
        } catch let error as DataError {
            console.err("paretoroute: \(error)\n")
            switch error.kind {
            case .badData: return ExitStatus.badData
            case .missingInput: return ExitStatus.missingInput
            case .readFailure: return ExitStatus.readFailure
            case .writeFailure: return ExitStatus.cannotWrite
            case .badRequest: return ExitStatus.usage
            }
        } catch {
            console.err("paretoroute: \(DataError.oneLine(String(describing: error)))\n")
            return ExitStatus.badData
        }
    }

    /// Prints `help` and returns true when `--help` is among `arguments`.
    static func helpRequested(_ arguments: [String], help: String, console: Console) -> Bool {
        guard arguments.contains("--help") || arguments.contains("-h") else { return false }
        let body = help.hasSuffix("\n\n") ? String(help.dropLast()) : help
        console.out(fitted(body + OutputWidth.help(column: OutputWidth.descriptionColumn(of: help)) + "\n", width: console.width))
        return true
    }

    /// A help text fitted to `width` columns. Unchanged when every line fits; else each
    /// paragraph (prose lines, or an option and the lines continuing its description) is
    /// joined and wrapped again: an option's description continues under its description
    /// column, a usage line under its command, prose under itself.
    static func fitted(_ help: String, width: Int?) -> String {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let width, lines.contains(where: { $0.count > width }) else { return help }
        let column = OutputWidth.descriptionColumn(of: help)
        func lead(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func isOption(_ line: String) -> Bool { line.hasPrefix("  -") }
        func isUsage(_ line: String) -> Bool { line.hasPrefix("usage: ") || line.hasPrefix("       paretoroute") }
        func isProse(_ line: String) -> Bool { !line.isEmpty && lead(line) == 0 && !isUsage(line) }
        var output: [String] = []
        var k = 0
        while k < lines.count {
            var paragraph = lines[k]
            var indent = 0
            if isOption(paragraph) {
                indent = max(0, column - lead(paragraph))
                // Description lines of this option sit at the description column.
                while k + 1 < lines.count, lead(lines[k + 1]) >= column, !isOption(lines[k + 1]) {
                    paragraph += " " + lines[k + 1].drop { $0 == " " }
                    k += 1
                }
            } else if isUsage(paragraph) {
                indent = 8
            } else if isProse(paragraph) {
                while k + 1 < lines.count, isProse(lines[k + 1]) {
                    paragraph += " " + lines[k + 1]
                    k += 1
                }
            }
            output += wrapText(paragraph, width: width, indent: indent, listBreaks: false)
            k += 1
        }
        return output.joined(separator: "\n")
    }
}

extension String {
    /// Pads on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
