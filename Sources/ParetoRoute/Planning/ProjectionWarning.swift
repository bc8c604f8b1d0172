/// Something a projection's reader must know although the projection ran: a cell that breaks
/// its floor or cap, a change the horizon leaves out, growth held at zero, a band that is
/// narrow only because the scenario states no uncertainty.
public struct ProjectionWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of warning, for programs.
    public enum Kind: String, Sendable, Hashable {
        /// A projected cell's quality is below its intent's floor.
        case belowFloor = "below_floor"
        /// A projected cell's P99 latency is above its intent's cap.
        case aboveCap = "above_cap"
        /// A change is dated after the projection's last month (not applied).
        case afterProjection = "after_projection"
        /// A change is dated before month 1 (in effect from its start).
        case beforeProjection = "before_projection"
        /// Some runs' growth paths reach zero volume and are held there.
        case growthHeldAtZero = "growth_held_at_zero"
        /// The scenario states no growth or daily-volume uncertainty.
        case noStatedUncertainty = "no_stated_uncertainty"
    }

    /// The kind.
    public var kind: Kind
    /// The scenario's field it concerns, when one (`assumptions.price_changes[0].effective_date`).
    public var field: String?
    /// One sentence.
    public var message: String

    /// Creates a warning.
    public init(_ kind: Kind, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    /// `field: message`, or the message.
    public var description: String {
        (field.map { "\($0): " } ?? "") + message
    }

    /// `{"kind", "field", "message"}`.
    public var json: JSONValue {
        .object([("kind", .string(kind.rawValue)), ("field", field.map { .string($0) } ?? .null), ("message", .string(message))])
    }
}
