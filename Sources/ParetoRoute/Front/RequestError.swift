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
        /// A feasibility or noise confidence level, in (0, 1).
        case confidence
        /// A point's 1-based number in a front.
        case point
        /// A monthly budget in USD.
        case budget
        /// A floor on a front point's weighted quality.
        case minQuality
        /// The environment variables a gateway config names for API keys (``APIKeyReferences``).
        case apiKeyEnvironment
        /// The spend shares of a daily cap at which modes switch (``ModeTable``).
        case switchShares
        /// A daily spending cap in USD (``ModeTable``).
        case dailyCap
        /// Provider model ids given per model (``CellTable/withProviderIDs(_:)``).
        case modelIDs
        /// A probability of staying within a budget, in (0, 1).
        case risk
        /// Monte Carlo runs of a cost projection (``CostProjector/Options/runs``).
        case runs
        /// Months a projection covers (``CostProjector/Options/months``).
        case months
        /// The month a risk-aware pick judges.
        case month
        /// The fractions of a degrade ladder's budget.
        case steps
        /// Intents a degrade ladder step may change.
        case maxChangesPerStep
        /// The intents a listing is restricted to (``CellListing``).
        case intentFilter
        /// The models a listing is restricted to (``CellListing``).
        case modelFilter
        /// Models added before their evals exist (``EstimatedModel``).
        case newModels
        /// Which routes a search considers.
        case routes
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
