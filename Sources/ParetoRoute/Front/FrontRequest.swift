/// What a front is asked for: constraints, scope, what-if overrides and confidence.
///
/// One value carries every assumption from the command line (or a library caller) to
/// the solvers and into the front's recorded ``FrontSettings``, so the two cannot drift.
public struct FrontRequest: Sendable {
    /// Constraints on the whole configuration.
    public var constraints: GlobalConstraints
    /// Which configurations may be considered.
    public var scope: Scope
    /// Overrides of prices, fees, volumes and cache rates.
    public var whatIf: WhatIf
    /// Cells must clear floors and caps with their bootstrap interval at this confidence.
    public var confidence: Double?

    /// Creates a request; by default the data as measured, unrestricted.
    public init(constraints: GlobalConstraints = GlobalConstraints(), scope: Scope = Scope(),
                whatIf: WhatIf = WhatIf(), confidence: Double? = nil) {
        self.constraints = constraints
        self.scope = scope
        self.whatIf = whatIf
        self.confidence = confidence
    }

    /// The table a search runs on: `data` with the what-if overrides applied and, with a
    /// confidence, the cells' bootstrap intervals (the data must keep its samples).
    /// - Throws: ``RequestError`` when the what-if names an unknown model or intent or overflows; on ``RequestError/Option/confidence`` out of range or without samples.
    public func table(from data: CellTable) throws -> CellTable {
        let table = try whatIf.apply(to: data)
        return try confidence.map { try table.applyingConfidence($0) } ?? table
    }
}
