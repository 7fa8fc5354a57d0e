import ProfileDomain

extension DjangoWire {
    /// The body of `DELETE /api/users/delete/<user_id>/`: `{"message": "User deleted successfully"}`.
    ///
    /// The spec sends it with `204 No Content`, whose body HTTP clients discard; a server that
    /// wants the message read should answer `200`.
    public struct DeleteResponse: Sendable, Hashable, Codable {
        /// The sentence.
        public let message: String

        /// Creates a body.
        init(message: String = "User deleted successfully") {
            self.message = message
        }

        /// `{"message": "User deleted successfully"}`.
        public static let deleted = DeleteResponse()
    }
}
