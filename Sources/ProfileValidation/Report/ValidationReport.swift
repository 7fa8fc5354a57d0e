import ProfileDomain

/// Every failure of one validation run, each with its field path, stable code, limit and message.
///
/// A validation never stops at the first problem: a body with a too-long bio and a reserved
/// username yields both errors, in field order. Throwing an empty report never happens.
public struct ValidationReport: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failures, in the order of the fields of the request.
    public var errors: [FieldError]

    /// Creates a report.
    public init(errors: [FieldError]) {
        self.errors = errors
    }

    /// The codes reported for each path, for assertions and for frontends that switch on codes.
    public var codesByField: [String: [FieldErrorCode]] {
        var codes: [String: [FieldErrorCode]] = [:]
        for error in errors { codes[error.field, default: []].append(error.code) }
        return codes
    }

    /// The errors at `field` (an exact path such as `socialLinks.instagram`).
    public func errors(at field: String) -> [FieldError] {
        errors.filter { $0.field == field }
    }

    /// One line per error.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

extension ValidationReport {
    /// The report as the library's one error type: ``ProfileDomain/ProfileError/validation(_:)`` (422) carrying
    /// every field error. A `too_soon` username error is among them when a cooldown applies; a
    /// server that answers 429 for it checks ``isOnlyUsernameCooldown``.
    public var profileError: ProfileError { .validation(errors) }

    /// Whether the only failure is the username-change cooldown (`too_soon`).
    public var isOnlyUsernameCooldown: Bool {
        !errors.isEmpty && errors.allSatisfy { $0.code == .tooSoon }
    }
}
