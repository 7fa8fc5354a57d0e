import ProfileDomain

extension CreatorWire {
    /// The dashboard's completeness check: `{isComplete, percentage, missingRequired,
    /// missingOptional}`, fields named as the creator spec names them (`niche`, `socialLinks`).
    public struct CompletenessPayload: Sendable, Hashable, Codable {
        /// Whether every required field is filled.
        public let isComplete: Bool
        /// Filled fields as a share of all seven, 0 to 100.
        public let percentage: Int
        /// Required fields still empty.
        public let missingRequired: [String]
        /// Optional fields still empty.
        public let missingOptional: [String]

        /// The payload of a completeness measure.
        public init(_ completeness: ProfileCompleteness) {
            self.isComplete = completeness.isComplete
            self.percentage = completeness.percentage
            self.missingRequired = completeness.missingRequired.map(\.rawValue)
            self.missingOptional = completeness.missingOptional.map(\.rawValue)
        }
    }
}
