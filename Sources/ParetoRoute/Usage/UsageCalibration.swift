import Foundation

/// intents.csv's volumes and response-cache hit rates as the request logs observed them.
///
/// A day is a calendar day at the ledger's UTC offset (UTC by default). Only whole days
/// count: every day between the first and the last, and those two only when the logs reach
/// into their first hour (00:00–00:59) and their last hour (23:00–23:59). An intent's daily
/// volume is its requests on whole days over the number of whole days (a day without its
/// requests counts as 0); its hit rate is its cache hits over its requests on those days.
public struct UsageCalibration: Sendable {
    /// One intent's figures before and after.
    public struct Row: Sendable, Hashable {
        /// The intent.
        public var intent: String
        /// intents.csv's daily volume.
        public var plannedDailyVolume: Double
        /// The observed daily volume (nil: the logs have no request of the intent).
        public var observedDailyVolume: Double?
        /// intents.csv's response-cache hit rate.
        public var plannedHitRate: Double
        /// The observed hit rate.
        public var observedHitRate: Double?
        /// Requests of the intent on whole days.
        public var requests: Int
    }

    /// The data's intents, in intents.csv's order.
    public var rows: [Row]
    /// Whole days the figures come from.
    public var wholeDays: Int
    /// Intents in the logs but not in the data (not written).
    public var unknownIntents: [String]

    /// The observed hit rate is capped here: the contract wants a rate below 1.
    public static let maxHitRate = 0.9999

    /// The calibration of `ledger`'s whole days against `intents`.
    /// - Throws: ``DataError`` (`.badData`) when the logs cover no whole day.
    public init(ledger: UsageLedger, intents: [Intent]) throws {
        let summary = UsageSummary(ledger: ledger)
        let firstDay = ledger.firstTime.isFinite ? UsageLedger.floorDiv(Int(ledger.firstTime.rounded(.down)), 86400) : 0
        let whole = Set(summary.days.enumerated().filter { $0.element.whole }.map { firstDay + $0.offset })
        guard !whole.isEmpty else {
            throw DataError(.badData, file: "logs", "cover no whole day (a day from its first to its last hour); expected at least one")
        }
        var byIntent: [String: (requests: Int, hits: Int)] = [:]
        for (key, tally) in ledger.days.sorted(by: { $0.key < $1.key }) where whole.contains(key >> 16) {
            let name = ledger.intentNames[key & 0xFFFF]
            byIntent[name, default: (0, 0)].requests += tally.requests
            byIntent[name, default: (0, 0)].hits += tally.cacheHits
        }
        let days = Double(whole.count)
        rows = intents.map { intent in
            let observed = byIntent[intent.name]
            return Row(intent: intent.name, plannedDailyVolume: intent.dailyVolume,
                       observedDailyVolume: observed.map { Double($0.requests) / days },
                       plannedHitRate: intent.responseCacheHitRate,
                       observedHitRate: observed.flatMap { $0.requests > 0 ? min(Self.maxHitRate, Double($0.hits) / Double($0.requests)) : nil },
                       requests: observed?.requests ?? 0)
        }
        wholeDays = whole.count
        let known = Set(intents.map(\.name))
        unknownIntents = byIntent.keys.filter { !known.contains($0) }.sorted()
    }

    /// Writes a new data directory at `output`: `data`'s files copied unchanged, except
    /// intents.csv, whose `daily_volume` and `cache_hit_rate` become the observed figures
    /// (intents the logs never saw keep theirs).
    /// - Throws: ``DataError`` `.writeFailure` when `output` exists (nothing is ever overwritten,
    ///   the data directory included) or cannot be written.
    public func write(data: String, to output: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: output) || (try? manager.destinationOfSymbolicLink(atPath: output)) != nil {
            throw DataError(.writeFailure, file: output, "exists; expected a new directory (calibrate never writes over anything, nor into the data directory)")
        }
        let intentsPath = data + "/intents.csv"
        var lines: [String] = []
        var volumeColumn = 0, rateColumn = 0, intentColumn = 0
        try CSVFile.forEachRecord(path: intentsPath, displayName: intentsPath, hasher: &Self.noHasher) { record in
            var fields = (0..<record.count).map { record.string(at: $0) ?? "" }
            if record.line == 1 {
                let header = try CSVHeader(record, file: intentsPath)
                intentColumn = try header.require("intent")
                volumeColumn = try header.require("daily_volume")
                rateColumn = try header.require("cache_hit_rate")
            } else if let row = rows.first(where: { $0.intent == fields[intentColumn] }) {
                if let volume = row.observedDailyVolume { fields[volumeColumn] = formatFixed(volume, decimals: 1) }
                if let rate = row.observedHitRate { fields[rateColumn] = formatFixed(rate, decimals: 4) }
            }
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        do {
            try manager.createDirectory(atPath: output, withIntermediateDirectories: false)
            for name in try manager.contentsOfDirectory(atPath: data).sorted() where name != "intents.csv" {
                try manager.copyItem(atPath: data + "/" + name, toPath: output + "/" + name)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: output + "/intents.csv"))
        } catch {
            throw DataError(.writeFailure, file: output, "cannot be written: \(error.localizedDescription)")
        }
    }

    nonisolated(unsafe) private static var noHasher: FNV1a64? = nil
}
