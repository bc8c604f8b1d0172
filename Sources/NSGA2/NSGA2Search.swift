/// Evaluates rows of genes back to back into objectives and violations (see
/// ``MultiObjectiveProblem/evaluate(batch:objectives:violations:)``).
typealias BatchEvaluator = (
    UnsafeBufferPointer<Int>, UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>
) -> Void

/// The state of one NSGA-II run: population, archive, generator and bookkeeping.
///
/// Not generic over the problem type: the problem is reached through one closure call per
/// batch, so the whole engine is compiled and optimized once, inside this module, instead of
/// running unspecialized (with runtime type lookups) for a problem type defined elsewhere.
struct NSGA2Search {
    let evaluator: BatchEvaluator
    let configuration: NSGA2Configuration
    let cardinalities: [Int]
    let geneCount: Int
    let objectiveCount: Int
    let populationSize: Int
    /// The number of distinct genomes, saturated at `Int.max`.
    let spaceSize: Int
    let crossoverProbability: Double
    let mutationProbability: Double
    let maxDuplicateAttempts: Int

    var generator: Xoshiro256StarStar
    var population: Population
    var archive: ParetoArchive
    /// Fingerprints of the genomes a candidate must differ from (see ``DuplicateScope``).
    var seen: FingerprintSet
    var records: EvaluatedRecords?
    var evaluations = 0
    var reference: [Double]?
    /// The generation at which the reference point was fixed.
    var referenceGeneration: Int?
    var history: [Double] = []
    var currentHypervolume = 0.0

    init(
        cardinalities: [Int], objectiveCount: Int, configuration: NSGA2Configuration,
        evaluator: @escaping BatchEvaluator
    ) {
        self.evaluator = evaluator
        self.configuration = configuration
        self.cardinalities = cardinalities
        geneCount = cardinalities.count
        self.objectiveCount = objectiveCount
        populationSize = configuration.effectivePopulationSize
        var size = 1
        for cardinality in cardinalities {
            let (product, overflow) = size.multipliedReportingOverflow(by: cardinality)
            if overflow { size = Int.max; break }
            size = product
        }
        spaceSize = size
        crossoverProbability = configuration.effectiveCrossoverProbability
        mutationProbability = configuration.effectiveMutationProbability(geneCount: geneCount)
        maxDuplicateAttempts = configuration.effectiveMaxDuplicateAttempts
        generator = Xoshiro256StarStar(seed: configuration.seed)
        population = Population(geneCount: geneCount, objectiveCount: objectiveCount)
        archive = ParetoArchive(objectiveCount: objectiveCount, geneCount: geneCount)
        seen = FingerprintSet(capacity: 2 * populationSize)
        records = configuration.recordsEvaluated ? EvaluatedRecords(geneCount: geneCount, objectiveCount: objectiveCount) : nil
    }

    mutating func run(observer: ((GenerationReport) -> Void)?) -> NSGA2Result {
        let skipped = initialize()
        observer?(report(generation: 0, offspringCount: evaluations))
        var generationsRun = 0
        var stalled = false
        let stallWindow = configuration.effectiveStallGenerations
        let tolerance = configuration.effectiveStallTolerance
        for generation in stride(from: 1, through: configuration.effectiveGenerations, by: 1) {
            let offspringCount = advance(generation: generation)
            generationsRun = generation
            observer?(report(generation: generation, offspringCount: offspringCount))
            if let window = stallWindow, generation >= window,
               let fixedAt = referenceGeneration, fixedAt <= generation - window {
                let before = history[generation - window]
                if history[generation] - before <= tolerance * before {
                    stalled = true
                    break
                }
            }
        }
        return NSGA2Result(
            archive: archive.solutions(), population: population.solutions(), generationsRun: generationsRun,
            evaluations: evaluations, hypervolumeHistory: history, referencePoint: reference,
            skippedInitialIndividuals: skipped, evaluated: records?.solutions() ?? [], stoppedByStall: stalled)
    }

    private func report(generation: Int, offspringCount: Int) -> GenerationReport {
        GenerationReport(
            generation: generation, archiveCount: archive.count, hypervolume: currentHypervolume,
            evaluations: evaluations, offspringCount: offspringCount, feasibleCount: population.feasibleCount)
    }

    // MARK: - Initial population

    /// Builds, evaluates and reduces the initial population; returns the number of skipped
    /// warm-start individuals.
    private mutating func initialize() -> Int {
        var skipped = 0
        var genes: [Int] = []
        for individual in configuration.initialIndividuals {
            let valid = individual.count == geneCount
                && zip(individual, cardinalities).allSatisfy { $0 >= 0 && $0 < $1 }
            if !valid {
                skipped += 1
                continue
            }
            if seen.insert(individual.withUnsafeBufferPointer(FingerprintSet.fingerprint)) {
                genes.append(contentsOf: individual)
            }
        }
        var candidate = [Int](repeating: 0, count: geneCount)
        var failures = 0
        while seen.count < populationSize && seen.count < spaceSize && failures < maxDuplicateAttempts {
            for gene in 0..<geneCount {
                candidate[gene] = generator.nextInt(below: cardinalities[gene])
            }
            if seen.insert(candidate.withUnsafeBufferPointer(FingerprintSet.fingerprint)) {
                genes.append(contentsOf: candidate)
                failures = 0
            } else {
                failures += 1
            }
        }
        let (objectives, violations) = evaluate(genes)
        updateArchive(genes: genes, objectives: objectives, violations: violations, generation: 0)
        var pool = Population(geneCount: geneCount, objectiveCount: objectiveCount)
        pool.append(genes: genes, objectives: objectives, violations: violations)
        let survival = Survival(
            objectives: pool.objectives, objectiveCount: objectiveCount, violations: pool.violations,
            target: min(populationSize, pool.count))
        population = pool.gathering(survival)
        return skipped
    }

    // MARK: - One generation

    /// Creates, evaluates and merges one generation of offspring; returns how many were created.
    private mutating func advance(generation: Int) -> Int {
        let offspring = makeOffspring()
        let (objectives, violations) = evaluate(offspring)
        updateArchive(genes: offspring, objectives: objectives, violations: violations, generation: generation)
        var pool = population
        pool.append(genes: offspring, objectives: objectives, violations: violations)
        let survival = Survival(
            objectives: pool.objectives, objectiveCount: objectiveCount, violations: pool.violations,
            target: min(populationSize, pool.count))
        population = pool.gathering(survival)
        return violations.count
    }

    /// Tournament, crossover and mutation until `populationSize` new distinct genomes exist,
    /// or `maxDuplicateAttempts` candidates in a row were duplicates, or the space is exhausted.
    private mutating func makeOffspring() -> [Int] {
        let g = geneCount
        if configuration.duplicateScope == .population {
            seen.removeAll()
            population.genes.withUnsafeBufferPointer { genes in
                for row in 0..<population.count {
                    seen.insert(FingerprintSet.fingerprint(UnsafeBufferPointer(rebasing: genes[(row * g)..<((row + 1) * g)])))
                }
            }
        }
        var offspring: [Int] = []
        offspring.reserveCapacity(populationSize * g)
        var produced = 0
        var children = [Int](repeating: 0, count: 2 * g)
        var failures = 0
        cardinalities.withUnsafeBufferPointer { cardinalities in
            while produced < populationSize && seen.count < spaceSize && failures < maxDuplicateAttempts {
                let a = BinaryTournament.select(from: population, using: &generator)
                let b = BinaryTournament.select(from: population, using: &generator)
                let recombine = generator.nextDouble() < crossoverProbability
                population.genes.withUnsafeBufferPointer { parents in
                    children.withUnsafeMutableBufferPointer { child in
                        guard let parentBase = parents.baseAddress, let childBase = child.baseAddress else { return }
                        if recombine {
                            UniformCrossover.recombine(
                                parentBase + a * g, parentBase + b * g, into: childBase, childBase + g,
                                geneCount: g, using: &generator)
                        } else {
                            childBase.update(from: parentBase + a * g, count: g)
                            (childBase + g).update(from: parentBase + b * g, count: g)
                        }
                    }
                }
                for childIndex in 0..<2
                where produced < populationSize && seen.count < spaceSize && failures < maxDuplicateAttempts {
                    let offset = childIndex * g
                    let admitted = children.withUnsafeMutableBufferPointer { buffer -> Bool in
                        guard let childBase = buffer.baseAddress else { return false }
                        RandomResetMutation.mutate(
                            childBase + offset, cardinalities: cardinalities, probability: mutationProbability,
                            using: &generator)
                        let genome = UnsafeBufferPointer(rebasing: buffer[offset..<(offset + g)])
                        guard seen.insert(FingerprintSet.fingerprint(genome)) else { return false }
                        offspring.append(contentsOf: genome)
                        return true
                    }
                    if admitted {
                        produced += 1
                        failures = 0
                    } else {
                        failures += 1
                    }
                }
            }
        }
        return offspring
    }

    // MARK: - Evaluation and archive

    /// Evaluates genomes stored back to back; sanitizes violations (see ``NSGA2Engine``).
    private mutating func evaluate(_ genes: [Int]) -> (objectives: [Double], violations: [Double]) {
        let rows = genes.count / geneCount
        var objectives = [Double](repeating: 0, count: rows * objectiveCount)
        var violations = [Double](repeating: 0, count: rows)
        guard rows > 0 else { return (objectives, violations) }
        genes.withUnsafeBufferPointer { genes in
            objectives.withUnsafeMutableBufferPointer { objectives in
                violations.withUnsafeMutableBufferPointer { violations in
                    evaluator(genes, objectives, violations)
                }
            }
        }
        for row in 0..<rows {
            var violation = violations[row]
            if violation.isNaN {
                violation = .infinity
            } else if violation <= 0 {
                violation = 0
            }
            for objective in 0..<objectiveCount where !objectives[row * objectiveCount + objective].isFinite {
                violation = .infinity
            }
            violations[row] = violation
        }
        evaluations += rows
        if records != nil {
            records?.record(genes: genes, objectives: objectives, violations: violations)
        }
        return (objectives, violations)
    }

    /// Archives the feasible rows, fixes the reference point if due, updates the hypervolume.
    private mutating func updateArchive(genes: [Int], objectives: [Double], violations: [Double], generation: Int) {
        let feasible = violations.indices.filter { violations[$0] == 0 }
        var changed = objectives.withUnsafeBufferPointer { objectiveBuffer in
            genes.withUnsafeBufferPointer { geneBuffer in
                archive.insert(objectives: objectiveBuffer, genes: geneBuffer, rows: feasible)
            }
        }
        if let limit = configuration.effectiveArchiveLimit, archive.truncate(to: limit) {
            changed = true
        }
        if reference == nil && !feasible.isEmpty {
            reference = objectives.withUnsafeBufferPointer {
                referencePoint(values: $0, columns: objectiveCount, rows: feasible)
            }
            referenceGeneration = generation
            changed = true
        }
        if changed, let reference {
            currentHypervolume = archive.hypervolume(reference: reference)
        }
        history.append(currentHypervolume)
    }
}
