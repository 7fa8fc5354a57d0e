/// The result of checking one text value.
enum TextOutcome: Equatable {
    /// The normalised value (trimmed, line breaks unified).
    case value(String)
    /// Nothing left after trimming; the caller decides between `required`, clearing and `too_short`.
    case empty
    /// The value broke a rule; the errors are already recorded.
    case invalid
}
