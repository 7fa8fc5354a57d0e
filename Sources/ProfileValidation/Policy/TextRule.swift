/// The limits of one text field: lengths in user-perceived characters, a UTF-8 byte cap, and
/// whether line breaks are allowed.
///
/// Lengths count grapheme clusters (Swift `Character`s), so `é` written as `e` + U+0301 and the
/// flag 🇰🇪 are one character each, as a user sees them. ``maximumBytes`` bounds storage
/// independently: a single grapheme can be any number of code points (a combining-character
/// flood), so the byte cap is what keeps a value small. ``maximumScalarsPerCharacter`` refuses
/// "Zalgo" floods that stay within both.
public struct TextRule: Sendable, Hashable {
    /// The fewest characters a non-empty value may have; 0 or 1 means any non-empty value.
    public var minimumLength: Int
    /// The most characters (grapheme clusters) a value may have.
    public var maximumLength: Int
    /// The most UTF-8 bytes a value may have after trimming.
    public var maximumBytes: Int
    /// Whether `\n` is allowed (multi-line fields such as a bio). `\r\n` and lone `\r` become `\n`.
    public var allowsNewlines: Bool
    /// Whether an empty value (after trimming) is accepted; it is then stored as no value (`null`).
    public var allowsEmpty: Bool
    /// The most Unicode scalars one character may be built from; refuses combining-mark floods.
    ///
    /// Every character is at least one scalar, so a value below 1 acts as 1.
    public var maximumScalarsPerCharacter: Int

    /// The scalar cap the rule enforces: ``maximumScalarsPerCharacter``, and never below 1.
    var scalarCap: Int { max(1, maximumScalarsPerCharacter) }

    /// Creates a rule; the byte cap defaults to four bytes per character, enough for any text whose
    /// characters are single code points.
    public init(
        minimumLength: Int = 1,
        maximumLength: Int,
        maximumBytes: Int? = nil,
        allowsNewlines: Bool = false,
        allowsEmpty: Bool = false,
        maximumScalarsPerCharacter: Int = 10
    ) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        let (fourBytesEach, overflow) = maximumLength.multipliedReportingOverflow(by: 4)
        self.maximumBytes = maximumBytes ?? (overflow ? Int.max : fourBytesEach)
        self.allowsNewlines = allowsNewlines
        self.allowsEmpty = allowsEmpty
        self.maximumScalarsPerCharacter = maximumScalarsPerCharacter
    }

    /// A single-line rule of `range` characters; an empty value is refused.
    public static func singleLine(_ range: ClosedRange<Int>) -> TextRule {
        TextRule(minimumLength: range.lowerBound, maximumLength: range.upperBound)
    }

    /// A single-line rule of at most `maximum` characters where an empty value clears the field.
    public static func optionalLine(maximum: Int) -> TextRule {
        TextRule(minimumLength: 0, maximumLength: maximum, allowsEmpty: true)
    }

    /// A multi-line rule (newlines kept) of at most `maximum` characters.
    public static func multiLine(maximum: Int) -> TextRule {
        TextRule(minimumLength: 1, maximumLength: maximum, allowsNewlines: true)
    }

    /// The stricter of two rules: the larger minimum, the smaller maxima, newlines and empty
    /// values only when both allow them.
    public func combined(with other: TextRule) -> TextRule {
        TextRule(
            minimumLength: max(minimumLength, other.minimumLength),
            maximumLength: min(maximumLength, other.maximumLength),
            maximumBytes: min(maximumBytes, other.maximumBytes),
            allowsNewlines: allowsNewlines && other.allowsNewlines,
            allowsEmpty: allowsEmpty && other.allowsEmpty,
            maximumScalarsPerCharacter: min(maximumScalarsPerCharacter, other.maximumScalarsPerCharacter)
        )
    }
}
