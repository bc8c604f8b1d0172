/// A request that does not fit the data: an option names an unknown model or intent, or
/// needs another option.
///
/// The library does not know how its callers spell their options; it names the part of
/// the request (``Option``) and the CLI maps that to its flag, so a library user gets a
/// typed error and a CLI user the flag they typed (exit 64).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The part of a request an error comes from.
    public enum Option: Sendable, Hashable {
        /// ``Scope/excludedModels``.
        case excludedModels
        /// ``Scope/allowedModels``.
        case allowedModels
        /// ``Scope/baseline``.
        case baseline
        /// ``Scope/maxChanges``.
        case maxChanges
        /// ``Scope/pinnedIntents``.
        case pinnedIntents
        /// ``Scope/feasibleOnly``.
        case feasibleOnly
        /// ``Scope/minimumSamples``.
        case minimumSamples
        /// ``WhatIf/prices``.
        case prices
        /// ``WhatIf/fixedFees``.
        case fixedFees
        /// ``WhatIf/volumeScale``.
        case volumeScale
        /// ``WhatIf/volumes``.
        case volumes
        /// ``WhatIf/responseCacheRates``.
        case responseCacheRates
    }

    /// The options the error comes from (several when they act together).
    public var options: [Option]
    /// What was wrong and what was expected, in one sentence.
    public var message: String

    /// Creates an error blaming `options`.
    public init(_ options: [Option], _ message: String) {
        self.options = options
        self.message = message
    }

    /// The message alone; callers prefix the option names they use.
    public var description: String { message }
}
