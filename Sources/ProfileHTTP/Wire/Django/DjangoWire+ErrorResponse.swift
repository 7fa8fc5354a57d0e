import ProfileDomain

extension DjangoWire {
    /// The view-level failure body: `{"error": "Not authorized"}`.
    public struct ErrorResponse: Sendable, Hashable, Codable {
        /// The sentence.
        public var error: String

        /// Creates a body.
        public init(error: String) {
            self.error = error
        }
    }
}
