/// How well an account is protected: a 0-100 score, a level and what to do next.
///
/// The scoring table (one row per factor, points added when the factor holds):
///
/// | factor                      | points | recommendation when missing          |
/// |-----------------------------|-------:|--------------------------------------|
/// | two-factor authentication   |     50 | "Enable two-factor authentication"   |
/// | verified email address      |     25 | "Verify your email address"          |
/// | verified phone number       |     25 | "Verify your phone number"           |
///
/// Levels by score: 0-24 `VERY_WEAK`, 25-49 `WEAK`, 50-74 `MEDIUM`, 75-100 `STRONG`.
/// The social spec's sample (email and phone verified, no 2FA) scores 50, `MEDIUM`, with the one
/// recommendation to enable 2FA. Recommendations are listed in table order.
public struct SecurityStrength: Sendable, Hashable, Codable {
    /// A security level, with the social spec's wire names.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// Score 0-24.
        case veryWeak = "VERY_WEAK"
        /// Score 25-49.
        case weak = "WEAK"
        /// Score 50-74.
        case medium = "MEDIUM"
        /// Score 75-100.
        case strong = "STRONG"

        /// The level a score falls in.
        public init(score: Int) {
            switch score {
            case ..<25: self = .veryWeak
            case 25..<50: self = .weak
            case 50..<75: self = .medium
            default: self = .strong
            }
        }

        /// A sentence for the level, as the social spec shows it.
        public var summary: String {
            switch self {
            case .veryWeak: "Your account security is very weak and needs attention"
            case .weak: "Your account security is weak and should be improved"
            case .medium: "Your account security is good but can be improved"
            case .strong: "Your account security is strong"
            }
        }
    }

    /// The score, 0 to 100.
    public var score: Int
    /// The level the score falls in.
    public var level: Level
    /// The level's sentence.
    public var description: String
    /// What would raise the score, most valuable first; empty at 100.
    public var recommendations: [String]

    /// Computes the strength of an account from the scoring table.
    public init(for account: Account) {
        self.init(
            isEmailVerified: account.isEmailVerified,
            isPhoneVerified: account.isPhoneVerified,
            isTwoFactorEnabled: account.isTwoFactorEnabled
        )
    }

    /// Computes the strength from the three factors of the scoring table.
    public init(isEmailVerified: Bool, isPhoneVerified: Bool, isTwoFactorEnabled: Bool) {
        let factors: [(holds: Bool, points: Int, recommendation: String)] = [
            (isTwoFactorEnabled, 50, "Enable two-factor authentication"),
            (isEmailVerified, 25, "Verify your email address"),
            (isPhoneVerified, 25, "Verify your phone number"),
        ]
        let score = factors.reduce(0) { $0 + ($1.holds ? $1.points : 0) }
        self.score = score
        self.level = Level(score: score)
        self.description = level.summary
        self.recommendations = factors.filter { !$0.holds }.map(\.recommendation)
    }
}
