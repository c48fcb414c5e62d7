import Foundation
import LienthongCore
import LienthongStore
import PostgresNIO

/// Every SQL statement of the PostgreSQL inbox.
enum PostgresInboxSQL {
    /// `sequence` is an identity column, never reused after a purge: clients page with it. Stores
    /// take `inbox_append_lock` first, so sequences also commit in increasing order and a client
    /// reading after a cursor never skips a message that commits late.
    static let migration = PostgresMigration(
        version: 4, name: "inbox",
        statements: [
            """
            CREATE TABLE inbox_messages (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id text NOT NULL UNIQUE,
                sender text NOT NULL,
                recipient text NOT NULL,
                service text NOT NULL,
                created_ms bigint NOT NULL,
                correlation_id text,
                payload bytea NOT NULL,
                jws text NOT NULL,
                payload_digest bytea NOT NULL,
                receipt_id text NOT NULL,
                receipt_created_ms bigint NOT NULL,
                receipt_payload bytea NOT NULL,
                receipt_jws text NOT NULL,
                route text NOT NULL CHECK (route IN ('client', 'adapter', 'webhook')),
                state text NOT NULL CHECK (state IN ('pending', 'done', 'dead')),
                received_ms bigint NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_ms bigint,
                lease_owner text,
                lease_expires_ms bigint,
                last_error text,
                finished_ms bigint
            )
            """,
            "CREATE INDEX inbox_pending ON inbox_messages (route, sequence) WHERE state = 'pending'",
            "CREATE INDEX inbox_correlation ON inbox_messages (correlation_id) WHERE correlation_id IS NOT NULL",
            "CREATE INDEX inbox_finished ON inbox_messages (finished_ms) WHERE state = 'done'",
            "CREATE TABLE inbox_append_lock (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton))",
            "INSERT INTO inbox_append_lock DEFAULT VALUES",
        ])

    static let columns = """
        sequence, message_id, sender, recipient, service, created_ms, correlation_id, payload, jws, payload_digest, \
        receipt_id, receipt_created_ms, receipt_payload, receipt_jws, route, state, received_ms, attempts, \
        next_attempt_ms, last_error, finished_ms
        """

    static let lockForAppend: PostgresQuery = "SELECT singleton FROM inbox_append_lock FOR UPDATE"

    static func insert(_ message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Int64) -> PostgresQuery {
        """
        INSERT INTO inbox_messages (message_id, sender, recipient, service, created_ms, correlation_id, payload, jws,
            payload_digest, receipt_id, receipt_created_ms, receipt_payload, receipt_jws, route, state, received_ms,
            next_attempt_ms)
        VALUES (\(message.id.rawValue), \(message.from.rawValue), \(message.to.rawValue), \(message.service.rawValue),
            \(MessagingMilliseconds.of(message.created)), \(message.correlationID?.rawValue),
            \(ByteBuffer(bytes: message.payload)), \(message.jws), \(ByteBuffer(bytes: message.payloadDigest)),
            \(receipt.id.rawValue), \(MessagingMilliseconds.of(receipt.created)), \(ByteBuffer(bytes: receipt.payload)),
            \(receipt.jws), \(route.rawValue), 'pending', \(now), \(now))
        ON CONFLICT (message_id) DO NOTHING
        RETURNING sequence
        """
    }

    /// What a re-delivery is compared with and answered from.
    static func existing(_ id: MessageID) -> PostgresQuery {
        """
        SELECT payload_digest, sender, receipt_id, receipt_created_ms, receipt_payload, receipt_jws
        FROM inbox_messages WHERE message_id = \(id.rawValue)
        """
    }

    static func select(_ id: MessageID) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: "SELECT \(columns) FROM inbox_messages WHERE message_id = $1", binds: bindings { $0.append(id.rawValue) })
    }

    static func pending(route: InboxRoute, after: Int64, limit: Int) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM inbox_messages
                WHERE state = 'pending' AND route = $1 AND sequence > $2 ORDER BY sequence LIMIT $3
                """,
            binds: bindings {
                $0.append(route.rawValue)
                $0.append(after)
                $0.append(Int64(limit))
            })
    }

    /// In the order the sender created them: UUIDv7 ids compared bytewise (`COLLATE "C"`).
    static func correlated(_ id: MessageID) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: """
                SELECT \(columns) FROM inbox_messages WHERE correlation_id = $1 ORDER BY message_id COLLATE "C"
                """,
            binds: bindings { $0.append(id.rawValue) })
    }

    static func acknowledge(_ id: MessageID, now: Int64) -> PostgresQuery {
        """
        UPDATE inbox_messages SET state = 'done', finished_ms = \(now), next_attempt_ms = NULL
        WHERE message_id = \(id.rawValue) AND route = 'client' AND state = 'pending'
        RETURNING sequence
        """
    }

    /// Due messages of a route, oldest first, leased in one statement; rows another replica is
    /// claiming are skipped.
    static func claim(route: InboxRoute, owner: String, now: Int64, expires: Int64, limit: Int) -> PostgresQuery {
        PostgresQuery(
            unsafeSQL: """
                WITH due AS (
                    SELECT sequence FROM inbox_messages
                    WHERE state = 'pending' AND route = $1 AND next_attempt_ms <= $2
                      AND (lease_expires_ms IS NULL OR lease_expires_ms <= $2)
                    ORDER BY sequence LIMIT $3
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE inbox_messages AS inbox
                SET attempts = inbox.attempts + 1, lease_owner = $4, lease_expires_ms = $5
                FROM due WHERE inbox.sequence = due.sequence
                RETURNING \(columns.split(separator: ",").map { "inbox." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", "))
                """,
            binds: bindings {
                $0.append(route.rawValue)
                $0.append(now)
                $0.append(Int64(limit))
                $0.append(owner)
                $0.append(expires)
            })
    }

    static func processed(_ claim: InboxClaim, now: Int64) -> PostgresQuery {
        """
        UPDATE inbox_messages
        SET state = 'done', finished_ms = \(now), next_attempt_ms = NULL, lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = \(claim.entry.message.id.rawValue) AND state = 'pending' AND lease_owner = \(claim.owner)
          AND attempts = \(Int64(claim.attempt))
        RETURNING sequence
        """
    }

    static func retryLater(_ claim: InboxClaim, at: Int64, error: String) -> PostgresQuery {
        """
        UPDATE inbox_messages SET next_attempt_ms = \(at), last_error = \(error), lease_owner = NULL, lease_expires_ms = NULL
        WHERE message_id = \(claim.entry.message.id.rawValue) AND state = 'pending' AND lease_owner = \(claim.owner)
          AND attempts = \(Int64(claim.attempt))
        RETURNING sequence
        """
    }

    static func dead(_ claim: InboxClaim, error: String, now: Int64) -> PostgresQuery {
        """
        UPDATE inbox_messages
        SET state = 'dead', last_error = \(error), finished_ms = \(now), next_attempt_ms = NULL, lease_owner = NULL,
            lease_expires_ms = NULL
        WHERE message_id = \(claim.entry.message.id.rawValue) AND state = 'pending' AND lease_owner = \(claim.owner)
          AND attempts = \(Int64(claim.attempt))
        RETURNING sequence
        """
    }

    static func retry(_ id: MessageID, now: Int64) -> PostgresQuery {
        """
        UPDATE inbox_messages SET state = 'pending', attempts = 0, next_attempt_ms = \(now), finished_ms = NULL
        WHERE message_id = \(id.rawValue) AND state = 'dead'
        RETURNING sequence
        """
    }

    static func purge(before cutoff: Int64) -> PostgresQuery {
        """
        WITH gone AS (DELETE FROM inbox_messages WHERE state = 'done' AND finished_ms < \(cutoff) RETURNING 1)
        SELECT COUNT(*) FROM gone
        """
    }

    /// Reads a row selected with `columns`.
    static func entry(_ row: PostgresRow) throws(MessagingStoreError) -> InboxEntry {
        let read = PostgresRowReader(row, table: "inbox_messages")
        let message = StoredMessage(
            id: try read.messageID(1), from: try read.agency(2), to: try read.agency(3), service: try read.service(4),
            created: try read.date(5), correlationID: try read.optionalMessageID(6), payload: try read.bytes(7),
            jws: try read.value(8, String.self), payloadDigest: try read.bytes(9))
        let receipt = DeliveryReceipt(
            id: try read.messageID(10), created: try read.date(11), payload: try read.bytes(12),
            jws: try read.value(13, String.self))
        return InboxEntry(
            sequence: try read.value(0, Int64.self), message: message, receipt: receipt,
            route: try read.enumeration(14, as: InboxRoute.self), state: try read.enumeration(15, as: InboxState.self),
            receivedAt: try read.date(16), attempts: try read.int(17), nextAttemptAt: try read.optionalDate(18),
            lastError: try read.optional(19, String.self), finishedAt: try read.optionalDate(20))
    }

    private static func bindings(_ fill: (inout PostgresBindings) -> Void) -> PostgresBindings {
        var binds = PostgresBindings()
        fill(&binds)
        return binds
    }
}
