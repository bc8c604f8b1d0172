/// Several data errors found in one pass, reported together (one line each).
///
/// Used for the empty fields of models.csv and intents.csv: a directory created by
/// `import` leaves every price, volume, floor and cap empty, and naming them all at once
/// saves a person a run per field. Every other defect stops the load at the first error.
public struct DataErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The errors, in file and line order; at least two.
    public var errors: [DataError]

    /// Creates the list.
    public init(_ errors: [DataError]) {
        self.errors = errors
    }

    /// One line per error.
    public var description: String { errors.map(\.description).joined(separator: "\n") }

    /// Throws nothing for no error, the error itself for one, the list for more.
    static func throwIfAny(_ errors: [DataError]) throws {
        if errors.count == 1 { throw errors[0] }
        if errors.count > 1 { throw DataErrors(errors) }
    }
}
