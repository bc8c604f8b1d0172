/// Everything the attribution and the anomalies need from request logs, summed in one pass in
/// memory that grows with intents, models and days — never with lines.
///
/// Ledgers of parts of the logs merge (``merge(_:)``), so files and chunks of one file are read
/// in parallel. Names are interned to small integers, found by the bytes a line spells them with,
/// so that a line makes no string.
public struct UsageLedger: Sendable {
    /// The most malformed lines and line anomalies (per kind) kept with their place; all are counted.
    public static let sampleLimit = 20
    /// Distinct intents or model ids kept apart; more (hostile input) are summed as `(other)`.
    public static let nameLimit = 2000

    /// Names and the data they are matched against.
    public let catalog: UsageCatalog
    /// Seconds added to UTC before cutting days (0: days are UTC days).
    public let utcOffsetSeconds: Int

    /// Lines read (blank lines included).
    public internal(set) var lines = 0
    /// Lines that were not a valid request.
    public internal(set) var malformedLines = 0
    /// The first malformed lines, in file order.
    public internal(set) var malformedSamples: [UsageLineIssue] = []
    /// Hourly aggregate rows read (CSV input).
    public internal(set) var aggregateRows = 0

    /// Intent names by id.
    public internal(set) var intentNames: [String] = []
    /// Model labels by id: the data's model name, or the logged id when the data does not know it.
    public internal(set) var modelNames: [String] = []
    /// Whether each model label is a model of the data.
    public internal(set) var modelKnown: [Bool] = []
    private var intentIDs: [String: Int] = [:]
    private var modelIDs: [String: Int] = [:]

    /// Tallies by intent id × model id (key `intent << 16 | model`).
    public var cells: [Int: UsageTally] { Dictionary(uniqueKeysWithValues: zip(cellSlots.keys, cellTallies)) }
    /// Tallies by day × intent id (key `day << 16 | intent`).
    public var days: [Int: UsageTally] { Dictionary(uniqueKeysWithValues: zip(daySlots.keys, dayTallies)) }
    /// Cost by hour since the epoch (local to ``utcOffsetSeconds``), summed from ``minuteCost``
    /// in time order (one dictionary less per line).
    public var hourCost: [Int: Double] {
        var hours: [Int: Double] = [:]
        for (minute, cost) in minuteCost.sorted(by: { $0.key < $1.key }) { hours[Self.floorDiv(minute, 60), default: 0] += cost }
        return hours
    }
    /// Cost and LLM calls by 15-minute window × intent id (key `window << 16 | intent`).
    public var windows: [Int: (cost: Double, calls: Int)] {
        Dictionary(uniqueKeysWithValues: windowSlots.keys.indices.map { (windowSlots.keys[$0], (windowCosts[$0], windowCalls[$0])) })
    }
    /// Cost by minute (local), for the budget thresholds.
    public var minuteCost: [Int: Double] { Dictionary(uniqueKeysWithValues: zip(minuteSlots.keys, minuteCosts)) }

    // The sums above by slot: a line's four lookups cost a few nanoseconds each.
    private var cellSlots = UsageSlotTable(), cellTallies: [UsageTally] = []
    private var daySlots = UsageSlotTable(), dayTallies: [UsageTally] = []
    private var windowSlots = UsageSlotTable(), windowCosts: [Double] = [], windowCalls: [Int] = []
    private var minuteSlots = UsageSlotTable(), minuteCosts: [Double] = []
    /// The last minute's and day's keys and slots: consecutive lines mostly share them.
    private var lastMinute = (key: Int.min, slot: 0), lastDay = (key: Int.min, slot: 0)
    /// Intent ids and model entries by the bytes a line spells them with.
    private var intentCache = UsageNameCache(), modelCache = UsageNameCache()
    /// A cached model id's label id and, when the data knows the model, its prices.
    private var modelEntries: [(index: Int, prices: PriceCard?)] = []
    /// Earliest and latest request time (local seconds).
    public internal(set) var firstTime = Double.infinity
    /// Latest request time (local seconds).
    public internal(set) var lastTime = -Double.infinity

    /// Running sum and count of LLM-call costs by intent id, for cost-spike candidates.
    private var running: [(sum: Double, calls: Int)] = []
    /// Requests that may turn out to cost over 10× their intent's final mean.
    public internal(set) var costCandidates: [UsageAnomaly] = []
    /// The first token explosions, and how many there are.
    public internal(set) var tokenExplosions: [UsageAnomaly] = []
    /// How many requests exceeded the prompt-token limit.
    public internal(set) var tokenExplosionCount = 0

    /// A candidate is kept when it costs over this multiple of its intent's running mean; the
    /// final test is 10× the final mean, so a spike is missed only if the mean later falls by half.
    static let candidateFactor = 5.0
    /// Calls of an intent before its running mean is trusted; earlier calls are all candidates.
    static let warmUpCalls = 50
    /// A10's prompt-token limit.
    public static let promptTokenLimit = 10_000.0

    /// An empty ledger.
    public init(catalog: UsageCatalog, utcOffsetSeconds: Int = 0) {
        self.catalog = catalog
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private mutating func internIntent(_ name: String) -> Int {
        if let id = intentIDs[name] { return id }
        if intentNames.count >= Self.nameLimit, name != "(other)" { return internIntent("(other)") }
        let id = intentNames.count
        intentNames.append(name)
        intentIDs[name] = id
        running.append((0, 0))
        return id
    }

    private mutating func internModel(_ label: String, known: Bool) -> Int {
        if let id = modelIDs[label] { return id }
        if modelNames.count >= Self.nameLimit, label != "(other)" { return internModel("(other)", known: false) }
        let id = modelNames.count
        modelNames.append(label)
        modelKnown.append(known)
        modelIDs[label] = id
        return id
    }

    /// Counts a line that could not be read.
    public mutating func addMalformed(file: String, line: Int, problem: UsageLineProblem) {
        lines += 1
        malformedLines += 1
        if malformedSamples.count < Self.sampleLimit {
            malformedSamples.append(UsageLineIssue(file: file, line: line, problem: problem))
        }
    }

    /// Counts a blank line.
    public mutating func addBlank() {
        lines += 1
    }

    /// The cost of a request: logged total, else logged input + output, else the card's price.
    @inline(__always)
    static func cost(of tokens: TokenCounts, total: Double?, input: Double?, output: Double?,
                     prices: PriceCard?) -> (cost: Double, card: CostParts?, priced: Bool) {
        let card = prices.map { $0.costParts(of: tokens) }
        if let total { return (total, card, true) }
        if let input, let output { return (input + output, card, true) }
        if let prices { return (prices.cost(of: tokens), card, true) }
        return (0, nil, false)
    }

    @inline(__always)
    private static func tallySlot(_ table: inout UsageSlotTable, _ tallies: inout [UsageTally], _ key: Int) -> Int {
        let (slot, isNew) = table.slot(of: key)
        if isNew { tallies.append(UsageTally()) }
        return slot
    }

    /// Adds one request read from `file` at `line`.
    public mutating func add(_ record: UsageRecord, file: String, line: Int) {
        let model = record.modelID.isEmpty ? nil : catalog.model(id: record.modelID)
        let label = model?.name ?? (record.modelID.isEmpty ? "(response cache)" : record.modelID)
        let intent = internIntent(record.intent)
        let modelIndex = internModel(label, known: model != nil)
        add(intent: intent, model: modelIndex, prices: model?.prices, time: record.time, tokens: record.tokens,
            cacheHit: record.cacheHit, latency: record.latencyMs, totalCost: record.totalCostUSD,
            inputCost: record.inputCostUSD, outputCost: record.outputCostUSD, file: file, line: line) {
            (record.requestID, record.intent)
        }
    }

    /// Adds the request of a fast scan of `bytes` (read from `file` at `line`): the same sums as
    /// ``add(_:file:line:)`` of its record, with names looked up by their bytes.
    mutating func add(_ scan: UsageLineScanner.Scan, bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int) {
        guard let base = bytes.baseAddress, let intentRange = scan.intent else { return }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
        }
        let intent: Int
        if let cached = intentCache.value(base + intentRange.lowerBound, intentRange.count) {
            intent = cached
        } else {
            intent = internIntent(text(intentRange))
            intentCache.insert(base + intentRange.lowerBound, intentRange.count, value: intent)
        }
        let modelRange = scan.model ?? 0..<0
        let entry: (index: Int, prices: PriceCard?)
        if let cached = modelCache.value(base + modelRange.lowerBound, modelRange.count) {
            entry = modelEntries[cached]
        } else {
            let id = text(modelRange)
            let model = id.isEmpty ? nil : catalog.model(id: id)
            entry = (internModel(model?.name ?? (id.isEmpty ? "(response cache)" : id), known: model != nil), model?.prices)
            if !modelCache.isFull {
                modelEntries.append(entry)
                modelCache.insert(base + modelRange.lowerBound, modelRange.count, value: modelEntries.count - 1)
            }
        }
        add(intent: intent, model: entry.index, prices: entry.prices, time: scan.time,
            tokens: TokenCounts(input: scan.input, cacheRead: scan.cacheRead, cacheWrite: scan.cacheWrite, output: scan.output),
            cacheHit: scan.cacheHit, latency: scan.latency, totalCost: scan.totalCost,
            inputCost: scan.inputCost, outputCost: scan.outputCost, file: file, line: line) {
            (scan.requestID.map(text) ?? "", text(intentRange))
        }
    }

    /// The sums of one request; `names` gives its request id and logged intent, for anomalies.
    @inline(__always)
    private mutating func add(intent: Int, model modelIndex: Int, prices: PriceCard?, time: Double, tokens: TokenCounts,
                              cacheHit: Bool, latency: Double?, totalCost: Double?, inputCost: Double?, outputCost: Double?,
                              file: String, line: Int, names: () -> (requestID: String, intent: String)) {
        lines += 1
        let (cost, card, priced) = Self.cost(of: tokens, total: totalCost, input: inputCost, output: outputCost, prices: prices)
        let cell = Self.tallySlot(&cellSlots, &cellTallies, intent << 16 | modelIndex)
        cellTallies[cell].add(tokens: tokens, cacheHit: cacheHit, latency: latency, cost: cost, card: card, priced: priced)
        let local = time + Double(utcOffsetSeconds)
        firstTime = min(firstTime, local)
        lastTime = max(lastTime, local)
        let second = Int(local.rounded(.down))
        let day = Self.floorDiv(second, 86400) << 16 | intent
        if day != lastDay.key { lastDay = (day, Self.tallySlot(&daySlots, &dayTallies, day)) }
        dayTallies[lastDay.slot].add(tokens: tokens, cacheHit: cacheHit, latency: latency, cost: cost, card: card, priced: priced)
        let minute = Self.floorDiv(second, 60)
        if minute != lastMinute.key {
            let (slot, isNew) = minuteSlots.slot(of: minute)
            if isNew { minuteCosts.append(0) }
            lastMinute = (minute, slot)
        }
        minuteCosts[lastMinute.slot] += cost
        if !cacheHit {
            let (window, isNew) = windowSlots.slot(of: Self.floorDiv(second, 900) << 16 | intent)
            if isNew {
                windowCosts.append(0)
                windowCalls.append(0)
            }
            windowCosts[window] += cost
            windowCalls[window] += 1
            let state = running[intent]
            if state.calls < Self.warmUpCalls || cost > Self.candidateFactor * state.sum / Double(state.calls) {
                let (requestID, intentName) = names()
                costCandidates.append(UsageAnomaly(kind: .costSpike, timestamp: UsageTimestamp.text(seconds: Int(time.rounded(.down))),
                                                   requestID: requestID, file: file, line: line, intent: intentName,
                                                   value: cost, threshold: 0))
            }
            running[intent] = (state.sum + cost, state.calls + 1)
            if costCandidates.count > 4096 { pruneCandidates() }
        }
        let promptTokens = tokens.input + tokens.cacheRead + tokens.cacheWrite
        if promptTokens > Self.promptTokenLimit {
            tokenExplosionCount += 1
            if tokenExplosions.count < Self.sampleLimit {
                let (requestID, intentName) = names()
                tokenExplosions.append(UsageAnomaly(kind: .tokenExplosion, timestamp: UsageTimestamp.text(seconds: Int(time.rounded(.down))),
                                                    requestID: requestID, file: file, line: line, intent: intentName,
                                                    value: promptTokens, threshold: Self.promptTokenLimit))
            }
        }
    }

    /// Adds one hourly aggregate row (A9's DynamoDB item): its requests, tokens and cost at the hour's start.
    public mutating func addAggregate(intent name: String, modelID: String, hourStart: Double, tally: UsageTally) {
        aggregateRows += 1
        let model = modelID.isEmpty ? nil : catalog.model(id: modelID)
        let label = model?.name ?? (modelID.isEmpty ? "(response cache)" : modelID)
        let intent = internIntent(name)
        let modelIndex = internModel(label, known: model != nil)
        cellTallies[Self.tallySlot(&cellSlots, &cellTallies, intent << 16 | modelIndex)].add(tally)
        let local = hourStart + Double(utcOffsetSeconds)
        firstTime = min(firstTime, local)
        lastTime = max(lastTime, local + 3599)
        let second = Int(local.rounded(.down))
        dayTallies[Self.tallySlot(&daySlots, &dayTallies, Self.floorDiv(second, 86400) << 16 | intent)].add(tally)
        addMinuteCost(Self.floorDiv(second, 60), tally.costUSD)
        running[intent] = (running[intent].sum + tally.costUSD, running[intent].calls + tally.llmCalls)
    }

    /// Drops candidates under the factor of their intent's current mean.
    private mutating func pruneCandidates() {
        let means = running.map { $0.calls > 0 ? $0.sum / Double($0.calls) : 0 }
        costCandidates.removeAll { candidate in
            guard let id = intentIDs[candidate.intent] else { return false }
            return running[id].calls >= Self.warmUpCalls && candidate.value <= Self.candidateFactor * means[id]
        }
    }

    /// Shifts the line numbers of entries from `file` (a chunk read apart from the file's start).
    public mutating func shiftLines(of file: String, by offset: Int) {
        guard offset != 0 else { return }
        for k in malformedSamples.indices where malformedSamples[k].file == file { malformedSamples[k].line += offset }
        for k in costCandidates.indices where costCandidates[k].file == file { costCandidates[k].line? += offset }
        for k in tokenExplosions.indices where tokenExplosions[k].file == file { tokenExplosions[k].line? += offset }
    }

    /// Adds `other` (read from later lines or files) to this ledger.
    public mutating func merge(_ other: UsageLedger) {
        lines += other.lines
        malformedLines += other.malformedLines
        malformedSamples += other.malformedSamples.prefix(max(0, Self.sampleLimit - malformedSamples.count))
        aggregateRows += other.aggregateRows
        let intentMap = other.intentNames.map { internIntent($0) }
        let modelMap = other.modelNames.indices.map { internModel(other.modelNames[$0], known: other.modelKnown[$0]) }
        func remap(_ key: Int) -> Int { (key >> 16) << 16 | intentMap[key & 0xFFFF] }
        for (key, tally) in zip(other.cellSlots.keys, other.cellTallies) {
            cellTallies[Self.tallySlot(&cellSlots, &cellTallies, intentMap[key >> 16] << 16 | modelMap[key & 0xFFFF])].add(tally)
        }
        for (key, tally) in zip(other.daySlots.keys, other.dayTallies) { dayTallies[Self.tallySlot(&daySlots, &dayTallies, remap(key))].add(tally) }
        for (key, cost) in zip(other.minuteSlots.keys, other.minuteCosts) { addMinuteCost(key, cost) }
        for (k, key) in other.windowSlots.keys.enumerated() {
            let (window, isNew) = windowSlots.slot(of: remap(key))
            if isNew {
                windowCosts.append(0)
                windowCalls.append(0)
            }
            windowCosts[window] += other.windowCosts[k]
            windowCalls[window] += other.windowCalls[k]
        }
        firstTime = min(firstTime, other.firstTime)
        lastTime = max(lastTime, other.lastTime)
        for (id, state) in other.running.enumerated() {
            let mine = intentMap[id]
            running[mine] = (running[mine].sum + state.sum, running[mine].calls + state.calls)
        }
        costCandidates += other.costCandidates
        if costCandidates.count > 4096 { pruneCandidates() }
        tokenExplosionCount += other.tokenExplosionCount
        tokenExplosions += other.tokenExplosions.prefix(max(0, Self.sampleLimit - tokenExplosions.count))
    }

    private mutating func addMinuteCost(_ minute: Int, _ cost: Double) {
        let (slot, isNew) = minuteSlots.slot(of: minute)
        if isNew { minuteCosts.append(0) }
        minuteCosts[slot] += cost
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : (a - b + 1) / b
    }
}

extension UsageLedger {
    /// Counts a bad aggregate row (its line was already counted).
    mutating func addMalformedRow(file: String, line: Int, problem: UsageLineProblem) {
        lines -= 1
        addMalformed(file: file, line: line, problem: problem)
    }
}
