/// Every SQL statement of the SQLite outbox, in one place.
enum OutboxSQL {
    /// A rowid table (not WITHOUT ROWID): rows carry the payload, and SQLite advises rowid tables
    /// for rows larger than a small fraction of a page.
    static let migration = SQLiteMigration(
        version: 3, name: "outbox",
        sql: """
            CREATE TABLE outbox_messages (
                message_id TEXT NOT NULL UNIQUE,
                sender TEXT NOT NULL,
                recipient TEXT NOT NULL,
                service TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                correlation_id TEXT,
                payload BLOB NOT NULL,
                jws TEXT NOT NULL,
                payload_digest BLOB NOT NULL,
                priority INTEGER NOT NULL,
                client TEXT,
                state TEXT NOT NULL CHECK (state IN ('accepted', 'sending', 'delivered', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                accepted_ms INTEGER NOT NULL,
                next_attempt_ms INTEGER,
                lease_owner TEXT,
                lease_expires_ms INTEGER,
                last_error TEXT,
                receipt_id TEXT,
                receipt_created_ms INTEGER,
                receipt_payload BLOB,
                receipt_jws TEXT,
                finished_ms INTEGER
            );
            CREATE INDEX outbox_due
                ON outbox_messages (priority DESC, next_attempt_ms, message_id, recipient, lease_expires_ms, state)
                WHERE state IN ('accepted', 'sending');
            CREATE INDEX outbox_finished ON outbox_messages (state, finished_ms)
                WHERE state IN ('delivered', 'dead');
            """)

    /// A message's row with its bytes and, once delivered, its receipt.
    static let joined = """
        outbox_messages JOIN outbox_bodies USING (message_id) LEFT JOIN outbox_receipts USING (message_id)
        """

    /// The columns `OutboxRow` reads, in its order, from `joined`.
    static let columns = """
        message_id, sender, recipient, service, created_ms, correlation_id, payload, jws, payload_digest,
        priority, client, state, attempts, accepted_ms, next_attempt_ms, last_error,
        receipt_id, receipt_created_ms, receipt_payload, receipt_jws, finished_ms, lease_owner, lease_expires_ms
        """

    static let insert = """
        INSERT INTO outbox_messages (
            message_id, sender, recipient, service, created_ms, correlation_id, payload_digest,
            priority, client, state, attempts, accepted_ms, next_attempt_ms
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', 0, ?, ?)
        ON CONFLICT (message_id) DO NOTHING
        """

    /// Only after `insert` added the row: a duplicate's bytes are never written.
    static let insertBody = "INSERT INTO outbox_bodies (message_id, payload, jws) VALUES (?, ?, ?)"

    /// Claims look for work recipient by recipient (`SQLiteOutbox.choose`), so the index they use
    /// leads with the recipient: a recipient out of capacity is never walked. It covers every
    /// column the queries finding work read (they never touch the table), and replaces
    /// `outbox_due`, which only the old claim query used.
    static let claimByRecipientMigration = SQLiteMigration(
        version: 5, name: "outbox claims by recipient",
        sql: """
            CREATE INDEX outbox_recipient_due
                ON outbox_messages (recipient, priority DESC, next_attempt_ms, message_id, lease_expires_ms, state)
                WHERE state IN ('accepted', 'sending');
            DROP INDEX outbox_due;
            """)

    /// The message's bytes and the receipt move out of `outbox_messages` into tables of their own,
    /// written once each: a lease claim or a delivery report then rewrites a row of about a
    /// hundred bytes instead of the 5 to 9 KB row (spread over overflow pages) that carried the
    /// payload, the JWS and the receipt. SQLite rewrites a whole record whose size changes, so
    /// each claim and report used to put several pages into the WAL. `DROP COLUMN` (not a new
    /// table) keeps the table and its indexes; the trigger removes the bytes with their row.
    static let bytesApartMigration = SQLiteMigration(
        version: 6, name: "outbox bytes apart from the state",
        sql: """
            CREATE TABLE outbox_bodies (
                message_id TEXT PRIMARY KEY,
                payload BLOB NOT NULL,
                jws TEXT NOT NULL
            );
            INSERT INTO outbox_bodies (message_id, payload, jws) SELECT message_id, payload, jws FROM outbox_messages;
            CREATE TABLE outbox_receipts (
                message_id TEXT PRIMARY KEY,
                receipt_id TEXT NOT NULL,
                receipt_created_ms INTEGER NOT NULL,
                receipt_payload BLOB NOT NULL,
                receipt_jws TEXT NOT NULL
            );
            INSERT INTO outbox_receipts (message_id, receipt_id, receipt_created_ms, receipt_payload, receipt_jws)
                SELECT message_id, receipt_id, receipt_created_ms, receipt_payload, receipt_jws FROM outbox_messages
                WHERE receipt_id IS NOT NULL;
            ALTER TABLE outbox_messages DROP COLUMN payload;
            ALTER TABLE outbox_messages DROP COLUMN jws;
            ALTER TABLE outbox_messages DROP COLUMN receipt_id;
            ALTER TABLE outbox_messages DROP COLUMN receipt_created_ms;
            ALTER TABLE outbox_messages DROP COLUMN receipt_payload;
            ALTER TABLE outbox_messages DROP COLUMN receipt_jws;
            CREATE TRIGGER outbox_messages_removed AFTER DELETE ON outbox_messages BEGIN
                DELETE FROM outbox_bodies WHERE message_id = old.message_id;
                DELETE FROM outbox_receipts WHERE message_id = old.message_id;
            END;
            """)

    /// The recipients with waiting messages, found by a loose index scan: one seek per recipient
    /// (`MIN(recipient)` after the previous one) instead of reading every waiting row.
    static let waitingRecipients = """
        WITH RECURSIVE waiting(recipient) AS (
            SELECT MIN(recipient) FROM outbox_messages WHERE state IN ('accepted', 'sending')
            UNION ALL
            SELECT (SELECT MIN(recipient) FROM outbox_messages
                    WHERE state IN ('accepted', 'sending') AND recipient > waiting.recipient)
            FROM waiting WHERE waiting.recipient IS NOT NULL
        )
        SELECT recipient FROM waiting WHERE recipient IS NOT NULL
        """

    /// One recipient's due messages, best first, at most `?3`. Listing the priorities makes SQLite
    /// seek once per priority and read only rows with `next_attempt_ms <= now`: the rows read are
    /// those returned plus the recipient's messages under a live lease (at most its messages in
    /// flight); retries waiting for later are never walked, however many. The index gives the order.
    static let dueForRecipient = """
        SELECT message_id, priority, next_attempt_ms FROM outbox_messages
        WHERE recipient = ?1 AND priority IN (\(MessagePriority.allCases.map { String($0.rawValue) }.joined(separator: ", ")))
          AND state IN ('accepted', 'sending') AND next_attempt_ms <= ?2
          AND (lease_expires_ms IS NULL OR lease_expires_ms <= ?2)
        ORDER BY priority DESC, next_attempt_ms, message_id
        LIMIT ?3
        """

    static let lease = """
        UPDATE outbox_messages
        SET state = 'sending', attempts = attempts + 1, lease_owner = ?, lease_expires_ms = ?
        WHERE message_id = ?
        """

    static let select = "SELECT \(columns) FROM \(joined) WHERE message_id = ?"

    static let delivered = """
        UPDATE outbox_messages
        SET state = 'delivered', finished_ms = ?, next_attempt_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL,
            last_error = NULL
        WHERE message_id = ? AND state <> 'delivered'
        """

    /// Only after `delivered` changed the row. A delivered message is never sent again, so there
    /// is no receipt to replace; `OR REPLACE` only keeps a leftover row from failing the report.
    static let insertReceipt = """
        INSERT OR REPLACE INTO outbox_receipts (message_id, receipt_id, receipt_created_ms, receipt_payload, receipt_jws)
        VALUES (?, ?, ?, ?, ?)
        """

    static let retryLater = """
        UPDATE outbox_messages
        SET state = 'sending', next_attempt_ms = ?, last_error = ?, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = ? AND state = 'sending' AND lease_owner = ? AND attempts = ?
        """

    static let dead = """
        UPDATE outbox_messages
        SET state = 'dead', next_attempt_ms = NULL, last_error = ?, lease_owner = NULL, lease_expires_ms = NULL,
            finished_ms = ?
        WHERE message_id = ? AND state = 'sending' AND lease_owner = ? AND attempts = ?
        """

    /// A dead message, or a waiting one whose lease is free, made due now with its attempts reset.
    static let retry = """
        UPDATE outbox_messages
        SET state = CASE WHEN state = 'dead' THEN 'sending' ELSE state END, attempts = 0, next_attempt_ms = ?1,
            finished_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = ?2 AND (state = 'dead'
            OR (state IN ('accepted', 'sending') AND (lease_expires_ms IS NULL OR lease_expires_ms <= ?1)))
        """

    static let releaseLeases = """
        UPDATE outbox_messages SET lease_owner = NULL, lease_expires_ms = NULL
        WHERE lease_owner IS NOT NULL AND state IN ('accepted', 'sending')
        """

    static let purge = "DELETE FROM outbox_messages WHERE state = ? AND finished_ms < ?"

    static let counts = "SELECT state, COUNT(*) FROM outbox_messages GROUP BY state"
}
