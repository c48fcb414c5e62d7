/// Every SQL statement of the SQLite replay guard, in one place.
enum ReplayGuardSQL {
    static let migration = SQLiteMigration(
        version: 2, name: "replay guard",
        sql: """
            CREATE TABLE seen_messages (
                message_id TEXT PRIMARY KEY,
                sender TEXT NOT NULL,
                seen_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX seen_messages_by_time ON seen_messages (seen_ms);
            """)

    /// Changes one row on a first sighting, none on a replay.
    static let record = """
        INSERT INTO seen_messages (message_id, sender, seen_ms) VALUES (?, ?, ?) ON CONFLICT (message_id) DO NOTHING
        """

    static let prune = "DELETE FROM seen_messages WHERE seen_ms < ?"

    static let count = "SELECT COUNT(*) FROM seen_messages"
}
