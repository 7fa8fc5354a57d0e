import ProfileDomain

extension DjangoWire {
    /// The view-level failure body: `{"error": "Not authorized"}`.
    ///
    /// `details` is the library's machine-readable list (``ErrorDetail``), on every rendered error.
    public struct ErrorResponse: Sendable, Hashable, Codable {
        /// The sentence.
        public let error: String
        /// Every reason as `{field, code, limit}`; `nil` (no key) only in a body built by hand.
        public let details: [ErrorDetail]?

        /// Creates a body.
        init(error: String, details: [ErrorDetail]? = nil) {
            self.error = error
            self.details = details
        }
    }
}
