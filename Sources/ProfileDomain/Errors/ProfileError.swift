/// The one error every ProfileKit use case throws: a stable code, a message safe to show a
/// client, and the field errors behind it.
///
/// The error carries no transport: ProfileHTTP chooses each spec's response for a ``Code`` and
/// renders the error in the spec's own envelope. Messages
/// never carry internals: no file paths, no offsets, no underlying error text. Those go to the
/// server's log through ``underlyingDescription``, which no wire format encodes.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable reason for the failure, independent of wording.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The code, lower snake case.
        public let rawValue: String
        /// Creates a code from its raw string.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The raw code.
        public var description: String { rawValue }

        /// The body or one of its fields broke a rule.
        public static let validationFailed: Code = "validation_failed"
        /// The body could not be read: not JSON, too deep, a duplicate key.
        public static let malformedRequest: Code = "malformed_request"
        /// No authenticated caller.
        public static let unauthenticated: Code = "unauthenticated"
        /// An authenticated caller acting on another user's data.
        public static let forbidden: Code = "forbidden"
        /// No such user or profile, or one the caller may not see.
        public static let notFound: Code = "not_found"
        /// The username belongs to another user.
        public static let usernameTaken: Code = "username_taken"
        /// The email belongs to another account.
        public static let emailTaken: Code = "email_taken"
        /// The `If-Match` version is not the stored one.
        public static let versionConflict: Code = "version_conflict"
        /// An upload larger than the policy allows.
        public static let payloadTooLarge: Code = "payload_too_large"
        /// An upload whose bytes are not an accepted image type.
        public static let unsupportedMediaType: Code = "unsupported_media_type"
        /// A follow or block of oneself, or a follow across a block.
        public static let invalidRelationship: Code = "invalid_relationship"
        /// The store is held by another process or cannot be reached.
        public static let storeUnavailable: Code = "store_unavailable"
        /// Anything the client cannot fix.
        public static let internalError: Code = "internal_error"
    }

    /// Why the request failed.
    public var code: Code
    /// A sentence for the client; never internals.
    public var message: String
    /// The fields behind a validation failure, every one of them; empty otherwise.
    public var fieldErrors: [FieldError]
    /// What a server should log; never encoded on the wire.
    public var underlyingDescription: String?

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        fieldErrors: [FieldError] = [],
        underlyingDescription: String? = nil
    ) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.underlyingDescription = underlyingDescription
    }

    /// `code: message`, then each field error.
    public var description: String {
        ([("\(code): \(message)")] + fieldErrors.map { "  \($0)" }).joined(separator: "\n")
    }
}

extension ProfileError {
    /// A validation failure carrying every field error.
    public static func validation(_ fieldErrors: [FieldError]) -> ProfileError {
        let message =
            fieldErrors.count == 1
            ? fieldErrors[0].message
            : "Validation failed: \(fieldErrors.count) fields need attention"
        return ProfileError(
            code: .validationFailed, message: message, fieldErrors: fieldErrors)
    }

    /// A body that could not be read.
    public static func malformed(_ message: String, fieldErrors: [FieldError] = []) -> ProfileError {
        ProfileError(code: .malformedRequest, message: message, fieldErrors: fieldErrors)
    }

    /// No authenticated caller.
    public static let unauthenticated = ProfileError(
        code: .unauthenticated, message: "Authentication is required")

    /// Acting on another user's data.
    public static let forbidden = ProfileError(
        code: .forbidden, message: "You can only change your own profile and account")

    /// No such user. The same message whether the user is missing or hidden by a block.
    public static let userNotFound = ProfileError(code: .notFound, message: "User not found")

    /// No profile yet for an existing user.
    public static let profileNotFound = ProfileError(
        code: .notFound, message: "Profile not found")

    /// The username is held by another user.
    public static func usernameTaken(_ username: String) -> ProfileError {
        ProfileError(
            code: .usernameTaken, message: "Username is already taken",
            fieldErrors: [
                FieldError(field: "username", code: .taken, message: "username \(username) is already taken")
            ])
    }

    /// The email is held by another account.
    public static let emailTaken = ProfileError(
        code: .emailTaken, message: "Email is already in use",
        fieldErrors: [FieldError(field: "email", code: .taken, message: "email is already in use by another account")])

    /// A stale `If-Match`.
    public static func versionConflict(expected: Int, current: Int) -> ProfileError {
        ProfileError(
            code: .versionConflict,
            message: "The profile changed since version \(expected); it is now at version \(current). "
                + "Fetch it again and retry")
    }

    /// An internal failure; `underlying` is for the log only.
    public static func internalError(underlying: String?) -> ProfileError {
        ProfileError(
            code: .internalError,
            message: "An unexpected error occurred; please try again", underlyingDescription: underlying)
    }
}
