extension PostgresSchema {
    /// Version 3: username holds and history (see `ProfileStore`).
    ///
    /// `username_holds` has one row per held canonical key (the primary key, so two holds on one
    /// key cannot exist and a claim locks the one row it contends for). `holder_id` is `NULL` for
    /// a hold nobody may reclaim; `ON DELETE SET NULL` makes every hold of a deleted user such a
    /// hold in the deleting transaction, so a hold that outlives its user keeps the name but not
    /// the user's id. `username_history` rows go with their user (`ON DELETE CASCADE`), ordered
    /// by `position` (1, 2, ... per user, oldest first). Dates are seconds since 2001-01-01, as
    /// in version 1.
    var version3UsernameHolds: [String] {
        [
            """
            CREATE TABLE \(name).username_holds (
                username_key text PRIMARY KEY,
                username text NOT NULL,
                holder_id text REFERENCES \(name).users ON DELETE SET NULL,
                since double precision NOT NULL,
                until double precision,
                until_utc timestamptz GENERATED ALWAYS AS (to_timestamp(978307200 + until)) STORED
            )
            """,
            "CREATE INDEX username_holds_holder ON \(name).username_holds (holder_id) WHERE holder_id IS NOT NULL",
            """
            CREATE TABLE \(name).username_history (
                user_id text NOT NULL REFERENCES \(name).users ON DELETE CASCADE,
                position integer NOT NULL CHECK (position > 0),
                username text NOT NULL,
                left_at double precision NOT NULL,
                PRIMARY KEY (user_id, position)
            )
            """,
        ]
    }
}
