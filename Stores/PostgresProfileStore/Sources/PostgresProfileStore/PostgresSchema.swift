/// The store's tables, as numbered migrations over one schema.
///
/// Migration `n` is a list of statements run in one transaction with the row
/// `schema_migrations(version = n)`; a start-up applies the missing ones under a transaction-level
/// advisory lock, so two processes starting at once apply each migration exactly once. A migration,
/// once released, never changes: a new column is a new migration.
///
/// Dates are `double precision` seconds since 2001-01-01 UTC, Swift's own `Date` representation,
/// so that a record reads back bit for bit; the generated `*_utc` columns show them as
/// `timestamptz` for people and indexes.
struct PostgresSchema: Sendable {
    /// The schema name, checked to be a plain identifier before it is written into SQL.
    let name: String

    /// Accepts `name` only when it is a lower-case SQL identifier that needs no quoting.
    init(name: String) throws(PostgresProfileStoreError) {
        let bytes = Array(name.utf8)
        let valid =
            (1...63).contains(bytes.count)
            && bytes.enumerated().allSatisfy { index, byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (index > 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
            }
        guard valid else { throw .invalidSchemaName(name) }
        self.name = name
    }

    /// The constraint whose violation means another user holds the username.
    static let usernameConstraint = "profiles_username_key_unique"
    /// The constraint whose violation means another account holds the email.
    static let emailConstraint = "users_email_key_unique"
    /// The constraint whose violation means another user holds the profile id.
    static let profileIDConstraint = "profiles_profile_id_unique"
    /// The constraint whose violation means a concurrent transaction created the same user.
    static let userKeyConstraints: Set<String> = ["users_pkey", "preferences_pkey"]

    /// The newest version this build knows.
    var latestVersion: Int { migrations.count }

    /// The statement that creates the bookkeeping table, run before the version is read.
    var bookkeeping: [String] {
        [
            "CREATE SCHEMA IF NOT EXISTS \(name)",
            """
            CREATE TABLE IF NOT EXISTS \(name).schema_migrations (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]
    }

    /// Every migration in order; index 0 is version 1.
    var migrations: [[String]] {
        [version1, version2AccountStates, version3UsernameHolds]
    }

    private var version1: [String] {
        let utc = "to_timestamp(978307200 + created_at)"
        return [
            """
            CREATE TABLE \(name).users (
                user_id text PRIMARY KEY,
                email text,
                email_key text CONSTRAINT \(Self.emailConstraint) UNIQUE,
                phone_number text,
                is_verified boolean NOT NULL,
                is_email_verified boolean NOT NULL,
                is_phone_verified boolean NOT NULL,
                is_two_factor_enabled boolean NOT NULL,
                is_locked boolean NOT NULL,
                roles text[] NOT NULL,
                created_at double precision NOT NULL,
                created_at_utc timestamptz GENERATED ALWAYS AS (\(utc)) STORED,
                follower_count bigint NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
                following_count bigint NOT NULL DEFAULT 0 CHECK (following_count >= 0)
            )
            """,
            """
            CREATE TABLE \(name).profiles (
                user_id text PRIMARY KEY REFERENCES \(name).users ON DELETE CASCADE,
                profile_id text NOT NULL CONSTRAINT \(Self.profileIDConstraint) UNIQUE,
                username text,
                username_key text CONSTRAINT \(Self.usernameConstraint) UNIQUE,
                display_name text,
                first_name text,
                middle_name text,
                last_name text,
                bio text,
                niches text[] NOT NULL,
                location_city text,
                location_state text,
                location_country text,
                location_text text,
                social_links jsonb NOT NULL,
                avatar text,
                picture_urls text[] NOT NULL,
                posts_count bigint NOT NULL,
                shops_count bigint NOT NULL,
                events_count bigint NOT NULL,
                created_at double precision NOT NULL,
                updated_at double precision NOT NULL,
                username_changed_at double precision,
                version bigint NOT NULL,
                created_at_utc timestamptz GENERATED ALWAYS AS (\(utc)) STORED,
                updated_at_utc timestamptz GENERATED ALWAYS AS (to_timestamp(978307200 + updated_at)) STORED
            )
            """,
            """
            CREATE TABLE \(name).preferences (
                user_id text PRIMARY KEY REFERENCES \(name).users ON DELETE CASCADE,
                voice_preference text NOT NULL,
                default_scenario text NOT NULL,
                additional jsonb NOT NULL,
                updated_at double precision
            )
            """,
            """
            CREATE TABLE \(name).media_references (
                user_id text NOT NULL REFERENCES \(name).users ON DELETE CASCADE,
                position integer NOT NULL,
                media_key text NOT NULL,
                content_type text NOT NULL,
                byte_count bigint NOT NULL,
                purpose text NOT NULL,
                created_at double precision NOT NULL,
                PRIMARY KEY (user_id, position)
            )
            """,
            "CREATE INDEX media_references_media_key ON \(name).media_references (media_key)",
        ] + edgeTable("follows", from: "follower_id", to: "followee_id")
            + edgeTable("blocks", from: "blocker_id", to: "blocked_id") + followCounters
    }

    /// A directed edge table: one row per edge, both ends deleted with their user, indexed both ways.
    private func edgeTable(_ table: String, from: String, to: String) -> [String] {
        [
            """
            CREATE TABLE \(name).\(table) (
                \(from) text NOT NULL REFERENCES \(name).users ON DELETE CASCADE,
                \(to) text NOT NULL REFERENCES \(name).users ON DELETE CASCADE,
                PRIMARY KEY (\(from), \(to)),
                CHECK (\(from) <> \(to))
            )
            """,
            "CREATE INDEX \(table)_\(to) ON \(name).\(table) (\(to), \(from))",
        ]
    }

    /// The follower and following counters, kept by a trigger in the transaction that inserts
    /// or deletes the edge (cascades included), so they are exact under any concurrency.
    private var followCounters: [String] {
        [
            """
            CREATE FUNCTION \(name).count_follows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    UPDATE \(name).users SET following_count = following_count + 1 WHERE user_id = NEW.follower_id;
                    UPDATE \(name).users SET follower_count = follower_count + 1 WHERE user_id = NEW.followee_id;
                    RETURN NEW;
                END IF;
                UPDATE \(name).users SET following_count = following_count - 1 WHERE user_id = OLD.follower_id;
                UPDATE \(name).users SET follower_count = follower_count - 1 WHERE user_id = OLD.followee_id;
                RETURN OLD;
            END
            $$
            """,
            """
            CREATE TRIGGER follows_count AFTER INSERT OR DELETE ON \(name).follows
            FOR EACH ROW EXECUTE FUNCTION \(name).count_follows()
            """,
        ]
    }
}
