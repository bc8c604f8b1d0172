import ParetoRoute

/// Placeholder until the decision workflows land.
enum CheckCommand {
    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        throw UsageError("not implemented yet")
    }
}
