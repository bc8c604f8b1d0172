import Foundation
import NSGA2

/// Month-by-month Monte Carlo projection of a configuration's cost (the design doc's A12).
///
/// One run draws, for every month: the month's growth-rate shock (when the scenario gives
/// `monthly_rate_sd`; one growth path per run), 30 daily volume multipliers (when it gives
/// `daily_volume_cv`), and per intent the number of answered conversations and their cost.
///
/// **Method.** A day's conversations are Poisson around the day's expected volume and each
/// is a cache hit with the intent's rate; a thinned Poisson is Poisson and independent
/// Poissons add up, so the month's answered conversations are drawn exactly as one Poisson
/// of mean Σ_days volume · growth · multiplier · (1 − cache rate). Each answered conversation
/// costs one golden sample drawn uniformly (its input and output tokens together). Given a
/// count n, the sum of n draws is resampled draw by draw when n < ``Options/exactBelow``
/// (1,000 by default) and otherwise drawn from the normal law of its exact mean n·μ and
/// variance n·σ² (μ, σ² of the cell's per-sample costs). The normal step's error is bounded
/// by Berry–Esseen: the CDF of one intent-month sum is within 0.4748·ρ/(σ³√n) of the normal
/// one (ρ the third absolute central moment), below 0.02 at n = 1,000 for ρ/σ³ ≤ 1.3 and
/// shrinking as 1/√n; month totals add ten or forty such sums and the Poisson count, so their
/// quantiles are closer still. Tested against a simulation drawing every conversation of
/// every day.
///
/// Runs are independent, each with its own generator seeded from (seed, run), so the
/// result is the same byte for byte whatever the number of cores.
public enum CostProjector {
    /// How many runs, from which seed, over how many months.
    public struct Options: Sendable, Hashable {
        /// Months projected (default 6).
        public var months: Int
        /// Monte Carlo runs (default 10,000).
        public var runs: Int
        /// The seed (default 1).
        public var seed: UInt64
        /// A monthly budget, for the probability of exceeding it.
        public var budgetUSD: Double?
        /// Sums of fewer draws than this are resampled draw by draw; larger ones are normal.
        public var exactBelow: Int

        /// Creates options with the defaults above.
        public init(months: Int = 6, runs: Int = 10_000, seed: UInt64 = 1, budgetUSD: Double? = nil, exactBelow: Int = 1_000) {
            self.months = months
            self.runs = runs
            self.seed = seed
            self.budgetUSD = budgetUSD
            self.exactBelow = exactBelow
        }
    }

    /// Projects `plan` (its months, all of them) with `options`' runs and seed.
    ///
    /// - Complexity: O(runs · months · (intents + 30)) draws, plus `exactBelow` per small sum;
    ///   runs spread over every core.
    /// - Throws: ``RequestError`` on ``RequestError/Option/runs`` when `options.runs` is below 1
    ///   (or `exactBelow` negative), on ``RequestError/Option/budget`` when the budget is
    ///   negative or not finite.
    public static func project(_ plan: ProjectionPlan, options: Options = Options()) throws(RequestError) -> CostProjection {
        guard options.runs >= 1, options.exactBelow >= 0 else {
            throw RequestError([.runs], "\(options.runs) runs (exact below \(options.exactBelow)); expected at least 1 run and a threshold of at least 0")
        }
        if let budget = options.budgetUSD, !(budget >= 0 && budget.isFinite) {
            throw RequestError([.budget], "\(formatNumber(budget)) is not a budget; expected a number of USD >= 0")
        }
        let parts = simulateParts(plan, runs: options.runs, seed: options.seed, exactBelow: options.exactBelow)
        let months = plan.months.indices.map { m in
            summarize(parts.map { $0[m].total }, infrastructure: parts.map { $0[m].infrastructure }, month: plan.months[m],
                      expected: plan.expectedCostUSD(month: m + 1) + plan.expectedInfrastructureUSD, budget: options.budgetUSD)
        }
        var warnings = plan.warnings
        if plan.growthRateSD == 0, plan.dailyVolumeCV == 0, let first = months.first, first.p50USD > 0 {
            let spread = (first.p95USD - first.p5USD) / 2 / first.p50USD
            warnings.append(ProjectionWarning(.noStatedUncertainty,
                "the band (±\(formatFixed(spread * 100, decimals: 2)) % in month 1) is Poisson traffic and token draws only: the scenario states no uncertainty; traffic_growth.monthly_rate_sd and daily_volume_cv add it"))
        }
        return CostProjection(months: months, runs: options.runs, seed: options.seed, budgetUSD: options.budgetUSD,
                              infrastructureUSD: plan.expectedInfrastructureUSD, warnings: warnings)
    }

    /// Per run, the cost of every month of `plan` (LLM, fees and infrastructure).
    public static func simulate(_ plan: ProjectionPlan, runs: Int, seed: UInt64, exactBelow: Int = 1_000) -> [[Double]] {
        simulateParts(plan, runs: runs, seed: seed, exactBelow: exactBelow).map { $0.map(\.total) }
    }

    /// Per run and month, the total and its infrastructure part.
    static func simulateParts(_ plan: ProjectionPlan, runs: Int, seed: UInt64, exactBelow: Int) -> [[(total: Double, infrastructure: Double)]] {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        return parallelMap(count: runs, chunk: 64) { run in
            var rng = Xoshiro256StarStar(seed: base ^ (UInt64(run) &* 0xD1B5_4A32_D192_ED03))
            return simulateRun(plan, rng: &rng, exactBelow: exactBelow)
        }
    }

    /// One run: the cost of each month and its infrastructure part.
    ///
    /// The draws come in a fixed order (growth before month 1 under a base date; per month the
    /// day multipliers, per stretch and intent the count and sum, the infrastructure items, the
    /// growth shock), so a scenario without stretches or infrastructure draws what it always did.
    static func simulateRun(_ plan: ProjectionPlan, rng: inout Xoshiro256StarStar, exactBelow: Int) -> [(total: Double, infrastructure: Double)] {
        let intentCount = plan.growthRates.count
        var factors = [Double](repeating: 1, count: intentCount)
        var linearSums = [Double](repeating: 0, count: intentCount)
        var costs: [(total: Double, infrastructure: Double)] = []
        costs.reserveCapacity(plan.months.count)
        // Log-normal day multiplier of mean 1 and coefficient of variation cv.
        let logSD = log(1 + plan.dailyVolumeCV * plan.dailyVolumeCV).squareRoot()
        func grow() {
            // The next month's growth: this month's rate, with the run's shock.
            let shock = plan.growthRateSD > 0 ? plan.growthRateSD * rng.nextGaussian() : 0
            for i in 0..<intentCount {
                let rate = plan.growthRates[i] + shock
                switch plan.growthType {
                case .linear:
                    linearSums[i] += rate
                    factors[i] = max(0, 1 + linearSums[i])
                case .compound:
                    factors[i] = max(0, factors[i] * (1 + rate))
                }
            }
        }
        for _ in 0..<plan.growthMonthsBeforeStart { grow() }
        for month in plan.months {
            var days = 30.0
            if plan.dailyVolumeCV > 0 {
                days = 0
                for _ in 0..<30 { days += exp(logSD * rng.nextGaussian() - logSD * logSD / 2) }
            }
            var total = 0.0
            for segment in month.segments {
                let segmentDays = segment.share == 1 ? days : days * segment.share
                for (i, intent) in segment.intents.enumerated() {
                    let mean = intent.answeredPerDay * factors[i] * segmentDays
                    let count = rng.nextPoisson(mean: mean)
                    total += sum(of: count, from: intent.costs, rng: &rng, exactBelow: exactBelow)
                }
            }
            var infrastructure = 0.0
            for item in plan.infrastructure {
                infrastructure += item.uncertainty > 0
                    ? item.monthlyUSD * (1 + item.uncertainty * (2 * rng.nextDouble() - 1)) : item.monthlyUSD
            }
            costs.append((total + month.feesUSD + infrastructure, infrastructure))
            grow()
        }
        return costs
    }

    /// The cost of `count` conversations: resampled below `exactBelow`, normal from there.
    static func sum(of count: Int, from costs: ConversationCosts, rng: inout Xoshiro256StarStar, exactBelow: Int) -> Double {
        guard count > 0 else { return 0 }
        if count < exactBelow {
            var total = 0.0
            let values = costs.values
            for _ in 0..<count { total += values[rng.nextInt(below: values.count)] }
            return total
        }
        let n = Double(count)
        return max(0, n * costs.mean + (n * costs.variance).squareRoot() * rng.nextGaussian())
    }

    /// Mean, its standard error, quantiles and the share over budget of one month's run totals.
    static func summarize(_ totals: [Double], infrastructure: [Double], month: ProjectionPlan.Month, expected: Double, budget: Double?) -> CostProjection.Month {
        let sorted = totals.sorted()
        let infrastructureMean = infrastructure.reduce(0, +) / Double(max(1, infrastructure.count))
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let variance = sorted.count > 1 ? sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        return CostProjection.Month(
            month: month.index, calendarMonth: month.calendarMonth, meanUSD: mean,
            meanStandardErrorUSD: (variance / n).squareRoot(), standardDeviationUSD: variance.squareRoot(),
            p5USD: percentile(sorted: sorted, 0.05), p50USD: percentile(sorted: sorted, 0.5), p95USD: percentile(sorted: sorted, 0.95),
            expectedUSD: expected,
            probabilityOverBudget: budget.map { limit in Double(sorted.count - upperBound(sorted, limit)) / n },
            changes: month.changes,
            p2_5USD: percentile(sorted: sorted, 0.025), p97_5USD: percentile(sorted: sorted, 0.975),
            infrastructureMeanUSD: infrastructureMean, proratedChanges: month.proratedChanges)
    }

    /// The number of elements ≤ `value` in ascending `sorted`.
    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
