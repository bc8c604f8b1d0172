import Foundation

/// The design doc's A10 mode table from a degrade ladder: step k of the ladder is mode k,
/// switched on when the day's spend reaches a share of a daily cap (A10: normal, then
/// cache-aggressive at 70 %, cost-saving at 85 %, emergency at 95 %, and a fifth step at
/// 100 %), with the intents it changes and one LiteLLM config per mode.
///
/// The budget guard keeps today's spend and swaps the gateway's config when a share is
/// crossed; every mode is a point the exact front evaluated, so each swap deploys figures
/// that were checked, not a hand edit.
public struct ModeTable: Sendable {
    /// One mode.
    public struct Mode: Sendable {
        /// `normal`, `cache_aggressive`, … (A10's names, then `mode_6`, …).
        public var name: String
        /// The share of the daily cap at which the mode switches on (0 for the first).
        public var switchShare: Double
        /// The ladder step's fraction of the monthly budget.
        public var budgetFraction: Double
        /// fraction × budget.
        public var monthlyCapUSD: Double
        /// The mode's configuration, evaluated.
        public var deployment: Deployment
        /// Intents whose setting differs from the mode before: name, before, after.
        public var changes: [(intent: String, from: IntentOption, to: IntentOption)]

        /// The mode's LiteLLM config file name: `<name>.litellm.yaml`.
        public var configFile: String { name + ".litellm.yaml" }
    }

    /// A10's mode names, in order.
    public static let defaultNames = ["normal", "cache_aggressive", "cost_saving", "emergency", "cap_reached"]
    /// A10's switch shares of the daily cap, in order (the first mode is on from the start).
    public static let defaultSwitchShares = [0, 0.70, 0.85, 0.95, 1.0]
    /// The table's file name in an export directory.
    public static let fileName = "modes.json"

    /// The monthly budget of the ladder.
    public var budgetUSD: Double
    /// The daily cap the switch shares apply to.
    public var dailyCapUSD: Double
    /// The modes, one per answered ladder step.
    public var modes: [Mode]

    /// The modes of `ladder` (built on `table`).
    ///
    /// - Parameters:
    ///   - dailyCapUSD: the daily cap; nil takes the ladder's monthly budget / 30.
    ///   - switchShares: the shares at which modes 2, 3, … switch on, increasing, in (0, 1];
    ///     nil takes A10's 70 %, 85 %, 95 %, 100 % (enough for five steps).
    /// - Throws: ``RequestError`` on ``RequestError/Option/dailyCap`` or
    ///   ``RequestError/Option/switchShares`` (wrong count, not increasing, out of range).
    public init(ladder: DegradeLadder, table: CellTable, dailyCapUSD: Double? = nil, switchShares: [Double]? = nil) throws {
        let steps = ladder.steps.count
        let cap = dailyCapUSD ?? ladder.budgetUSD / 30
        guard cap > 0, cap.isFinite else {
            throw RequestError([.dailyCap], "\(formatNumber(cap)) is not a daily cap; expected a number of USD > 0")
        }
        let shares: [Double]
        if let switchShares {
            guard switchShares.count >= steps - 1 else {
                throw RequestError([.switchShares], "\(switchShares.count) share(s) for \(steps) ladder steps; expected \(max(0, steps - 1)), one per mode after the first")
            }
            guard switchShares.allSatisfy({ $0 > 0 && $0 <= 1 }), zip(switchShares, switchShares.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw RequestError([.switchShares], "\(switchShares.map(formatNumber).joined(separator: ",")) are not increasing shares in (0, 1]; expected e.g. 0.7,0.85,0.95")
            }
            shares = [0] + switchShares
        } else {
            guard steps <= ModeTable.defaultSwitchShares.count else {
                throw RequestError([.switchShares], "A10 names 5 modes, the ladder has \(steps) steps; expected \(steps - 1) switch shares")
            }
            shares = ModeTable.defaultSwitchShares
        }
        var modes: [Mode] = []
        var before: Configuration?
        for (k, step) in ladder.steps.enumerated() {
            let configuration = table.configuration(of: step.score.choice)
            var deployment = try Deployment(configuration: configuration, table: table, file: "ladder")
            let name = k < ModeTable.defaultNames.count ? ModeTable.defaultNames[k] : "mode_\(k + 1)"
            deployment.source = "the degrade ladder's step \(formatNumber(step.fraction)) (mode \(name))"
            let changes: [(intent: String, from: IntentOption, to: IntentOption)] = before.map { previous in
                zip(previous.entries, configuration.entries).filter { $0.option != $1.option }.map { ($1.intent, $0.option, $1.option) }
            } ?? []
            modes.append(Mode(name: name, switchShare: shares[k], budgetFraction: step.fraction, monthlyCapUSD: step.capUSD,
                              deployment: deployment, changes: changes))
            before = configuration
        }
        budgetUSD = ladder.budgetUSD
        self.dailyCapUSD = cap
        self.modes = modes
    }

    /// The table as JSON: per mode its name, switch share and amount, the ladder step, the
    /// expected cost and quality, the intents it changes, its config file and its configuration.
    public var json: JSONValue {
        .object([
            ("format", .string("paretoroute-modes/1")),
            ("monthly_budget_usd", .number(budgetUSD)),
            ("daily_cap_usd", .number(dailyCapUSD)),
            ("modes", .array(modes.map { mode in
                .object([
                    ("name", .string(mode.name)),
                    ("switch_at_share", .number(mode.switchShare)),
                    ("switch_at_usd", .number(mode.switchShare * dailyCapUSD)),
                    ("budget_fraction", .number(mode.budgetFraction)),
                    ("monthly_cap_usd", .number(mode.monthlyCapUSD)),
                    ("expected_monthly_cost_usd", .number(mode.deployment.monthlyCostUSD)),
                    ("quality", .number(mode.deployment.quality)),
                    ("changes", .array(mode.changes.map { change in
                        .object([("intent", .string(change.intent)), ("from", Configuration.json(of: change.from)),
                                 ("to", Configuration.json(of: change.to))])
                    })),
                    ("litellm_config", .string(mode.configFile)),
                    ("intents", .object(mode.deployment.entries.map { ($0.intent, Configuration.json(of: $0.option)) })),
                ])
            })),
        ])
    }

    /// The table as text: one line per mode, its changes under it, within 80 columns.
    public var text: String {
        var lines = ["A10 modes: switched at shares of a daily cap of \(formatUSD(dailyCapUSD)); budget \(formatUSD(budgetUSD))/month",
                     "mode               switch at         cap/month   expected  quality  changes"]
        for mode in modes {
            let share = formatFixed(mode.switchShare * 100, decimals: 0) + "%"
            let at = mode.switchShare == 0 ? share : share + " (" + formatUSD(mode.switchShare * dailyCapUSD) + ")"
            lines.append(mode.name.padding(toLength: 17, withPad: " ", startingAt: 0) + " " + padLeft(at, 12)
                + padLeft(formatUSD(mode.monthlyCapUSD), 14) + padLeft(formatUSD(mode.deployment.monthlyCostUSD), 11)
                + "  " + formatQuality(mode.deployment.quality) + "   "
                + (mode.switchShare == 0 ? "start" : (mode.changes.isEmpty ? "no change" : "\(mode.changes.count)")))
            lines += mode.changes.map { "    \($0.intent): \($0.from) → \($0.to)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `modes.json` and one `<mode>.litellm.yaml` per mode into `directory`, creating
    /// it when missing; each file is replaced atomically. Returns the paths written.
    /// - Throws: ``DataError`` of kind `.writeFailure`; as ``LiteLLMConfig/render(_:apiKeys:)``.
    @discardableResult
    public func write(to directory: String, apiKeys: APIKeyReferences = APIKeyReferences()) throws -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw DataError(.writeFailure, file: directory, "is not a directory; expected a directory for the mode table and its configs")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw DataError(.writeFailure, file: directory, "cannot create the directory: \(error.localizedDescription)")
            }
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [(String, String)] = [(ModeTable.fileName, json.serialized())]
        for mode in modes { files.append((mode.configFile, try LiteLLMConfig.render(mode.deployment, apiKeys: apiKeys))) }
        for (name, text) in files { try OutputTarget(path: base + name).write(text) }
        return files.map { base + $0.0 }
    }
}
