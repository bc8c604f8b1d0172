/// Judging a configuration the way a front was made: `check --front` and `pick --data`
/// compare like with like only under the front's own assumptions.
extension FrontSettings {
    /// `data` as the front saw it: its what-if overrides applied, and its feasibility
    /// confidence (which needs `data` loaded with its samples).
    /// - Throws: ``RequestError`` when the what-if does not fit `data`, or on ``RequestError/Option/confidence`` when `data` has no samples.
    public func applied(to data: CellTable) throws -> CellTable {
        let table = try whatIf.apply(to: data)
        guard let confidence else { return table }
        return try table.applyingConfidence(confidence)
    }

    /// The models and cells the front could use, as a scope for moves and repairs counted
    /// from the configuration checked (its baseline, change budget and pins concern the
    /// front alone).
    public var modelScope: Scope {
        Scope(excludedModels: excludedModels, allowedModels: allowedModels, minimumSamples: minimumSamples)
    }
}
