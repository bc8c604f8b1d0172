/// Everything the attribution and the anomalies need from request logs, summed in one pass in
/// memory that grows with intents, models and days — never with lines.
///
/// Ledgers of parts of the logs merge (``merge(_:)``), so files and chunks of one file are read
/// in parallel. Names are interned to small integers so that a line costs two string lookups.
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
    public internal(set) var cells: [Int: UsageTally] = [:]
    /// Tallies by day × intent id (key `day << 16 | intent`).
    public internal(set) var days: [Int: UsageTally] = [:]
    /// Cost by hour since the epoch (local to ``utcOffsetSeconds``), summed from ``minuteCost``
    /// in time order (one dictionary less per line).
    public var hourCost: [Int: Double] {
        var hours: [Int: Double] = [:]
        for (minute, cost) in minuteCost.sorted(by: { $0.key < $1.key }) { hours[Self.floorDiv(minute, 60), default: 0] += cost }
        return hours
    }
    /// Cost and LLM calls by 15-minute window × intent id (key `window << 16 | intent`).
    public internal(set) var windows: [Int: (cost: Double, calls: Int)] = [:]
    /// Cost by minute (local), for the budget thresholds.
    public internal(set) var minuteCost: [Int: Double] = [:]
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
    static func cost(of record: UsageRecord, model: Model?) -> (cost: Double, card: CostParts?, priced: Bool) {
        let card = model.map { $0.prices.costParts(of: record.tokens) }
        if let total = record.totalCostUSD { return (total, card, true) }
        if let input = record.inputCostUSD, let output = record.outputCostUSD { return (input + output, card, true) }
        if let model { return (model.prices.cost(of: record.tokens), card, true) }
        return (0, nil, false)
    }

    /// Adds one request read from `file` at `line`.
    public mutating func add(_ record: UsageRecord, file: String, line: Int) {
        lines += 1
        let model = record.modelID.isEmpty ? nil : catalog.model(id: record.modelID)
        let label = model?.name ?? (record.modelID.isEmpty ? "(response cache)" : record.modelID)
        let intent = internIntent(record.intent)
        let modelIndex = internModel(label, known: model != nil)
        let (cost, card, priced) = Self.cost(of: record, model: model)
        cells[intent << 16 | modelIndex, default: UsageTally()].add(record, cost: cost, card: card, priced: priced)
        let local = record.time + Double(utcOffsetSeconds)
        firstTime = min(firstTime, local)
        lastTime = max(lastTime, local)
        let second = Int(local.rounded(.down))
        let day = Self.floorDiv(second, 86400)
        days[day << 16 | intent, default: UsageTally()].add(record, cost: cost, card: card, priced: priced)
        minuteCost[Self.floorDiv(second, 60), default: 0] += cost
        if !record.cacheHit {
            let window = Self.floorDiv(second, 900) << 16 | intent
            let previous = windows[window] ?? (0, 0)
            windows[window] = (previous.cost + cost, previous.calls + 1)
            let state = running[intent]
            if state.calls < Self.warmUpCalls || cost > Self.candidateFactor * state.sum / Double(state.calls) {
                costCandidates.append(UsageAnomaly(kind: .costSpike, timestamp: record.timestampText, requestID: record.requestID,
                                                   file: file, line: line, intent: record.intent, value: cost, threshold: 0))
            }
            running[intent] = (state.sum + cost, state.calls + 1)
            if costCandidates.count > 4096 { pruneCandidates() }
        }
        if record.promptTokens > Self.promptTokenLimit {
            tokenExplosionCount += 1
            if tokenExplosions.count < Self.sampleLimit {
                tokenExplosions.append(UsageAnomaly(kind: .tokenExplosion, timestamp: record.timestampText, requestID: record.requestID,
                                                    file: file, line: line, intent: record.intent, value: record.promptTokens,
                                                    threshold: Self.promptTokenLimit))
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
        cells[intent << 16 | modelIndex, default: UsageTally()].add(tally)
        let local = hourStart + Double(utcOffsetSeconds)
        firstTime = min(firstTime, local)
        lastTime = max(lastTime, local + 3599)
        let second = Int(local.rounded(.down))
        days[Self.floorDiv(second, 86400) << 16 | intent, default: UsageTally()].add(tally)
        minuteCost[Self.floorDiv(second, 60), default: 0] += tally.costUSD
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
        for (key, tally) in other.cells { cells[intentMap[key >> 16] << 16 | modelMap[key & 0xFFFF], default: UsageTally()].add(tally) }
        for (key, tally) in other.days { days[remap(key), default: UsageTally()].add(tally) }
        for (key, cost) in other.minuteCost { minuteCost[key, default: 0] += cost }
        for (key, window) in other.windows {
            let mapped = remap(key)
            windows[mapped, default: (0, 0)].cost += window.cost
            windows[mapped, default: (0, 0)].calls += window.calls
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
