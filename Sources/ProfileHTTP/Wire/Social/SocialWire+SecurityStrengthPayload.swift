import ProfileDomain

extension SocialWire {
    /// The `securityStrength` object of the owner's profile:
    /// `{score, level, description, recommendations}`.
    public struct SecurityStrengthPayload: Sendable, Hashable, Codable {
        /// 0 to 100.
        public let score: Int
        /// `VERY_WEAK`, `WEAK`, `MEDIUM` or `STRONG`.
        public let level: String
        /// The level's sentence.
        public let description: String
        /// What would raise the score.
        public let recommendations: [String]

        /// The payload of a security strength.
        public init(_ strength: SecurityStrength) {
            self.score = strength.score
            self.level = strength.level.rawValue
            self.description = strength.description
            self.recommendations = strength.recommendations
        }
    }
}
