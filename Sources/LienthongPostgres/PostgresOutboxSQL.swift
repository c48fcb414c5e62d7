import Foundation
import LienthongCore
import LienthongStore
import PostgresNIO

/// Every SQL statement of the PostgreSQL outbox. Times are milliseconds since 1970 (bigint), as in
/// the SQLite outbox.
enum PostgresOutboxSQL {
    static let migration = PostgresMigration(
        version: 3, name: "outbox",
        statements: [
            """
            CREATE TABLE outbox_messages (
                message_id text PRIMARY KEY,
                sender text NOT NULL,
                recipient text NOT NULL,
                service text NOT NULL,
                created_ms bigint NOT NULL,
                correlation_id text,
                payload bytea NOT NULL,
                jws text NOT NULL,
                payload_digest bytea NOT NULL,
                priority integer NOT NULL,
                client text,
                state text NOT NULL CHECK (state IN ('accepted', 'sending', 'delivered', 'dead')),
                attempts integer NOT NULL DEFAULT 0,
                accepted_ms bigint NOT NULL,
                next_attempt_ms bigint,
                lease_owner text,
                lease_expires_ms bigint,
                last_error text,
                receipt_id text,
                receipt_created_ms bigint,
                receipt_payload bytea,
                receipt_jws text,
                finished_ms bigint
            )
            """,
            """
            CREATE INDEX outbox_due ON outbox_messages (priority DESC, next_attempt_ms, message_id)
            WHERE state IN ('accepted', 'sending')
            """,
            """
            CREATE INDEX outbox_finished ON outbox_messages (state, finished_ms) WHERE state IN ('delivered', 'dead')
            """,
        ])

    /// The columns `entry(_:)` reads, in its order.
    static let columns = """
        message_id, sender, recipient, service, created_ms, correlation_id, payload, jws, payload_digest, \
        priority, client, state, attempts, accepted_ms, next_attempt_ms, last_error, \
        receipt_id, receipt_created_ms, receipt_payload, receipt_jws, finished_ms
        """

    /// One INSERT for a batch of enqueues; answers the ids that were new.
    static func insert(_ rows: [(message: StoredMessage, priority: MessagePriority, client: String?, now: Int64)])
        -> PostgresQuery
    {
        var sql = """
            INSERT INTO outbox_messages (message_id, sender, recipient, service, created_ms, correlation_id, payload, \
            jws, payload_digest, priority, client, state, attempts, accepted_ms, next_attempt_ms) VALUES
            """
        var binds = PostgresBindings(capacity: rows.count * 13)
        for (index, row) in rows.enumerated() {
            let base = index * 13
            let parameters = (1...13).map { "$\(base + $0)" }
            sql += (index == 0 ? " (" : ", (")
                + parameters[0..<11].joined(separator: ", ") + ", 'accepted', 0, \(parameters[11]), \(parameters[12]))"
            let message = row.message
            binds.append(message.id.rawValue)
            binds.append(message.from.rawValue)
            binds.append(message.to.rawValue)
            binds.append(message.service.rawValue)
            binds.append(MessagingMilliseconds.of(message.created))
            binds.append(message.correlationID?.rawValue)
            binds.append(ByteBuffer(bytes: message.payload))
            binds.append(message.jws)
            binds.append(ByteBuffer(bytes: message.payloadDigest))
            binds.append(Int64(row.priority.rawValue))
            binds.append(row.client)
            binds.append(row.now)
            binds.append(row.now)
        }
        sql += " ON CONFLICT (message_id) DO NOTHING RETURNING message_id"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Claims look for work recipient by recipient (`PostgresOutbox.choose`), so the index they
    /// use leads with the recipient: a recipient out of capacity is never walked. It replaces
    /// `outbox_due`, which only the old claim query used.
    static let claimByRecipientMigration = PostgresMigration(
        version: 5, name: "outbox claims by recipient",
        statements: [
            """
            CREATE INDEX outbox_recipient_due ON outbox_messages (recipient, priority DESC, next_attempt_ms, message_id)
            WHERE state IN ('accepted', 'sending')
            """,
            "DROP INDEX outbox_due",
        ])

    /// The recipients with waiting messages, found by a loose index scan: one probe per recipient
    /// (the first recipient after the previous one) instead of reading every waiting row.
    static let waitingRecipients: PostgresQuery = """
        WITH RECURSIVE waiting(recipient) AS (
            (SELECT recipient FROM outbox_messages WHERE state IN ('accepted', 'sending') ORDER BY recipient LIMIT 1)
            UNION ALL
            SELECT (SELECT o.recipient FROM outbox_messages o
                    WHERE o.state IN ('accepted', 'sending') AND o.recipient > waiting.recipient
                    ORDER BY o.recipient LIMIT 1)
            FROM waiting WHERE waiting.recipient IS NOT NULL
        )
        SELECT recipient FROM waiting WHERE recipient IS NOT NULL
        """

    /// Due messages, best first, locked for this transaction; rows another replica is claiming
    /// right now are skipped instead of waited for. For each recipient and each priority, at most
    /// that recipient's limit, read from the index from the earliest due on: rows not due yet are
    /// never walked (only rows under a live lease are read and passed over), and neither are
    /// recipients whose limit is 0. A recipient may get up to its limit per priority here;
    /// `PostgresOutbox.choose` keeps the best within its limit.
    static func dueCandidates(now: Int64, limits: [(recipient: String, limit: Int)]) -> PostgresQuery {
        let recipients = limits.map(\.recipient)
        let quotas = limits.map { Int64($0.limit) }
        let priorities = MessagePriority.allCases.map { Int64($0.rawValue) }
        return """
            SELECT due.message_id, wanted.recipient
            FROM unnest(\(recipients)::text[], \(quotas)::bigint[]) AS wanted(recipient, quota)
            CROSS JOIN unnest(\(priorities)::bigint[]) AS level(priority)
            CROSS JOIN LATERAL (
                SELECT message_id, priority, next_attempt_ms FROM outbox_messages
                WHERE recipient = wanted.recipient AND priority = level.priority AND state IN ('accepted', 'sending')
                  AND next_attempt_ms <= \(now) AND (lease_expires_ms IS NULL OR lease_expires_ms <= \(now))
                ORDER BY next_attempt_ms, message_id
                LIMIT wanted.quota
                FOR UPDATE SKIP LOCKED
            ) AS due
            ORDER BY due.priority DESC, due.next_attempt_ms, due.message_id
            """
    }

    static func lease(_ ids: [String], owner: String, expires: Int64) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: """
                UPDATE outbox_messages
                SET state = 'sending', attempts = attempts + 1, lease_owner = $1, lease_expires_ms = $2
                WHERE message_id = ANY($3)
                RETURNING \(columns)
                """,
            binds: bindings {
                $0.append(owner)
                $0.append(expires)
                $0.append(ids)
            })
    }

    static func select(_ id: MessageID) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: "SELECT \(columns) FROM outbox_messages WHERE message_id = $1",
            binds: bindings { $0.append(id.rawValue) })
    }

    static func delivered(_ id: MessageID, receipt: DeliveryReceipt, now: Int64) -> PostgresQuery {
        """
        UPDATE outbox_messages
        SET state = 'delivered', receipt_id = \(receipt.id.rawValue),
            receipt_created_ms = \(MessagingMilliseconds.of(receipt.created)),
            receipt_payload = \(ByteBuffer(bytes: receipt.payload)), receipt_jws = \(receipt.jws),
            finished_ms = \(now), next_attempt_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL, last_error = NULL
        WHERE message_id = \(id.rawValue) AND state <> 'delivered'
        RETURNING message_id
        """
    }

    static func retryLater(_ claim: OutboxClaim, at: Int64, error: String) -> PostgresQuery {
        """
        UPDATE outbox_messages
        SET state = 'sending', next_attempt_ms = \(at), last_error = \(error), lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = \(claim.entry.message.id.rawValue) AND state = 'sending' AND lease_owner = \(claim.owner)
          AND attempts = \(Int64(claim.attempt))
        RETURNING message_id
        """
    }

    static func dead(_ claim: OutboxClaim, error: String, now: Int64) -> PostgresQuery {
        """
        UPDATE outbox_messages
        SET state = 'dead', next_attempt_ms = NULL, last_error = \(error), lease_owner = NULL, lease_expires_ms = NULL,
            finished_ms = \(now)
        WHERE message_id = \(claim.entry.message.id.rawValue) AND state = 'sending' AND lease_owner = \(claim.owner)
          AND attempts = \(Int64(claim.attempt))
        RETURNING message_id
        """
    }

    /// A dead message, or a waiting one whose lease is free, made due now with its attempts reset.
    static func retry(_ id: MessageID, now: Int64) -> PostgresQuery {
        """
        UPDATE outbox_messages
        SET state = CASE WHEN state = 'dead' THEN 'sending' ELSE state END, attempts = 0, next_attempt_ms = \(now),
            finished_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = \(id.rawValue) AND (state = 'dead'
            OR (state IN ('accepted', 'sending') AND (lease_expires_ms IS NULL OR lease_expires_ms <= \(now))))
        RETURNING message_id
        """
    }

    static func purge(states: [String], before cutoff: Int64) -> PostgresQuery {
        """
        WITH gone AS (
            DELETE FROM outbox_messages WHERE state = ANY(\(states)) AND finished_ms < \(cutoff) RETURNING 1
        ) SELECT COUNT(*) FROM gone
        """
    }

    static let counts: PostgresQuery = "SELECT state, COUNT(*) FROM outbox_messages GROUP BY state"

    /// The operators' listing; filters are bound, never spliced. Ids compare bytewise (`COLLATE
    /// "C"`), so that UUIDv7 text orders by creation time whatever the database's collation.
    static func list(_ query: OutboxQuery) -> PostgresQuery {
        var conditions: [String] = []
        var binds = PostgresBindings()
        if !query.states.isEmpty {
            binds.append(query.states.map(\.rawValue).sorted())
            conditions.append("state = ANY($\(binds.count))")
        }
        if let recipient = query.recipient {
            binds.append(recipient.rawValue)
            conditions.append("recipient = $\(binds.count)")
        }
        if let after = query.after {
            binds.append(after.rawValue)
            conditions.append("message_id COLLATE \"C\" > $\(binds.count)")
        }
        binds.append(Int64(query.limit))
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM outbox_messages \(filter) ORDER BY message_id COLLATE "C" LIMIT $\(binds.count)
                """,
            binds: binds)
    }

    /// Reads a row selected with `columns`.
    static func entry(_ row: PostgresRow) throws(MessagingStoreError) -> OutboxEntry {
        let read = PostgresRowReader(row, table: "outbox_messages")
        let message = StoredMessage(
            id: try read.messageID(0), from: try read.agency(1), to: try read.agency(2), service: try read.service(3),
            created: try read.date(4), correlationID: try read.optionalMessageID(5), payload: try read.bytes(6),
            jws: try read.value(7, String.self), payloadDigest: try read.bytes(8))
        guard let priority = MessagePriority(rawValue: try read.int(9)) else {
            throw .unreadableRow(table: "outbox_messages", reason: "column priority: \(try read.int(9)) is not a priority")
        }
        var receipt: DeliveryReceipt?
        if let receiptID = try read.optional(16, String.self) {
            guard let id = try? MessageID(parsing: receiptID), let created = try read.optionalDate(17),
                  let payload = try read.optionalBytes(18), let jws = try read.optional(19, String.self)
            else { throw .unreadableRow(table: "outbox_messages", reason: "the receipt of \(message.id) is incomplete") }
            receipt = DeliveryReceipt(id: id, created: created, payload: payload, jws: jws)
        }
        return OutboxEntry(
            message: message, priority: priority, client: try read.optional(10, String.self),
            state: try read.enumeration(11, as: OutboxState.self), attempts: try read.int(12),
            acceptedAt: try read.date(13), nextAttemptAt: try read.optionalDate(14),
            lastError: try read.optional(15, String.self), receipt: receipt, finishedAt: try read.optionalDate(20))
    }

    private static func bindings(_ fill: (inout PostgresBindings) -> Void) -> PostgresBindings {
        var binds = PostgresBindings()
        fill(&binds)
        return binds
    }
}
