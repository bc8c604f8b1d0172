import Foundation
import NSGA2
import Testing
@testable import ParetoRoute

/// Contract version 2's prompt caching: cache prices in models.csv, cached tokens in the evals,
/// an intent's read share, all priced by one formula.
@Suite struct PromptCacheTests {
    /// One golden sample as the random data sets write it.
    struct Row {
        var intent: Int, model: Int, maxTokens: Int, sample: Int
        var quality: Double, input: Int, read: Int, write: Int, output: Int, latency: Double
    }

    /// A random version-2 data set on disk, and its rows for independent sums.
    struct RandomData {
        var directory: String
        var prices: [(input: Double, output: Double, read: Double?, write: Double?, fee: Double)]
        var intents: [(volume: Double, hitRate: Double, floor: Double, cap: Double, weight: Double, share: Double?)]
        var rows: [Row]
    }

    static func writeRandomData(seed: UInt64, intents intentCount: Int = 3, cellsPerIntent: Int = 4, samples: Int = 6) throws -> RandomData {
        var rng = Xoshiro256StarStar(seed: seed)
        let directory = NSTemporaryDirectory() + "paretoroute-cache-\(seed)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Two models with cache prices (one of them only a read price), one without, one with a fee.
        let prices: [(input: Double, output: Double, read: Double?, write: Double?, fee: Double)] = [
            (3, 15, 0.3, 3.75, 0), (0.8, 4, 0.08, nil, 0), (0.25, 1.25, nil, nil, 0), (0.5, 2, 0.05, 0.625, Double(100 + rng.nextInt(below: 300))),
        ]
        var models = "model,input_usd_per_mtok,output_usd_per_mtok,monthly_fixed_usd,cache_read_usd_per_mtok,cache_write_usd_per_mtok\n"
        for (m, p) in prices.enumerated() {
            models += "m\(m),\(p.input),\(p.output),\(p.fee),\(p.read.map { "\($0)" } ?? ""),\(p.write.map { "\($0)" } ?? "")\n"
        }
        var intents: [(volume: Double, hitRate: Double, floor: Double, cap: Double, weight: Double, share: Double?)] = []
        var intentsCSV = "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,quality_weight,prompt_cache_read_share\n"
        for i in 0..<intentCount {
            let share: Double? = i % 3 == 2 ? nil : Double(rng.nextInt(below: 101)) / 100
            let intent = (volume: Double(100 + rng.nextInt(below: 5000)), hitRate: Double(rng.nextInt(below: 40)) / 100,
                          floor: 0.3, cap: 2000.0, weight: Double(1 + rng.nextInt(below: 4)), share: share)
            intents.append(intent)
            intentsCSV += "i\(i),\(intent.volume),\(intent.hitRate),\(intent.floor),\(intent.cap),\(intent.weight),\(share.map { "\($0)" } ?? "")\n"
        }
        var rows: [Row] = []
        var evals = "intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens\n"
        for i in 0..<intentCount {
            for c in 0..<cellsPerIntent {
                let model = c == 0 ? 0 : rng.nextInt(below: prices.count)
                let maxTokens = 100 + 50 * c
                for s in 0..<samples {
                    let row = Row(intent: i, model: model, maxTokens: maxTokens, sample: s,
                                  quality: c == 0 ? 0.9 : Double(rng.nextInt(below: 1001)) / 1000,
                                  input: rng.nextInt(below: 800), read: rng.nextInt(below: 3) == 0 ? 0 : rng.nextInt(below: 3000),
                                  write: rng.nextInt(below: 2) == 0 ? 0 : rng.nextInt(below: 1500), output: rng.nextInt(below: maxTokens + 1),
                                  latency: Double(100 + rng.nextInt(below: c == 0 ? 1500 : 2500)))
                    rows.append(row)
                    // An empty cache field means 0 (the contract's default).
                    let read = row.read == 0 && s % 2 == 0 ? "" : "\(row.read)"
                    evals += "i\(i),m\(model),\(maxTokens),0.2,0,s\(s),\(row.quality),\(row.input),\(row.output),\(row.latency),\(read),\(row.write)\n"
                }
            }
        }
        try models.write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try intentsCSV.write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        try evals.write(toFile: directory + "/evals.csv", atomically: true, encoding: .utf8)
        return RandomData(directory: directory, prices: prices, intents: intents, rows: rows)
    }

    /// The contract's cost of one answered conversation of a sample, written out from its text.
    static func sampleCost(_ row: Row, _ data: RandomData) -> Double {
        let p = data.prices[row.model]
        var read = Double(row.read), write = Double(row.write)
        if let share = data.intents[row.intent].share {
            read = share * Double(row.read + row.write)
            write = Double(row.read + row.write) - read
        }
        return (Double(row.input) * p.input + read * (p.read ?? p.input) + write * (p.write ?? p.input) + Double(row.output) * p.output) / 1e6
    }

    /// Per cell key (intent, model, max_tokens): (monthly cost, quality, p99) from the rows alone.
    static func cellFigures(_ data: RandomData) -> [String: (cost: Double, quality: Double, p99: Double, model: Int)] {
        var groups: [String: [Row]] = [:]
        for row in data.rows { groups["\(row.intent)/\(row.model)/\(row.maxTokens)", default: []].append(row) }
        return groups.mapValues { rows in
            let intent = data.intents[rows[0].intent]
            let meanCost = rows.map { sampleCost($0, data) }.reduce(0, +) / Double(rows.count)
            let quality = rows.map(\.quality).reduce(0, +) / Double(rows.count)
            return (intent.volume * 30 * (1 - intent.hitRate) * meanCost, quality, percentile99(sorted: rows.map(\.latency).sorted()), rows[0].model)
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test func aHandComputedSampleIsPricedByTheContract() throws {
        let directory = NSTemporaryDirectory() + "paretoroute-cache-hand-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "model,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok,cache_write_usd_per_mtok\nsonnet,3,15,0.3,3.75\n"
            .write(toFile: directory + "/models.csv", atomically: true, encoding: .utf8)
        try "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,prompt_cache_read_share\nfaq,1000,0.5,0,5000,0.9\nchat,1000,0.5,0,5000,\n"
            .write(toFile: directory + "/intents.csv", atomically: true, encoding: .utf8)
        try """
            intent,model,max_tokens,temperature,rag_chunks,sample_id,quality,input_tokens,output_tokens,latency_ms,cache_read_tokens,cache_write_tokens
            faq,sonnet,500,0.3,2,a,0.8,200,100,900,1000,0
            faq,sonnet,500,0.3,2,b,0.9,400,300,1100,0,1000
            chat,sonnet,500,0.3,2,a,0.8,200,100,900,1000,0
            chat,sonnet,500,0.3,2,b,0.9,400,300,1100,0,1000

            """.write(toFile: directory + "/evals.csv", atomically: true, encoding: .utf8)
        let table = try GoldenDataLoader.load(directory: directory)
        // chat, as measured: a = (200·3 + 1000·0.3 + 100·15)/1e6 = 2,400/1e6; b = (400·3 + 1000·3.75 + 300·15)/1e6 = 0.00945.
        // Mean 0.005925 per call × 15,000 calls = $88.875.
        #expect(Self.close(table.cells[1][0].monthlyCostUSD, 88.875))
        // faq, share 0.9 of the 1000-token prefix read: a = (600 + 900·0.3 + 100·3.75 + 1500)/1e6 = 0.002745,
        // b = (1200 + 270 + 375 + 4500)/1e6 = 0.006345. Mean 0.004545 × 15,000 = $68.175.
        #expect(Self.close(table.cells[0][0].monthlyCostUSD, 68.175))
        let evaluation = table.evaluate([0, 0])
        let parts = evaluation.perIntent[1].monthlyCostParts
        // chat's parts: input 15,000·300·3/1e6 = 13.5; read 15,000·500·0.3/1e6 = 2.25; write 15,000·500·3.75/1e6 = 28.125; output 15,000·200·15/1e6 = 45.
        #expect(Self.close(parts.input, 13.5) && Self.close(parts.cacheRead, 2.25) && Self.close(parts.cacheWrite, 28.125) && Self.close(parts.output, 45))
        // Without the cache prices the 1000 cached tokens per call cost $3/Mtok: 15,000 · (300 + 1000)·3/1e6 + 45 = $103.5.
        #expect(Self.close(evaluation.perIntent[1].monthlyCostWithoutPromptCacheUSD, 103.5))
        #expect(evaluation.usesPromptCache)
        #expect(evaluation.text.contains("monthly cost by kind of token; the prompt cache saves $"))
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func evaluateEqualsAPerSampleComputation(seed: UInt64) throws {
        let data = try Self.writeRandomData(seed: seed)
        let table = try GoldenDataLoader.load(directory: data.directory)
        let figures = Self.cellFigures(data)
        var rng = Xoshiro256StarStar(seed: seed &+ 100)
        for _ in 0..<20 {
            let choice = table.cells.map { rng.nextInt(below: $0.count) }
            var expectedCost = 0.0
            var usedModels = Set<Int>()
            var weighted = 0.0
            for (i, c) in choice.enumerated() {
                let cell = table.cells[i][c]
                let key = "\(i)/\(cell.modelIndex)/\(cell.setting.maxTokens)"
                let figure = try #require(figures[key])
                expectedCost += figure.cost
                usedModels.insert(figure.model)
                weighted += data.intents[i].weight * figure.quality
                #expect(Self.close(cell.p99LatencyMs, figure.p99))
            }
            expectedCost += usedModels.reduce(0.0) { $0 + data.prices[$1].fee }
            let evaluation = table.evaluate(choice)
            #expect(Self.close(evaluation.monthlyCostUSD, expectedCost))
            #expect(Self.close(evaluation.quality, weighted / data.intents.reduce(0.0) { $0 + $1.weight }))
            // The parts add up to each intent's cost.
            for figures in evaluation.perIntent {
                #expect(Self.close(figures.monthlyCostParts.total, figures.monthlyCostUSD))
            }
        }
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func exactEqualsBruteForceOverPerSampleCosts(seed: UInt64) throws {
        let data = try Self.writeRandomData(seed: seed, intents: 4, cellsPerIntent: 4, samples: 5)
        let table = try GoldenDataLoader.load(directory: data.directory)
        let figures = Self.cellFigures(data)
        // Brute force over every configuration, from the rows' figures only.
        var all: [(Double, Double)] = []
        var choice = [Int](repeating: 0, count: table.intents.count)
        let totalWeight = data.intents.reduce(0.0) { $0 + $1.weight }
        func visit(_ i: Int) {
            if i == choice.count {
                var cost = 0.0, weighted = 0.0, feasible = true
                var used = Set<Int>()
                for (j, c) in choice.enumerated() {
                    let cell = table.cells[j][c]
                    guard let f = figures["\(j)/\(cell.modelIndex)/\(cell.setting.maxTokens)"] else { feasible = false; continue }
                    cost += f.cost
                    weighted += data.intents[j].weight * f.quality
                    used.insert(f.model)
                    if f.quality < data.intents[j].floor || f.p99 > data.intents[j].cap { feasible = false }
                }
                cost += used.reduce(0.0) { $0 + data.prices[$1].fee }
                if feasible { all.append((cost, weighted / totalWeight)) }
                return
            }
            for c in table.cells[i].indices {
                choice[i] = c
                visit(i + 1)
            }
        }
        visit(0)
        // Non-dominated, by increasing cost (ties: the best quality).
        all.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
        var expected: [(Double, Double)] = []
        for point in all where expected.last.map({ point.1 > $0.1 + 1e-12 }) ?? true {
            expected.append(point)
        }
        let exact = ExactSolver.solve(try SearchSpace(table: table)).points
        #expect(exact.count == expected.count)
        for (a, b) in zip(exact, expected) {
            #expect(Self.close(a.monthlyCostUSD, b.0) && Self.close(a.quality, b.1))
        }
    }

    @Test func aWhatIfPriceCardReplacesTheCachePricesAndIsRecorded() throws {
        let data = try Self.writeRandomData(seed: 21)
        let table = try GoldenDataLoader.load(directory: data.directory)
        // m0 (3/15, cache 0.3/3.75) without its cache discount: cached input at the input price.
        let whatIf = WhatIf(prices: ["m0": try #require(PriceCard(spelling: "3/15/3/3"))])
        let repriced = try whatIf.apply(to: table)
        // Twice the price with the cache left out: the cache keeps its ratios (0.6/7.5), every cost doubles.
        let doubled = try WhatIf(prices: ["m0": try #require(PriceCard(spelling: "6/30"))]).apply(to: table)
        var checked = 0
        for (i, cells) in repriced.cells.enumerated() {
            for (c, cell) in cells.enumerated() where cell.setting.model == "m0" {
                let tokens = table.cells[i][c].meanTokens
                #expect(Self.close(cell.monthlyCostUSD, Cell.monthlyCost(intent: table.intents[i], prices: PriceCard(input: 3, output: 15, cacheRead: 3, cacheWrite: 3), meanTokens: tokens)))
                #expect(Self.close(doubled.cells[i][c].monthlyCostUSD, 2 * table.cells[i][c].monthlyCostUSD))
                if tokens.cacheRead + tokens.cacheWrite > 0 {
                    #expect(cell.monthlyCostUSD != table.cells[i][c].monthlyCostUSD)
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
        #expect(doubled.models[0].prices == PriceCard(input: 6, output: 30, cacheRead: 0.6, cacheWrite: 7.5))
        // The front's settings record the cache prices and read them back.
        let json = whatIf.json
        #expect(json.compact().contains("\"cache_read_usd_per_mtok\""))
        let back = try WhatIf(json: json, file: "front.json", field: "settings.what_if")
        #expect(back == whatIf)
        // The two-price spelling records no cache prices (version-1 fronts keep their bytes).
        #expect(!WhatIf(prices: ["m0": PriceCard(input: 1, output: 2)]).json.compact().contains("cache_read"))
    }

    @Test func thePriceSpellingIsStrict() {
        #expect(PriceCard(spelling: "3/15") == PriceCard(input: 3, output: 15))
        #expect(PriceCard(spelling: "3/15/0.3/3.75") == PriceCard(input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75))
        for bad in ["3", "3/15/0.3", "3/15/0.3/3.75/1", "3/-15", "3/nan", "3/15/inf/1", "0x3/15", "3//"] {
            #expect(PriceCard(spelling: bad) == nil, "\(bad)")
        }
    }

    @Test func badCacheFieldsNameFileLineAndColumn() throws {
        func message(models: String? = nil, intents: String? = nil, evalsLine: String? = nil) throws -> String {
            let data = try Self.writeRandomData(seed: 31, intents: 1, cellsPerIntent: 1, samples: 2)
            if let models { try models.write(toFile: data.directory + "/models.csv", atomically: true, encoding: .utf8) }
            if let intents { try intents.write(toFile: data.directory + "/intents.csv", atomically: true, encoding: .utf8) }
            if let evalsLine {
                let path = data.directory + "/evals.csv"
                try (String(contentsOfFile: path, encoding: .utf8) + evalsLine + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            do {
                _ = try GoldenDataLoader.load(directory: data.directory)
                return "loaded"
            } catch let error as DataError {
                return error.description
            }
        }
        #expect(try message(evalsLine: "i0,m0,100,0.2,0,s9,0.5,10,10,100,-1,0")
                == "evals.csv:4: column 'cache_read_tokens': value -1 is out of range; expected an integer >= 0 or empty")
        #expect(try message(evalsLine: "i0,m0,100,0.2,0,s9,0.5,10,10,100,0,2.5")
                == "evals.csv:4: column 'cache_write_tokens': '2.5' is not an integer; expected an integer >= 0 or empty")
        #expect(try message(models: "model,input_usd_per_mtok,output_usd_per_mtok,cache_read_usd_per_mtok\nm0,3,15,nan\n")
                == "models.csv:2: column 'cache_read_usd_per_mtok': 'nan' is not a finite decimal number; expected a number >= 0 or empty")
        #expect(try message(intents: "intent,daily_volume,cache_hit_rate,min_quality,max_p99_latency_ms,prompt_cache_read_share\ni0,10,0,0,5000,1.5\n")
                == "intents.csv:2: column 'prompt_cache_read_share': value 1.5 is out of range; expected a number in [0, 1] or empty")
    }
}
