import PostgresNIO
import ProfileDomain
import ProfileStore

/// The statements that store one record's rows, part by part; each runs inside a transaction
/// that holds the user's row lock (or inserts that row).
extension PostgresProfileStore {
    /// Stores `candidate` over `current` (`nil` for a new user), touching only the parts that
    /// changed, and turns a unique violation into the error the protocol names.
    func write(_ candidate: UserRecord, over current: UserRecord?, on connection: PostgresConnection) async throws {
        do {
            // The profile (profile id, then username) is written before the email key, so that a
            // record clashing on both reports the username, as the in-memory store does.
            if current == nil {
                try await insertAccount(candidate.account, on: connection)
            }
            if candidate.profile != current?.profile {
                try await writeProfile(candidate.profile, of: candidate.userID, on: connection)
            }
            if candidate.account != current?.account, current != nil || candidate.account.emailKey != nil {
                try await updateAccount(candidate.account, on: connection)
            }
            if candidate.state != current?.state ?? .active {
                try await writeState(candidate.state, of: candidate.userID, on: connection)
            }
            if current == nil || candidate.preferences != current?.preferences {
                try await writePreferences(candidate.preferences, of: candidate.userID, on: connection)
            }
            if candidate.media != current?.media ?? [] {
                try await writeMedia(candidate.media, of: candidate.userID, on: connection)
            }
        } catch let error as PSQLError {
            guard case .uniqueViolation(let constraint) = PostgresFailure(error) else { throw error }
            switch constraint {
            case PostgresSchema.usernameConstraint:
                throw ProfileStoreError.usernameTaken(candidate.profile?.username?.rawValue ?? "")
            case PostgresSchema.emailConstraint:
                throw ProfileStoreError.emailTaken
            case PostgresSchema.profileIDConstraint:
                throw ProfileStoreError.invalidMutation(
                    "profile id \(candidate.profile?.id.rawValue ?? "") belongs to another user")
            default:
                throw error
            }
        }
    }

    /// Inserts the user's row without its email key, which ``updateAccount(_:on:)`` sets once
    /// the profile is written.
    private func insertAccount(_ account: Account, on connection: PostgresConnection) async throws {
        try await connection.guardedQuery(
            """
            INSERT INTO \(unescaped: schema.name).users (user_id, email, phone_number, is_verified,
                is_email_verified, is_phone_verified, is_two_factor_enabled, is_locked, roles, created_at)
            VALUES (\(account.userID.rawValue), \(account.email), \(account.phoneNumber),
                \(account.isVerified), \(account.isEmailVerified), \(account.isPhoneVerified),
                \(account.isTwoFactorEnabled), \(account.isLocked), \(account.roles),
                \(account.createdAt.timeIntervalSinceReferenceDate))
            """,
            logger: logger)
    }

    private func updateAccount(_ account: Account, on connection: PostgresConnection) async throws {
        try await connection.guardedQuery(
            """
            UPDATE \(unescaped: schema.name).users SET email = \(account.email), email_key = \(account.emailKey),
                phone_number = \(account.phoneNumber), is_verified = \(account.isVerified),
                is_email_verified = \(account.isEmailVerified), is_phone_verified = \(account.isPhoneVerified),
                is_two_factor_enabled = \(account.isTwoFactorEnabled), is_locked = \(account.isLocked),
                roles = \(account.roles), created_at = \(account.createdAt.timeIntervalSinceReferenceDate)
            WHERE user_id = \(account.userID.rawValue)
            """,
            logger: logger)
    }

    private func writeState(_ state: AccountState, of user: UserID, on connection: PostgresConnection) async throws {
        let columns = PostgresRecordColumns.columns(of: state)
        try await connection.guardedQuery(
            """
            UPDATE \(unescaped: schema.name).users SET account_state = \(columns.name),
                state_since = \(columns.since), state_until = \(columns.until)
            WHERE user_id = \(user.rawValue)
            """,
            logger: logger)
    }

    private func writeProfile(_ profile: Profile?, of user: UserID, on connection: PostgresConnection) async throws {
        guard let profile else {
            try await connection.guardedQuery(
                "DELETE FROM \(unescaped: schema.name).profiles WHERE user_id = \(user.rawValue)", logger: logger)
            return
        }
        let location = profile.location
        let socialLinks = try JSONCoding.encode(profile.socialLinks)
        try await connection.guardedQuery(
            """
            INSERT INTO \(unescaped: schema.name).profiles AS p (user_id, profile_id, username, username_key,
                display_name, first_name, middle_name, last_name, bio, niches, location_city, location_state,
                location_country, location_text, social_links, avatar, picture_urls, posts_count, shops_count,
                events_count, created_at, updated_at, username_changed_at, version)
            VALUES (\(user.rawValue), \(profile.id.rawValue), \(profile.username?.rawValue),
                \(profile.username?.canonicalKey), \(profile.displayName), \(profile.firstName),
                \(profile.middleName), \(profile.lastName), \(profile.bio), \(profile.niches), \(location?.city),
                \(location?.state), \(location?.country), \(location?.text),
                \(socialLinks)::jsonb, \(profile.avatar), \(profile.pictureURLs),
                \(profile.counters.posts), \(profile.counters.shops), \(profile.counters.events),
                \(profile.createdAt.timeIntervalSinceReferenceDate), \(profile.updatedAt.timeIntervalSinceReferenceDate),
                \(profile.usernameChangedAt?.timeIntervalSinceReferenceDate), \(profile.version))
            ON CONFLICT (user_id) DO UPDATE SET profile_id = EXCLUDED.profile_id, username = EXCLUDED.username,
                username_key = EXCLUDED.username_key, display_name = EXCLUDED.display_name,
                first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
                last_name = EXCLUDED.last_name, bio = EXCLUDED.bio, niches = EXCLUDED.niches,
                location_city = EXCLUDED.location_city, location_state = EXCLUDED.location_state,
                location_country = EXCLUDED.location_country, location_text = EXCLUDED.location_text,
                social_links = EXCLUDED.social_links, avatar = EXCLUDED.avatar,
                picture_urls = EXCLUDED.picture_urls, posts_count = EXCLUDED.posts_count,
                shops_count = EXCLUDED.shops_count, events_count = EXCLUDED.events_count,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
                username_changed_at = EXCLUDED.username_changed_at, version = EXCLUDED.version
            """,
            logger: logger)
    }

    private func writePreferences(
        _ preferences: Preferences, of user: UserID, on connection: PostgresConnection
    ) async throws {
        let additional = try JSONCoding.encode(preferences.additional)
        try await connection.guardedQuery(
            """
            INSERT INTO \(unescaped: schema.name).preferences (user_id, voice_preference, default_scenario,
                additional, updated_at)
            VALUES (\(user.rawValue), \(preferences.voicePreference), \(preferences.defaultScenario),
                \(additional)::jsonb,
                \(preferences.updatedAt?.timeIntervalSinceReferenceDate))
            ON CONFLICT (user_id) DO UPDATE SET voice_preference = EXCLUDED.voice_preference,
                default_scenario = EXCLUDED.default_scenario, additional = EXCLUDED.additional,
                updated_at = EXCLUDED.updated_at
            """,
            logger: logger)
    }

    private func writeMedia(_ media: [MediaReference], of user: UserID, on connection: PostgresConnection) async throws
    {
        try await connection.guardedQuery(
            "DELETE FROM \(unescaped: schema.name).media_references WHERE user_id = \(user.rawValue)", logger: logger)
        for (position, reference) in media.enumerated() {
            try await connection.guardedQuery(
                """
                INSERT INTO \(unescaped: schema.name).media_references (user_id, position, media_key, content_type,
                    byte_count, purpose, created_at)
                VALUES (\(user.rawValue), \(position), \(reference.key), \(reference.contentType),
                    \(reference.byteCount), \(reference.purpose), \(reference.createdAt.timeIntervalSinceReferenceDate))
                """,
                logger: logger)
        }
    }
}
