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

    @Test func aDatabaseOfThePreviousVersionMigratesAndKeepsItsMessages() async throws {
        let directory = try TemporaryDirectory()
        let previous = try SQLiteDatabase(path: directory.databasePath, migrations: Array(GatewayStore.migrations.dropLast()))
        let message = try MessagingConformance.message()
        let previousAudit = try await SQLiteAuditLog(database: previous)
        try await SQLiteOutbox(database: previous, auditLog: previousAudit).enqueue(message, priority: .normal, client: nil, now: now)
        await previous.close()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let indexes = try await store.database.perform { connection in
            try connection.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox_messages'") {
                row throws(SQLiteError) in try row.text(0)
            }
        }
        #expect(indexes.contains("outbox_recipient_due") && !indexes.contains("outbox_due"))
        #expect(try await MessagingConformance.claimAll(store.outbox).map(\.entry.message.id) == [message.id])
        await store.close()
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
