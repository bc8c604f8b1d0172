extension CellTable {
    /// Whether `choice` names one existing option per intent, as ``choice(of:file:)`` returns.
    ///
    /// Choices are the library's currency between calls; entry points that take one from a
    /// caller check it first, so a wrong shape is an error and never an index trap.
    package func isValidChoice(_ choice: [Int]) -> Bool {
        choice.count == intents.count && choice.indices.allSatisfy { (0..<optionCount(intent: $0)).contains(choice[$0]) }
    }

    /// The error for a choice that is not one existing option per intent, blaming `option`.
    package func invalidChoice(_ choice: [Int], option: RequestError.Option) -> RequestError {
        RequestError([option], "a choice of \(choice.count) cell indices does not fit the data; expected one existing option per intent (\(intents.count)), as CellTable.choice(of:file:) returns")
    }
}
