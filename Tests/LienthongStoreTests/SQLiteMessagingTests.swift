import Foundation
import LienthongCore
import LienthongCrypto
import Testing
@testable import LienthongStore

/// What only the SQLite stores promise: durability across a reopen, and leases released at start.
@Suite("SQLite outbox and inbox")
struct SQLiteMessagingTests {
    let now = MessagingConformance.now

    @Test func acceptedMessagesAndReceiptsSurviveAReopen() async throws {
        let directory = try TemporaryDirectory()
        let messages = try (0..<50).map { index in try MessagingConformance.message(payload: #"{"n":\#(index)}"#) }
        let first = try await GatewayStore.open(dataDirectory: directory.path)
        let outbox = first.outbox
        try await withThrowingTaskGroup(of: Void.self) { group in
            for message in messages {
                group.addTask { try await outbox.enqueue(message, priority: .normal, client: "c", now: now) }
            }
            try await group.waitForAll()
        }
        let claim = try #require(try await MessagingConformance.claimAll(outbox).first)
        let receipt = MessagingConformance.receipt(for: claim.entry.message)
        try await outbox.markDelivered(claim, receipt: receipt, now: now)
        let inboxMessage = try MessagingConformance.message()
        _ = try await first.inbox.store(inboxMessage, receipt: receipt, route: .client, now: now)
        await first.close()

        let second = try await GatewayStore.open(dataDirectory: directory.path)
        let counts = try await second.outbox.counts()
        #expect(counts[.accepted] == 0 && counts[.sending] == 49 && counts[.delivered] == 1)
        #expect(try await second.outbox.entry(claim.entry.message.id)?.receipt == receipt)
        #expect(try await second.inbox.entry(inboxMessage.id)?.message == inboxMessage)
        await second.close()
    }

    @Test func leasesOfAPreviousRunAreReleasedAtStart() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let message = try MessagingConformance.message()
        try await store.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        let inboxMessage = try MessagingConformance.message()
        _ = try await store.inbox.store(
            inboxMessage, receipt: MessagingConformance.receipt(for: inboxMessage), route: .adapter, now: now)
        #expect(try await MessagingConformance.claimAll(store.outbox).count == 1)
        #expect(try await store.inbox.claim(route: .adapter, owner: "dead", now: now, leaseDuration: .seconds(600), limit: 5).count == 1)
        #expect(try await MessagingConformance.claimAll(store.outbox, owner: "restarted").isEmpty)

        #expect(try await store.outbox.releaseAllLeases() == 1)
        #expect(try await store.inbox.releaseAllLeases() == 1)
        let again = try await MessagingConformance.claimAll(store.outbox, owner: "restarted")
        #expect(again.map(\.attempt) == [2], "the interrupted attempt still counts")
        #expect(try await store.inbox.claim(route: .adapter, owner: "restarted", now: now, leaseDuration: .seconds(9), limit: 5).count == 1)
        await store.close()
    }

    @Test func theClaimIndexReplacesTheOldOneWhenVersion4Migrates() async throws {
        let directory = try TemporaryDirectory()
        let version4 = try SQLiteDatabase(
            path: directory.databasePath, migrations: GatewayStore.migrations.filter { $0.version <= 4 })
        await version4.close()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let indexes = try await store.database.perform { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox_messages'") {
                row throws(SQLiteError) in try row.text(0)
            }
        }
        #expect(indexes.contains("outbox_recipient_due") && !indexes.contains("outbox_due"))
        await store.close()
    }

    /// Version 5 kept the message's bytes in the state rows; versions 6 and 7 move them apart.
    /// Rows written by version 5's SQL come back whole, and purging still removes the bytes.
    @Test func rowsOfVersion5KeepTheirBytesWhenTheyMoveApart() async throws {
        let directory = try TemporaryDirectory()
        let version5 = try SQLiteDatabase(
            path: directory.databasePath, migrations: GatewayStore.migrations.filter { $0.version <= 5 })
        let waiting = try MessagingConformance.message(payload: #"{"waiting":true}"#)
        let delivered = try MessagingConformance.message(payload: #"{"delivered":true}"#)
        let receipt = MessagingConformance.receipt(for: delivered)
        let received = try (0..<3).map { _ in try MessagingConformance.message(from: MessagingConformance.ministry) }
        let receivedReceipts = received.map { MessagingConformance.receipt(for: $0) }
        try await version5.transaction { connection in
            for (message, isDelivered) in [(waiting, false), (delivered, true)] {
                try connection.execute("""
                    INSERT INTO outbox_messages (message_id, sender, recipient, service, created_ms, correlation_id,
                        payload, jws, payload_digest, priority, client, state, attempts, accepted_ms, next_attempt_ms,
                        receipt_id, receipt_created_ms, receipt_payload, receipt_jws, finished_ms)
                    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, 'c', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, Self.version5Columns(message) + [
                        .text(isDelivered ? "delivered" : "accepted"), .integer(isDelivered ? 1 : 0), .integer(1_000),
                        isDelivered ? .null : .integer(1_000),
                        isDelivered ? .text(receipt.id.rawValue) : .null,
                        isDelivered ? .integer(MessagingTime.milliseconds(receipt.created)) : .null,
                        isDelivered ? .blob(receipt.payload) : .null, isDelivered ? .text(receipt.jws) : .null,
                        isDelivered ? .integer(2_000) : .null,
                    ])
            }
            for (message, receipt) in zip(received, receivedReceipts) {
                try connection.execute("""
                    INSERT INTO inbox_messages (message_id, sender, recipient, service, created_ms, correlation_id,
                        payload, jws, payload_digest, receipt_id, receipt_created_ms, receipt_payload, receipt_jws,
                        route, state, received_ms, next_attempt_ms)
                    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 'client', 'pending', 1000, 1000)
                    """, Self.version5Columns(message) + [
                        .text(receipt.id.rawValue), .integer(MessagingTime.milliseconds(receipt.created)),
                        .blob(receipt.payload), .text(receipt.jws),
                    ])
            }
            // The newest received message is gone before the migration: its sequence must stay used.
            try connection.execute("DELETE FROM inbox_messages WHERE message_id = ?", [.text(received[2].id.rawValue)])
        }
        await version5.close()

        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let waitingEntry = try #require(try await store.outbox.entry(waiting.id))
        #expect(waitingEntry.message == waiting && waitingEntry.state == .accepted && waitingEntry.receipt == nil)
        let deliveredEntry = try #require(try await store.outbox.entry(delivered.id))
        #expect(deliveredEntry.message == delivered && deliveredEntry.state == .delivered)
        #expect(deliveredEntry.receipt == receipt)
        #expect(try await MessagingConformance.claimAll(store.outbox).map(\.entry.message) == [waiting])
        let listed = try await store.inbox.list(route: .client, after: 0, limit: 10)
        #expect(listed.map(\.message) == Array(received.prefix(2)))
        #expect(listed.map(\.receipt) == Array(receivedReceipts.prefix(2)))
        #expect(listed.map(\.sequence) == [1, 2])
        let next = try MessagingConformance.message(from: MessagingConformance.ministry)
        let outcome = try await store.inbox.store(
            next, receipt: MessagingConformance.receipt(for: next), route: .client, now: now)
        #expect(outcome == .stored(sequence: 4), "a purged sequence is never handed out again")

        // Purging a finished row removes its bytes too.
        #expect(try await store.outbox.purge(states: [.delivered], finishedBefore: now) == 1)
        #expect(try await store.inbox.acknowledge(received[0].id, now: now))
        #expect(try await store.inbox.purge(finishedBefore: now.addingTimeInterval(1)) == 1)
        let leftovers = try await store.database.perform { connection in
            try [
                "SELECT COUNT(*) FROM outbox_bodies", "SELECT COUNT(*) FROM outbox_receipts", "SELECT COUNT(*) FROM inbox_bodies",
            ].map { sql in try connection.scalarInt64(sql) }
        }
        #expect(leftovers == [1, 0, 2])
        await store.close()
    }

    private static func version5Columns(_ message: StoredMessage) -> [SQLiteValue] {
        [
            .text(message.id.rawValue), .text(message.from.rawValue), .text(message.to.rawValue),
            .text(message.service.rawValue), .integer(MessagingTime.milliseconds(message.created)), .blob(message.payload),
            .text(message.jws), .blob(message.payloadDigest),
        ]
    }

    /// What keeps a claim's cost to the work it finds: one seek per waiting recipient, and per
    /// recipient one seek per priority into its due rows, read in index order (no sort), never
    /// the table or the whole index.
    @Test func claimQueriesSeekTheRecipientIndex() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let plans = try await store.database.perform { connection in
            let queries: [(String, [SQLiteValue])] = [
                (OutboxSQL.waitingRecipients, []),
                (OutboxSQL.dueForRecipient, [.text("000.00.00.G01"), .integer(0), .integer(10)]),
            ]
            return try queries.map { sql, bindings in
                try connection.query("EXPLAIN QUERY PLAN " + sql, bindings) { row throws(SQLiteError) in try row.text(3) }
            }
        }
        await store.close()
        #expect(plans[0].contains("SEARCH outbox_messages USING COVERING INDEX outbox_recipient_due (recipient>?)"))
        #expect(plans[1] == [
            "SEARCH outbox_messages USING COVERING INDEX outbox_recipient_due (recipient=? AND priority=? AND next_attempt_ms<?)"
        ])
        #expect(!plans.joined().contains { $0.contains("TEMP B-TREE") || $0.hasPrefix("SCAN outbox_messages") })
    }

    @Test func aTamperedIdentifierIsReportedNotMisread() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let message = try MessagingConformance.message()
        try await store.outbox.enqueue(message, priority: .normal, client: nil, now: now)
        await store.close()
        try RawDatabase.tamper(directory.databasePath, "UPDATE outbox_messages SET recipient = 'nobody'")
        let reopened = try await GatewayStore.open(dataDirectory: directory.path)
        await #expect(throws: MessagingStoreError.self) { try await reopened.outbox.entry(message.id) }
        await #expect(throws: MessagingStoreError.self) { try await MessagingConformance.claimAll(reopened.outbox) }
        await reopened.close()
    }
}
