/// What an import does with Inspect's epochs (repeated runs of the same sample).
public enum EpochMode: String, Sendable {
    /// Every epoch is its own sample, `faq-0007#2` (the default).
    case distinct
    /// The epochs of a sample are averaged into one row, `faq-0007`.
    case mean
}
