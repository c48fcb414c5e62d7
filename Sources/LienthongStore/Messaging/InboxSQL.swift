/// Every SQL statement of the SQLite inbox, in one place.
enum InboxSQL {
    /// `sequence` is AUTOINCREMENT so that a purged sequence is never handed out again: clients page
    /// with it as a cursor.
    static let migration = SQLiteMigration(
        version: 4, name: "inbox",
        sql: """
            CREATE TABLE inbox_messages (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                sender TEXT NOT NULL,
                recipient TEXT NOT NULL,
                service TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                correlation_id TEXT,
                payload BLOB NOT NULL,
                jws TEXT NOT NULL,
                payload_digest BLOB NOT NULL,
                receipt_id TEXT NOT NULL,
                receipt_created_ms INTEGER NOT NULL,
                receipt_payload BLOB NOT NULL,
                receipt_jws TEXT NOT NULL,
                route TEXT NOT NULL CHECK (route IN ('client', 'adapter', 'webhook')),
                state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'dead')),
                received_ms INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_ms INTEGER,
                lease_owner TEXT,
                lease_expires_ms INTEGER,
                last_error TEXT,
                finished_ms INTEGER
            );
            CREATE INDEX inbox_pending ON inbox_messages (route, sequence) WHERE state = 'pending';
            CREATE INDEX inbox_correlation ON inbox_messages (correlation_id) WHERE correlation_id IS NOT NULL;
            CREATE INDEX inbox_finished ON inbox_messages (finished_ms) WHERE state = 'done';
            """)

    /// The bytes of the message and its receipt move into `inbox_bodies`, written once, keyed by
    /// the row's sequence: a lease or a hand-over report then rewrites a row of about a hundred
    /// bytes instead of the 6 to 9 KB one (see `OutboxSQL.bytesApartMigration`). `DROP COLUMN`
    /// keeps the table, so its AUTOINCREMENT counter never hands out a purged sequence again.
    static let bytesApartMigration = SQLiteMigration(
        version: 7, name: "inbox bytes apart from the state",
        sql: """
            CREATE TABLE inbox_bodies (
                sequence INTEGER PRIMARY KEY,
                payload BLOB NOT NULL,
                jws TEXT NOT NULL,
                receipt_payload BLOB NOT NULL,
                receipt_jws TEXT NOT NULL
            );
            INSERT INTO inbox_bodies (sequence, payload, jws, receipt_payload, receipt_jws)
                SELECT sequence, payload, jws, receipt_payload, receipt_jws FROM inbox_messages;
            ALTER TABLE inbox_messages DROP COLUMN payload;
            ALTER TABLE inbox_messages DROP COLUMN jws;
            ALTER TABLE inbox_messages DROP COLUMN receipt_payload;
            ALTER TABLE inbox_messages DROP COLUMN receipt_jws;
            CREATE TRIGGER inbox_messages_removed AFTER DELETE ON inbox_messages BEGIN
                DELETE FROM inbox_bodies WHERE sequence = old.sequence;
            END;
            """)

    /// A message's row with the bytes of the message and its receipt.
    static let joined = "inbox_messages JOIN inbox_bodies USING (sequence)"

    /// The columns `InboxRow` reads, in its order, from `joined`.
    static let columns = """
        sequence, message_id, sender, recipient, service, created_ms, correlation_id, payload, jws, payload_digest,
        receipt_id, receipt_created_ms, receipt_payload, receipt_jws, route, state, received_ms, attempts,
        next_attempt_ms, last_error, finished_ms
        """

    static let insert = """
        INSERT INTO inbox_messages (
            message_id, sender, recipient, service, created_ms, correlation_id, payload_digest,
            receipt_id, receipt_created_ms, route, state, received_ms, next_attempt_ms
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
        ON CONFLICT (message_id) DO NOTHING
        """

    /// Only after `insert` added the row, whose sequence `last_insert_rowid()` is then.
    static let insertBody = """
        INSERT INTO inbox_bodies (sequence, payload, jws, receipt_payload, receipt_jws)
        VALUES (last_insert_rowid(), ?, ?, ?, ?)
        """

    /// What a re-delivery is compared with and answered from.
    static let existing = """
        SELECT sequence, payload_digest, sender, receipt_id, receipt_created_ms, receipt_payload, receipt_jws
        FROM \(joined) WHERE message_id = ?
        """

    static let select = "SELECT \(columns) FROM \(joined) WHERE message_id = ?"

    static let pending = """
        SELECT \(columns) FROM \(joined)
        WHERE state = 'pending' AND route = ? AND sequence > ? ORDER BY sequence LIMIT ?
        """

    static let correlated = """
        SELECT \(columns) FROM \(joined) WHERE correlation_id = ? ORDER BY message_id
        """

    static let acknowledge = """
        UPDATE inbox_messages SET state = 'done', finished_ms = ?, next_attempt_ms = NULL
        WHERE message_id = ? AND route = 'client' AND state = 'pending'
        """

    static let dueCandidates = """
        SELECT sequence FROM inbox_messages
        WHERE state = 'pending' AND route = ?1 AND next_attempt_ms <= ?2
          AND (lease_expires_ms IS NULL OR lease_expires_ms <= ?2)
        ORDER BY sequence LIMIT ?3
        """

    static let lease = """
        UPDATE inbox_messages SET attempts = attempts + 1, lease_owner = ?, lease_expires_ms = ? WHERE sequence = ?
        """

    static let selectBySequence = "SELECT \(columns) FROM \(joined) WHERE sequence = ?"

    static let processed = """
        UPDATE inbox_messages
        SET state = 'done', finished_ms = ?, next_attempt_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = ? AND state = 'pending' AND lease_owner = ? AND attempts = ?
        """

    static let retryLater = """
        UPDATE inbox_messages SET next_attempt_ms = ?, last_error = ?, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = ? AND state = 'pending' AND lease_owner = ? AND attempts = ?
        """

    static let dead = """
        UPDATE inbox_messages
        SET state = 'dead', last_error = ?, finished_ms = ?, next_attempt_ms = NULL, lease_owner = NULL,
            lease_expires_ms = NULL
        WHERE message_id = ? AND state = 'pending' AND lease_owner = ? AND attempts = ?
        """

    static let retry = """
        UPDATE inbox_messages SET state = 'pending', attempts = 0, next_attempt_ms = ?, finished_ms = NULL
        WHERE message_id = ? AND state = 'dead'
        """

    static let releaseLeases = """
        UPDATE inbox_messages SET lease_owner = NULL, lease_expires_ms = NULL
        WHERE lease_owner IS NOT NULL AND state = 'pending'
        """

    static let purge = "DELETE FROM inbox_messages WHERE state = 'done' AND finished_ms < ?"
}
