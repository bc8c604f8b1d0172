/// Every non-dominated feasible solution evaluated so far.
///
/// Solutions with identical objective vectors but different genes are all kept; a genome
/// already present is not added twice. With two objectives the archive is kept sorted by
/// (first, second, genes) — the second objective is then non-increasing — so a batch is
/// screened by binary search and merged in one O(n + b log b) sweep. With other counts it is a
/// flat list scanned linearly. Bounded, it drops the most crowded solutions (see ``truncate(to:)``).
struct ParetoArchive {
    let objectiveCount: Int
    let geneCount: Int
    /// Objective values, row by row.
    private(set) var objectives: [Double] = []
    /// Genes, row by row.
    private(set) var genes: [Int] = []

    init(objectiveCount: Int, geneCount: Int) {
        self.objectiveCount = objectiveCount
        self.geneCount = geneCount
    }

    /// The number of solutions held.
    var count: Int { objectiveCount == 0 ? 0 : objectives.count / objectiveCount }

    /// Adds the listed rows of a batch (all feasible); returns whether the archive changed.
    mutating func insert(
        objectives batchObjectives: UnsafeBufferPointer<Double>,
        genes batchGenes: UnsafeBufferPointer<Int>,
        rows: [Int]
    ) -> Bool {
        if rows.isEmpty { return false }
        if objectiveCount == 2 {
            return insertSorted2D(objectives: batchObjectives, genes: batchGenes, rows: rows)
        }
        return insertGeneral(objectives: batchObjectives, genes: batchGenes, rows: rows)
    }

    /// Keeps at most `limit` solutions: while over, the solutions with the smallest crowding
    /// distance over the whole archive (computed once, ties: lower archive position first) are
    /// dropped. Returns whether anything was dropped.
    mutating func truncate(to limit: Int) -> Bool {
        let n = count
        guard n > limit else { return false }
        let distances = objectives.withUnsafeBufferPointer {
            crowdingDistances(values: $0, columns: objectiveCount, rows: Array(0..<n))
        }
        var order = Array(0..<n)
        order.sort { distances[$0] != distances[$1] ? distances[$0] < distances[$1] : $0 < $1 }
        var keep = [Bool](repeating: true, count: n)
        for position in order.prefix(n - limit) { keep[position] = false }
        compact(keep: keep)
        return true
    }

    /// The archive's hypervolume against `reference`.
    func hypervolume(reference: [Double]) -> Double {
        if objectiveCount == 2 {
            return hypervolume2DSorted(values: objectives, reference: (reference[0], reference[1]))
        }
        return hypervolumeOfRows(values: objectives, reference: reference)
    }

    /// The archive as solutions, sorted by objectives lexicographically, then genes.
    func solutions() -> [Solution] {
        var result: [Solution] = []
        result.reserveCapacity(count)
        for row in 0..<count {
            result.append(Solution(
                genes: Array(genes[(row * geneCount)..<((row + 1) * geneCount)]),
                objectives: Array(objectives[(row * objectiveCount)..<((row + 1) * objectiveCount)]),
                constraintViolation: 0))
        }
        if objectiveCount != 2 { result.sort(by: Solution.precedes) }
        return result
    }

    // MARK: - Two objectives

    /// Whether the sorted archive already dominates `point`, or holds this exact genome.
    private func covers2D(_ point: UnsafePointer<Double>, _ genome: UnsafePointer<Int>) -> Bool {
        objectives.withUnsafeBufferPointer { values in
            genes.withUnsafeBufferPointer { stored in
                let first = point[0]
                let second = point[1]
                // First position whose (first, second) is ≥ the point's.
                var low = 0
                var high = values.count / 2
                while low < high {
                    let middle = (low + high) / 2
                    let f = values[2 * middle]
                    let s = values[2 * middle + 1]
                    if f < first || (f == first && s < second) { low = middle + 1 } else { high = middle }
                }
                // The lexicographic predecessor has the smallest second objective of all
                // entries before the point: it dominates the point if any of them does.
                if low > 0 && values[2 * (low - 1) + 1] <= second { return true }
                var position = low
                while position < values.count / 2
                    && values[2 * position] == first && values[2 * position + 1] == second {
                    if let base = stored.baseAddress,
                       rowsEqual(base + position * geneCount, genome, count: geneCount) {
                        return true
                    }
                    position += 1
                }
                return false
            }
        }
    }

    private mutating func insertSorted2D(
        objectives batchObjectives: UnsafeBufferPointer<Double>,
        genes batchGenes: UnsafeBufferPointer<Int>,
        rows: [Int]
    ) -> Bool {
        // The engine never builds an archive for genomes of length 0.
        guard let objectiveBase = batchObjectives.baseAddress, let geneBase = batchGenes.baseAddress else {
            return false
        }
        let g = geneCount
        var candidates = rows.filter { covers2D(objectiveBase + 2 * $0, geneBase + $0 * g) == false }
        if candidates.isEmpty { return false }
        candidates.sort { a, b in
            let pa = objectiveBase + 2 * a
            let pb = objectiveBase + 2 * b
            if pa[0] != pb[0] { return pa[0] < pb[0] }
            if pa[1] != pb[1] { return pa[1] < pb[1] }
            if rowPrecedes(geneBase + a * g, geneBase + b * g, count: g) { return true }
            if rowPrecedes(geneBase + b * g, geneBase + a * g, count: g) { return false }
            return a < b
        }
        var mergedObjectives: [Double] = []
        var mergedGenes: [Int] = []
        mergedObjectives.reserveCapacity(objectives.count + 2 * candidates.count)
        mergedGenes.reserveCapacity(genes.count + g * candidates.count)
        var changed = false
        objectives.withUnsafeBufferPointer { oldObjectivesBuffer in
            genes.withUnsafeBufferPointer { oldGenesBuffer in
                let oldObjectives = oldObjectivesBuffer.baseAddress ?? objectiveBase
                let oldGenes = oldGenesBuffer.baseAddress ?? geneBase
                let oldCount = oldObjectivesBuffer.count / 2
                var lowestSecond = Double.infinity
                var firstAtLowest = Double.infinity
                var previous: (UnsafePointer<Double>, UnsafePointer<Int>)?
                var i = 0
                var k = 0
                while i < oldCount || k < candidates.count {
                    let takeOld: Bool
                    if k == candidates.count {
                        takeOld = true
                    } else if i == oldCount {
                        takeOld = false
                    } else {
                        let po = oldObjectives + 2 * i
                        let pc = objectiveBase + 2 * candidates[k]
                        if po[0] != pc[0] {
                            takeOld = po[0] < pc[0]
                        } else if po[1] != pc[1] {
                            takeOld = po[1] < pc[1]
                        } else {
                            takeOld = !rowPrecedes(geneBase + candidates[k] * g, oldGenes + i * g, count: g)
                        }
                    }
                    let point: UnsafePointer<Double>
                    let genome: UnsafePointer<Int>
                    if takeOld {
                        point = oldObjectives + 2 * i
                        genome = oldGenes + i * g
                        i += 1
                    } else {
                        point = objectiveBase + 2 * candidates[k]
                        genome = geneBase + candidates[k] * g
                        k += 1
                    }
                    let first = point[0]
                    let second = point[1]
                    let dominated = lowestSecond < second || (lowestSecond == second && firstAtLowest < first)
                    var duplicate = false
                    if let (lastPoint, lastGenome) = previous {
                        duplicate = lastPoint[0] == first && lastPoint[1] == second
                            && rowsEqual(lastGenome, genome, count: g)
                    }
                    previous = (point, genome)
                    if second < lowestSecond {
                        lowestSecond = second
                        firstAtLowest = first
                    }
                    if dominated || duplicate { continue }
                    if !takeOld { changed = true }
                    mergedObjectives.append(first)
                    mergedObjectives.append(second)
                    mergedGenes.append(contentsOf: UnsafeBufferPointer(start: genome, count: g))
                }
            }
        }
        objectives = mergedObjectives
        genes = mergedGenes
        return changed
    }

    // MARK: - Any number of objectives

    private mutating func insertGeneral(
        objectives batchObjectives: UnsafeBufferPointer<Double>,
        genes batchGenes: UnsafeBufferPointer<Int>,
        rows: [Int]
    ) -> Bool {
        // The engine never builds an archive for genomes of length 0.
        guard let objectiveBase = batchObjectives.baseAddress, let geneBase = batchGenes.baseAddress else {
            return false
        }
        let m = objectiveCount
        let g = geneCount
        var alive = [Bool](repeating: true, count: count)
        var changed = false
        var removed = false
        var dominatedEntries: [Int] = []
        for row in rows {
            let p = objectiveBase + row * m
            let pGenes = geneBase + row * g
            dominatedEntries.removeAll(keepingCapacity: true)
            let rejected = objectives.withUnsafeBufferPointer { stored -> Bool in
                genes.withUnsafeBufferPointer { storedGenes -> Bool in
                    guard let base = stored.baseAddress, let storedGeneBase = storedGenes.baseAddress else {
                        return false
                    }
                    for entry in 0..<alive.count where alive[entry] {
                        let q = base + entry * m
                        // One pass decides both directions: q ≤ p everywhere, p ≤ q everywhere.
                        var entryNoWorse = true
                        var candidateNoWorse = true
                        for j in 0..<m {
                            if q[j] < p[j] {
                                candidateNoWorse = false
                            } else if q[j] > p[j] {
                                entryNoWorse = false
                            }
                            if !entryNoWorse && !candidateNoWorse { break }
                        }
                        if entryNoWorse && candidateNoWorse {
                            // Identical objectives: a different genome is kept, the same one is not.
                            if rowsEqual(storedGeneBase + entry * g, pGenes, count: g) { return true }
                        } else if entryNoWorse {
                            return true
                        } else if candidateNoWorse {
                            dominatedEntries.append(entry)
                        }
                    }
                    return false
                }
            }
            if rejected { continue }
            for entry in dominatedEntries { alive[entry] = false }
            removed = removed || !dominatedEntries.isEmpty
            objectives.append(contentsOf: UnsafeBufferPointer(start: p, count: m))
            genes.append(contentsOf: UnsafeBufferPointer(start: pGenes, count: g))
            alive.append(true)
            changed = true
        }
        if removed { compact(keep: alive) }
        return changed
    }

    /// Keeps the rows flagged `true`, in order.
    private mutating func compact(keep: [Bool]) {
        var keptObjectives: [Double] = []
        var keptGenes: [Int] = []
        keptObjectives.reserveCapacity(objectives.count)
        keptGenes.reserveCapacity(genes.count)
        for row in keep.indices where keep[row] {
            keptObjectives.append(contentsOf: objectives[(row * objectiveCount)..<((row + 1) * objectiveCount)])
            keptGenes.append(contentsOf: genes[(row * geneCount)..<((row + 1) * geneCount)])
        }
        objectives = keptObjectives
        genes = keptGenes
    }
}
