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
    /// The routes the search considers; nil lets the data decide (``resolvedRoutes(for:)``).
    public var routes: RouteOptions?

    /// Creates a request; by default the data as measured, unrestricted.
    public init(constraints: GlobalConstraints = GlobalConstraints(), scope: Scope = Scope(),
                whatIf: WhatIf = WhatIf(), confidence: Double? = nil, routes: RouteOptions? = nil) {
        self.constraints = constraints
        self.scope = scope
        self.whatIf = whatIf
        self.confidence = confidence
        self.routes = routes
    }

    /// The routes searched on `data`: ``routes`` when given, else threshold and share routes
    /// for data with routers (a routers.csv) and none for data without, so version-1 data
    /// keeps its fronts byte for byte.
    public func resolvedRoutes(for data: CellTable) -> RouteOptions {
        routes ?? (data.routerScores.routers.isEmpty ? .none : RouteOptions())
    }

    /// The table a search runs on: `data` with the what-if overrides applied, with a
    /// confidence the cells' bootstrap intervals (the data must keep its samples), and the
    /// routes of ``resolvedRoutes(for:)`` priced at the what-if's prices.
    /// - Throws: ``RequestError`` when the what-if names an unknown model or intent or overflows; on ``RequestError/Option/confidence`` out of range or without samples; on ``RequestError/Option/routes`` when routes are asked of data loaded without samples.
    public func table(from data: CellTable) throws -> CellTable {
        var table = try whatIf.apply(to: data)
        table = try confidence.map { try table.applyingConfidence($0) } ?? table
        let routes = resolvedRoutes(for: data)
        guard routes.isEnabled else { return table }
        do {
            return try table.addingRoutes(routes)
        } catch {
            throw RequestError([.routes], "routes are evaluated sample by sample, but the data was loaded without its sample ids; expected GoldenDataLoader.load(directory:keepingSamples: true, keepingSampleIDs: true)")
        }
    }
}
