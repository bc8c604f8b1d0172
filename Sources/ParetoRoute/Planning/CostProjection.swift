/// The projected cost distribution of each month: what finance asks for.
public struct CostProjection: Sendable, Hashable {
    /// One month's figures over all runs.
    public struct Month: Sendable, Hashable {
        /// 1-based.
        public var month: Int
        /// The calendar month, when the scenario has a start month.
        public var calendarMonth: CalendarMonth?
        /// Mean over the runs.
        public var meanUSD: Double
        /// Standard error of that mean (standard deviation / √runs).
        public var meanStandardErrorUSD: Double
        /// Standard deviation over the runs.
        public var standardDeviationUSD: Double
        /// 5th percentile (the P99 rule: linear interpolation between closest ranks).
        public var p5USD: Double
        /// Median.
        public var p50USD: Double
        /// 95th percentile.
        public var p95USD: Double
        /// The analytic expectation (the front's formula with the month's prices, cells and expected growth).
        public var expectedUSD: Double
        /// The share of runs costing more than the budget, when one was given.
        public var probabilityOverBudget: Double?
        /// What the scenario changes from this month on.
        public var changes: [String]

        /// `YYYY-MM`, or the month number.
        public var label: String {
            calendarMonth?.description ?? "\(month)"
        }
    }

    /// The months, in order.
    public var months: [Month]
    /// Monte Carlo runs behind every figure.
    public var runs: Int
    /// The seed.
    public var seed: UInt64
    /// The budget, when one was given.
    public var budgetUSD: Double?

    /// One record per month: `month`, `calendar_month` (or null), `mean_usd`,
    /// `mean_standard_error_usd`, `p5_usd`, `p50_usd`, `p95_usd`, `expected_usd`,
    /// `p_over_budget` (null without a budget), `changes`.
    public var json: JSONValue {
        .array(months.map { month in
            .object([
                ("month", .number(Double(month.month))),
                ("calendar_month", month.calendarMonth.map { .string($0.description) } ?? .null),
                ("mean_usd", .number(month.meanUSD)),
                ("mean_standard_error_usd", .number(month.meanStandardErrorUSD)),
                ("p5_usd", .number(month.p5USD)),
                ("p50_usd", .number(month.p50USD)),
                ("p95_usd", .number(month.p95USD)),
                ("expected_usd", .number(month.expectedUSD)),
                ("p_over_budget", month.probabilityOverBudget.map { .number($0) } ?? .null),
                ("changes", .array(month.changes.map { .string($0) })),
            ])
        })
    }
}
