import Foundation
import ProfileDomain

@testable import ProfileStore

/// Seeded records and mutations for encoder tests: strings from a pool of hostile scalars
/// (controls, quotes, backslashes, slashes, DEL, separators, surrogate-pair emoji, combining
/// marks, the largest scalar), each optional present or absent, extreme numbers and dates, and
/// nested preference values with hostile keys.
struct RecordGenerator {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(state: seed) }

    private static let scalars: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", "\u{F}", "\u{10}", "\u{1F}",
        "\"", "\\", "/", " ", "a", "Z", "0", "~", "\u{7F}", "\u{80}", "\u{A0}", "é", "\u{301}", "\u{2028}",
        "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "世", "😀", "\u{1F3F3}", "\u{E000}", "\u{10FFFF}",
    ]

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    mutating func string(maximumLength: Int = 24) -> String {
        // One in twenty is long, to cross any buffer boundary an encoder might have.
        let length =
            chance(5) ? Int.random(in: 100...1_000, using: &random) : Int.random(in: 0...maximumLength, using: &random)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            if chance(50) {
                scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random)))
            } else {
                scalars.append(Self.scalars.randomElement(using: &random) ?? "a")
            }
        }
        return String(scalars)
    }

    mutating func optionalString() -> String? { chance(50) ? string() : nil }

    /// Visible ASCII, as identifiers are, `"`, `\` and `/` included.
    mutating func identifier() -> String {
        let length = Int.random(in: 1...12, using: &random)
        return String(decoding: (0..<length).map { _ in UInt8.random(in: 0x21...0x7E, using: &random) }, as: UTF8.self)
    }

    mutating func user() -> UserID { UserID(identifier()) ?? .random() }

    mutating func username() -> Username { Username(checked: string(maximumLength: 12)) }

    mutating func number() -> Double {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: Double(Int.random(in: -1_000...1_000, using: &random))
        case 1: Double.random(in: -1...1, using: &random)
        case 2: Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random) & ~(0x7FF << 52))
        case 3:
            [0, -0.0, 1e16, 1e21, 9_007_199_254_740_992, -9_007_199_254_740_994, .leastNonzeroMagnitude].randomElement(
                using: &random)
                ?? 0
        default: finite(Double(bitPattern: random.next()))
        }
    }

    /// `number`, or 1.5 for a bit pattern that is NaN or infinite.
    private func finite(_ number: Double) -> Double { number.isFinite ? number : 1.5 }

    mutating func date() -> Date {
        chance(70)
            ? Date(
                timeIntervalSinceReferenceDate: Double(Int.random(in: 0...900_000_000, using: &random))
                    + Double.random(in: 0..<1, using: &random))
            : Date(timeIntervalSinceReferenceDate: number())
    }

    mutating func optionalDate() -> Date? { chance(50) ? date() : nil }

    mutating func integer() -> Int {
        chance(20)
            ? [Int.min, Int.max, 0, -1].randomElement(using: &random) ?? 0
            : Int.random(in: -99_999...99_999, using: &random)
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        switch Int.random(in: 0..<(depth < 4 ? 6 : 4), using: &random) {
        case 0: .null
        case 1: .bool(chance(50))
        case 2: .number(number())
        case 3: .string(string())
        case 4: .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
        default: .object(members(depth: depth + 1))
        }
    }

    mutating func members(depth: Int) -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for _ in 0..<Int.random(in: 0...5, using: &random) { members[string(maximumLength: 6)] = value(depth: depth) }
        return members
    }

    mutating func accountState() -> AccountState {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: .active
        case 1: .deactivated(since: date())
        case 2: .suspended(since: date(), until: optionalDate())
        default: .pendingDeletion(requestedAt: date(), purgeAfter: date())
        }
    }

    mutating func profile(of user: UserID) throws -> Profile {
        var profile = Profile(
            id: ProfileID(identifier()) ?? .random(), userID: chance(90) ? user : self.user(), createdAt: date())
        profile.username = chance(80) ? username() : nil
        profile.displayName = optionalString()
        profile.firstName = optionalString()
        profile.middleName = optionalString()
        profile.lastName = optionalString()
        profile.bio = optionalString()
        profile.niches = (0..<Int.random(in: 0...3, using: &random)).map { _ in string() }
        if chance(60) {
            profile.location = Location(
                city: optionalString(), state: optionalString(), country: optionalString(), text: optionalString())
        }
        for platform in SocialPlatform.allCases where chance(30) { profile.socialLinks[platform] = string() }
        profile.avatar = optionalString()
        profile.pictureURLs = (0..<Int.random(in: 0...3, using: &random)).map { _ in string() }
        profile.counters = ProfileCounters(posts: integer(), shops: integer(), events: integer())
        profile.updatedAt = date()
        profile.usernameChangedAt = optionalDate()
        profile.version = integer()
        return profile
    }

    mutating func record() throws -> UserRecord {
        let user = self.user()
        let account = Account(
            userID: user, email: optionalString(), phoneNumber: optionalString(), isVerified: chance(50),
            isEmailVerified: chance(50), isPhoneVerified: chance(50), isTwoFactorEnabled: chance(50),
            isLocked: chance(50),
            roles: (0..<Int.random(in: 0...3, using: &random)).map { _ in string() }, createdAt: date())
        let preferences = Preferences(
            voicePreference: string(), defaultScenario: string(), additional: chance(60) ? members(depth: 0) : [:],
            updatedAt: optionalDate())
        let media = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            MediaReference(
                key: string(), contentType: string(), byteCount: integer(), purpose: string(), createdAt: date())
        }
        return UserRecord(
            account: account, profile: chance(85) ? try profile(of: user) : nil, preferences: preferences, media: media,
            state: accountState())
    }

    mutating func hold() -> UsernameHold {
        UsernameHold(username: username(), holder: chance(75) ? user() : nil, since: date(), until: optionalDate())
    }

    mutating func change() -> UsernameChange { UsernameChange(username: username(), leftAt: date()) }

    /// A `put` or a `rename`, the mutations that carry a whole record.
    mutating func recordMutation() throws -> StoreMutation {
        chance(75)
            ? .put(record: try record())
            : .rename(record: try record(), left: change(), hold: chance(50) ? hold() : nil)
    }

    /// Any mutation, the ones without a record more often (they are cheaper to check).
    mutating func smallMutation() throws -> StoreMutation {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: .follow(follower: user(), followee: user())
        case 1: .unfollow(follower: user(), followee: user())
        case 2: .block(blocker: user(), blocked: user())
        case 3: .unblock(blocker: user(), blocked: user())
        case 4: .delete(user: user())
        case 5: .deleteHolding(user: user(), hold: hold())
        case 6: .setHold(usernameKey: string(), hold: chance(50) ? hold() : nil)
        case 7: .setHistory(user: user(), history: (0..<Int.random(in: 0...3, using: &random)).map { _ in change() })
        default: try recordMutation()
        }
    }
}
