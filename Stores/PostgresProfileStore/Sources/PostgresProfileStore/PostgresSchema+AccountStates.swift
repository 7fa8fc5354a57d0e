extension PostgresSchema {
    /// Version 2: the account state as columns of `users` (name, since, until), so that an
    /// operator's query and the purge's "deletions due" are plain SQL over an index.
    ///
    /// `state_since` is when the state began (deactivated, suspended, the deletion requested);
    /// `state_until` is when a suspension ends (`NULL`: indefinitely) or when a pending deletion's
    /// grace period ends. Seconds since 2001-01-01 like every date column of version 1.
    var version2AccountStates: [String] {
        [
            """
            ALTER TABLE \(name).users
                ADD COLUMN account_state text NOT NULL DEFAULT 'active'
                    CHECK (account_state IN ('active', 'deactivated', 'suspended', 'pending_deletion')),
                ADD COLUMN state_since double precision,
                ADD COLUMN state_until double precision,
                ADD CONSTRAINT users_state_columns CHECK (
                    (account_state = 'active' AND state_since IS NULL AND state_until IS NULL)
                    OR (account_state = 'deactivated' AND state_since IS NOT NULL AND state_until IS NULL)
                    OR (account_state = 'suspended' AND state_since IS NOT NULL)
                    OR (account_state = 'pending_deletion' AND state_since IS NOT NULL AND state_until IS NOT NULL))
            """,
            """
            CREATE INDEX users_pending_deletion ON \(name).users (state_until)
                WHERE account_state = 'pending_deletion'
            """,
        ]
    }
}
