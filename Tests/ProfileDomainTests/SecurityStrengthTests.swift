import Testing

@testable import ProfileDomain
@testable import ProfileHTTP

/// One row of the security table: the three factors and what they score.
struct SecurityCase: Sendable, CustomTestStringConvertible {
    let email: Bool
    let phone: Bool
    let twoFactor: Bool
    let score: Int
    let level: SecurityStrength.Level
    let recommendations: [String]

    var testDescription: String { "email \(email), phone \(phone), 2FA \(twoFactor)" }
}

@Suite("Security strength for every combination of email, phone and 2FA")
struct SecurityStrengthTests {
    static let enable2FA = "Enable two-factor authentication"
    static let verifyEmail = "Verify your email address"
    static let verifyPhone = "Verify your phone number"

    static let table: [SecurityCase] = [
        SecurityCase(
            email: false, phone: false, twoFactor: false, score: 0, level: .veryWeak,
            recommendations: [enable2FA, verifyEmail, verifyPhone]),
        SecurityCase(
            email: true, phone: false, twoFactor: false, score: 25, level: .weak,
            recommendations: [enable2FA, verifyPhone]),
        SecurityCase(
            email: false, phone: true, twoFactor: false, score: 25, level: .weak,
            recommendations: [enable2FA, verifyEmail]),
        SecurityCase(
            email: true, phone: true, twoFactor: false, score: 50, level: .medium, recommendations: [enable2FA]),
        SecurityCase(
            email: false, phone: false, twoFactor: true, score: 50, level: .medium,
            recommendations: [verifyEmail, verifyPhone]),
        SecurityCase(
            email: true, phone: false, twoFactor: true, score: 75, level: .strong, recommendations: [verifyPhone]),
        SecurityCase(
            email: false, phone: true, twoFactor: true, score: 75, level: .strong, recommendations: [verifyEmail]),
        SecurityCase(email: true, phone: true, twoFactor: true, score: 100, level: .strong, recommendations: []),
    ]

    @Test("score, level and recommendations follow the scoring table", arguments: table)
    func strength(row: SecurityCase) throws {
        let account = Account(
            userID: try #require(UserID("u")), isEmailVerified: row.email, isPhoneVerified: row.phone,
            isTwoFactorEnabled: row.twoFactor, createdAt: try date("2024-01-01T00:00:00Z"))
        let strength = account.securityStrength
        #expect(strength.score == row.score)
        #expect(strength.level == row.level)
        #expect(strength.recommendations == row.recommendations)
        #expect(strength.description == row.level.summary)
        let payload = SocialWire.SecurityStrengthPayload(strength)
        #expect(payload.level == row.level.rawValue)
        #expect(payload.score == row.score)
    }

    @Test("the table covers all eight combinations")
    func coversEveryCombination() {
        #expect(Set(Self.table.map { "\($0.email)\($0.phone)\($0.twoFactor)" }).count == 8)
    }
}
