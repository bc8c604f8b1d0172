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
        /// What the scenario changes from this month's first day on.
        public var changes: [String]
        /// 2.5th percentile: with ``p97_5USD`` the 95 % interval of A12's table.
        public var p2_5USD: Double = 0
        /// 97.5th percentile.
        public var p97_5USD: Double = 0
        /// Mean infrastructure cost over the runs (0 without infrastructure).
        public var infrastructureMeanUSD: Double = 0
        /// Changes dated inside the month, applied to its remaining days.
        public var proratedChanges: [ProjectionPlan.ProratedChange] = []

        /// Mean LLM cost (models and fees): the mean less the infrastructure.
        public var llmMeanUSD: Double { meanUSD - infrastructureMeanUSD }

        /// Whether the scenario changes anything in this month.
        public var hasChanges: Bool { !changes.isEmpty || !proratedChanges.isEmpty }

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
    /// The scenario's expected infrastructure cost a month (0 without one).
    public var infrastructureUSD: Double = 0
    /// What the reader must know (``ProjectionWarning``).
    public var warnings: [ProjectionWarning] = []

    /// `{"runs", "seed", "budget_usd", "infrastructure_usd", "months": [one record per month:
    /// `month`, `calendar_month` (or null), `mean_usd`, `mean_standard_error_usd`, `p5_usd`,
    /// `p50_usd`, `p95_usd`, `expected_usd`, `p_over_budget` (null without a budget), `changes`,
    /// `p2_5_usd`, `p97_5_usd`, `llm_mean_usd`, `infrastructure_mean_usd`, `prorated_changes`],
    /// "warnings"}`.
    public var json: JSONValue {
        .object([
            ("runs", .number(Double(runs))),
            ("seed", .string(String(seed))),
            ("budget_usd", budgetUSD.map { .number($0) } ?? .null),
            ("infrastructure_usd", .number(infrastructureUSD)),
            ("months", monthsJSON),
            ("warnings", .array(warnings.map(\.json))),
        ])
    }

    /// The months' records (see ``json``).
    public var monthsJSON: JSONValue {
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
                ("p2_5_usd", .number(month.p2_5USD)),
                ("p97_5_usd", .number(month.p97_5USD)),
                ("llm_mean_usd", .number(month.llmMeanUSD)),
                ("infrastructure_mean_usd", .number(month.infrastructureMeanUSD)),
                ("prorated_changes", .array(month.proratedChanges.map { change in
                    .object([("date", .string(change.date.description)), ("share", .number(change.share)),
                             ("changes", .array(change.changes.map { .string($0) }))])
                })),
            ])
        })
    }
}
