import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The domain's records, each written with its keys in the order `JSONEncoder`'s `.sortedKeys`
/// puts them (by UTF-8 bytes: `userID` before `username`), optionals left out when `nil`.
extension JSONFileRecordEncoder {
    /// Writes `record` as `UserRecord.encode(to:)` does: no `state` for an active account.
    mutating func record(_ record: UserRecord) throws(Unsupported) {
        open()
        key("account")
        try account(record.account)
        key("media")
        try array(record.media) { (encoder, media) throws(Unsupported) in try encoder.media(media) }
        key("preferences")
        try preferences(record.preferences)
        if let profile = record.profile {
            key("profile")
            try self.profile(profile)
        }
        if record.state != .active {
            key("state")
            try accountState(record.state)
        }
        close()
    }

    mutating func account(_ account: Account) throws(Unsupported) {
        open()
        key("createdAt")
        try date(account.createdAt)
        optionalString("email", account.email)
        key("isEmailVerified")
        bool(account.isEmailVerified)
        key("isLocked")
        bool(account.isLocked)
        key("isPhoneVerified")
        bool(account.isPhoneVerified)
        key("isTwoFactorEnabled")
        bool(account.isTwoFactorEnabled)
        key("isVerified")
        bool(account.isVerified)
        optionalString("phoneNumber", account.phoneNumber)
        key("roles")
        strings(account.roles)
        key("userID")
        string(account.userID.rawValue)
        close()
    }

    mutating func media(_ media: MediaReference) throws(Unsupported) {
        open()
        key("byteCount")
        integer(media.byteCount)
        key("contentType")
        string(media.contentType)
        key("createdAt")
        try date(media.createdAt)
        key("key")
        string(media.key)
        key("purpose")
        string(media.purpose)
        close()
    }

    mutating func preferences(_ preferences: Preferences) throws(Unsupported) {
        open()
        key("additional")
        try object(preferences.additional) { (encoder, value) throws(Unsupported) in
            try encoder.value(value, depth: 1)
        }
        key("defaultScenario")
        string(preferences.defaultScenario)
        try optionalDate("updatedAt", preferences.updatedAt)
        key("voicePreference")
        string(preferences.voicePreference)
        close()
    }

    mutating func profile(_ profile: Profile) throws(Unsupported) {
        open()
        optionalString("avatar", profile.avatar)
        optionalString("bio", profile.bio)
        key("counters")
        open()
        key("events")
        integer(profile.counters.events)
        key("posts")
        integer(profile.counters.posts)
        key("shops")
        integer(profile.counters.shops)
        close()
        key("createdAt")
        try date(profile.createdAt)
        optionalString("displayName", profile.displayName)
        optionalString("firstName", profile.firstName)
        key("id")
        string(profile.id.rawValue)
        optionalString("lastName", profile.lastName)
        if let location = profile.location {
            key("location")
            self.location(location)
        }
        optionalString("middleName", profile.middleName)
        key("niches")
        strings(profile.niches)
        key("pictureURLs")
        strings(profile.pictureURLs)
        key("socialLinks")
        socialLinks(profile.socialLinks)
        key("updatedAt")
        try date(profile.updatedAt)
        key("userID")
        string(profile.userID.rawValue)
        optionalString("username", profile.username?.rawValue)
        try optionalDate("usernameChangedAt", profile.usernameChangedAt)
        key("version")
        integer(profile.version)
        close()
    }

    private mutating func location(_ location: Location) {
        open()
        optionalString("city", location.city)
        optionalString("country", location.country)
        optionalString("state", location.state)
        optionalString("text", location.text)
        close()
    }

    /// Social links keyed by platform; the keys are ASCII lower case, so sorting the raw values
    /// as strings is sorting their bytes.
    private mutating func socialLinks(_ links: [SocialPlatform: String]) {
        open()
        for (index, link) in links.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(link.key.rawValue)
            bytes.append(UInt8(ascii: ":"))
            string(link.value)
        }
        close()
    }

    /// Writes `state` as its synthesized `Codable` does: `{"case":{"label":value}}`, a `nil`
    /// `until` left out.
    mutating func accountState(_ state: AccountState) throws(Unsupported) {
        switch state {
        case .active:
            openCase("active")
        case .deactivated(let since):
            openCase("deactivated")
            key("since")
            try date(since)
        case .suspended(let since, let until):
            openCase("suspended")
            key("since")
            try date(since)
            try optionalDate("until", until)
        case .pendingDeletion(let requestedAt, let purgeAfter):
            openCase("pendingDeletion")
            key("purgeAfter")
            try date(purgeAfter)
            key("requestedAt")
            try date(requestedAt)
        }
        close()
        close()
    }

    /// Writes `value` as `JSONValue.encode(to:)` does: a whole number below 2^53 as an integer.
    mutating func value(_ value: JSONValue, depth: Int) throws(Unsupported) {
        guard depth <= Self.maximumValueDepth else { throw Unsupported() }
        switch value {
        case .null: null()
        case .bool(let bool): self.bool(bool)
        case .number(let number):
            if number.rounded() == number, abs(number) < 9_007_199_254_740_992 {
                integer(Int64(number))
            } else {
                try self.number(number)
            }
        case .string(let string): self.string(string)
        case .array(let elements):
            try array(elements) { (encoder, element) throws(Unsupported) in
                try encoder.value(element, depth: depth + 1)
            }
        case .object(let members):
            try object(members) { (encoder, member) throws(Unsupported) in
                try encoder.value(member, depth: depth + 1)
            }
        }
    }

    mutating func usernameChange(_ change: UsernameChange) throws(Unsupported) {
        open()
        key("leftAt")
        try date(change.leftAt)
        key("username")
        string(change.username.rawValue)
        close()
    }

    mutating func usernameHold(_ hold: UsernameHold) throws(Unsupported) {
        open()
        optionalString("holder", hold.holder?.rawValue)
        key("since")
        try date(hold.since)
        try optionalDate("until", hold.until)
        key("username")
        string(hold.username.rawValue)
        close()
    }

    private mutating func optionalString(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    private mutating func optionalDate(_ name: StaticString, _ value: Date?) throws(Unsupported) {
        guard let value else { return }
        key(name)
        try date(value)
    }
}
