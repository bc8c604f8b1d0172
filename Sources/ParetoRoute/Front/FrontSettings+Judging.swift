/// Judging a configuration the way a front was made: `check --front` and `pick --data`
/// compare like with like only under the front's own assumptions.
extension FrontSettings {
    /// `data` as the front saw it: its what-if overrides applied, its feasibility
    /// confidence (which needs `data` loaded with its samples) and its routes.
    /// - Throws: ``RequestError`` when the what-if does not fit `data`, or on ``RequestError/Option/confidence`` when `data` has no samples.
    public func applied(to data: CellTable) throws -> CellTable {
        var request = FrontRequest(whatIf: whatIf, confidence: confidence, routes: routes ?? RouteOptions.none)
        request.constraints = constraints
        return try request.table(from: data)
    }

    /// The models and cells the front could use, as a scope for moves and repairs counted
    /// from the configuration checked (its baseline, change budget and pins concern the
    /// front alone).
    public var modelScope: Scope {
        Scope(excludedModels: excludedModels, allowedModels: allowedModels, minimumSamples: minimumSamples)
    }
}
