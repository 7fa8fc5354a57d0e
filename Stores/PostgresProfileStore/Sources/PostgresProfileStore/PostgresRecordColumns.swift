import PostgresNIO
import ProfileDomain
import ProfileStore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a whole ``ProfileDomain/UserRecord`` from one row of ``select(in:where:)``: the user,
/// its profile (left join), its preferences, and its media references as parallel arrays.
enum PostgresRecordColumns {
    /// The query that reads records; `condition` is SQL over the aliases `u` (users) and `p`
    /// (profiles).
    static func select(in schema: String, where condition: String) -> String {
        let media = { (column: String) in
            "ARRAY(SELECT m.\(column) FROM \(schema).media_references m WHERE m.user_id = u.user_id "
                + "ORDER BY m.position) AS media_\(column)"
        }
        return """
            SELECT u.user_id, u.email, u.phone_number, u.is_verified, u.is_email_verified, u.is_phone_verified,
                u.is_two_factor_enabled, u.is_locked, u.roles, u.created_at,
                u.account_state, u.state_since, u.state_until,
                p.profile_id, p.username, p.display_name, p.first_name, p.middle_name, p.last_name, p.bio,
                p.niches, p.location_city, p.location_state, p.location_country, p.location_text,
                p.social_links::text AS social_links, p.avatar, p.picture_urls, p.posts_count, p.shops_count,
                p.events_count, p.created_at AS profile_created_at, p.updated_at AS profile_updated_at,
                p.username_changed_at, p.version,
                r.voice_preference, r.default_scenario, r.additional::text AS additional,
                r.updated_at AS preferences_updated_at,
                \(["media_key", "content_type", "byte_count", "purpose", "created_at"].map(media).joined(separator: ", "))
            FROM \(schema).users u
            JOIN \(schema).preferences r ON r.user_id = u.user_id
            LEFT JOIN \(schema).profiles p ON p.user_id = u.user_id
            WHERE \(condition)
            """
    }

    /// The record in `row`.
    static func record(from row: PostgresRow) throws -> UserRecord {
        let cells = row.makeRandomAccess()
        func value<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
            try cells[column].decode(T.self)
        }
        func date(_ column: String) throws -> Date {
            Date(timeIntervalSinceReferenceDate: try value(column))
        }
        func optionalDate(_ column: String) throws -> Date? {
            try value(column, as: Double?.self).map(Date.init(timeIntervalSinceReferenceDate:))
        }
        let userID = try identifier({ UserID($0) }, try value("user_id"))
        let account = Account(
            userID: userID,
            email: try value("email"),
            phoneNumber: try value("phone_number"),
            isVerified: try value("is_verified"),
            isEmailVerified: try value("is_email_verified"),
            isPhoneVerified: try value("is_phone_verified"),
            isTwoFactorEnabled: try value("is_two_factor_enabled"),
            isLocked: try value("is_locked"),
            roles: try value("roles"),
            createdAt: try date("created_at")
        )
        var profile: Profile?
        if let profileID = try value("profile_id", as: String?.self) {
            var stored = Profile(
                id: try identifier({ ProfileID($0) }, profileID), userID: userID,
                createdAt: try date("profile_created_at"))
            stored.username = try value("username", as: String?.self).map { try identifier({ Username($0) }, $0) }
            stored.displayName = try value("display_name")
            stored.firstName = try value("first_name")
            stored.middleName = try value("middle_name")
            stored.lastName = try value("last_name")
            stored.bio = try value("bio")
            stored.niches = try value("niches")
            let location = Location(
                city: try value("location_city"), state: try value("location_state"),
                country: try value("location_country"), text: try value("location_text"))
            stored.location = location.isEmpty ? nil : location
            stored.socialLinks = try JSONCoding.decode([SocialPlatform: String].self, from: try value("social_links"))
            stored.avatar = try value("avatar")
            stored.pictureURLs = try value("picture_urls")
            stored.counters = ProfileCounters(
                posts: try value("posts_count"), shops: try value("shops_count"), events: try value("events_count"))
            stored.updatedAt = try date("profile_updated_at")
            stored.usernameChangedAt = try optionalDate("username_changed_at")
            stored.version = try value("version")
            profile = stored
        }
        let preferences = Preferences(
            voicePreference: try value("voice_preference"),
            defaultScenario: try value("default_scenario"),
            additional: try JSONCoding.decode([String: JSONValue].self, from: try value("additional")),
            updatedAt: try optionalDate("preferences_updated_at")
        )
        let keys: [String] = try value("media_media_key")
        let types: [String] = try value("media_content_type")
        let sizes: [Int] = try value("media_byte_count")
        let purposes: [String] = try value("media_purpose")
        let dates: [Double] = try value("media_created_at")
        let media = keys.indices.map { index in
            MediaReference(
                key: keys[index], contentType: types[index], byteCount: sizes[index], purpose: purposes[index],
                createdAt: Date(timeIntervalSinceReferenceDate: dates[index]))
        }
        let state = try accountState(
            try value("account_state"), since: try optionalDate("state_since"), until: try optionalDate("state_until"))
        return UserRecord(account: account, profile: profile, preferences: preferences, media: media, state: state)
    }

    /// The state the three state columns hold; the table's check constraint keeps them consistent.
    private static func accountState(_ name: String, since: Date?, until: Date?) throws -> AccountState {
        switch (name, since, until) {
        case ("active", _, _): return .active
        case ("deactivated", let since?, _): return .deactivated(since: since)
        case ("suspended", let since?, let until): return .suspended(since: since, until: until)
        case ("pending_deletion", let since?, let until?):
            return .pendingDeletion(requestedAt: since, purgeAfter: until)
        default:
            throw PostgresProfileStoreError.invalidData("users.account_state \(name) without its dates").storeError
        }
    }

    /// The columns `account_state`, `state_since`, `state_until` for `state`.
    static func columns(of state: AccountState) -> (name: String, since: Double?, until: Double?) {
        let dates: (since: Date?, until: Date?)
        switch state {
        case .active: dates = (nil, nil)
        case .deactivated(let since): dates = (since, nil)
        case .suspended(let since, let until): dates = (since, until)
        case .pendingDeletion(let requestedAt, let purgeAfter): dates = (requestedAt, purgeAfter)
        }
        return (
            state.name, dates.since?.timeIntervalSinceReferenceDate, dates.until?.timeIntervalSinceReferenceDate
        )
    }

    /// A stored identifier that no longer parses means rows written by something else.
    static func identifier<T>(_ make: (String) -> T?, _ raw: String) throws(ProfileStoreError) -> T {
        guard let value = make(raw) else {
            throw PostgresProfileStoreError.invalidData("\(raw), which is not a valid \(T.self)").storeError
        }
        return value
    }
}

/// JSON for the `jsonb` columns, with the library's own Codable conformances.
enum JSONCoding {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
