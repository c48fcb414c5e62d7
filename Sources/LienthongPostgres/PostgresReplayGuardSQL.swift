import PostgresNIO

/// Every SQL statement of the PostgreSQL replay guard.
enum PostgresReplayGuardSQL {
    static let migration = PostgresMigration(
        version: 2, name: "replay guard",
        statements: [
            """
            CREATE TABLE seen_messages (
                message_id text PRIMARY KEY,
                sender text NOT NULL,
                seen_ms bigint NOT NULL
            )
            """,
            "CREATE INDEX seen_messages_by_time ON seen_messages (seen_ms)",
        ])

    /// Records every sighting of a batch; returns the ids that were new. The caller sorts the rows
    /// by id so that two replicas inserting overlapping batches lock in the same order (no deadlock).
    static func record(_ sightings: [(id: String, sender: String, milliseconds: Int64)]) -> PostgresQuery {
        var sql = "INSERT INTO seen_messages (message_id, sender, seen_ms) VALUES "
        var binds = PostgresBindings(capacity: sightings.count * 3)
        for (index, sighting) in sightings.enumerated() {
            let base = index * 3
            sql += (index == 0 ? "" : ", ") + "($\(base + 1), $\(base + 2), $\(base + 3))"
            binds.append(sighting.id)
            binds.append(sighting.sender)
            binds.append(sighting.milliseconds)
        }
        sql += " ON CONFLICT (message_id) DO NOTHING RETURNING message_id"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static func prune(before cutoff: Int64) -> PostgresQuery {
        "DELETE FROM seen_messages WHERE seen_ms < \(cutoff)"
    }

    /// Prunes and answers how many rows went.
    static func pruneCounting(before cutoff: Int64) -> PostgresQuery {
        "WITH gone AS (DELETE FROM seen_messages WHERE seen_ms < \(cutoff) RETURNING 1) SELECT COUNT(*) FROM gone"
    }

    static let count: PostgresQuery = "SELECT COUNT(*) FROM seen_messages"
}
