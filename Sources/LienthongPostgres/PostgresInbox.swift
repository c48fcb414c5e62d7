import Foundation
import LienthongCore
import LienthongStore
import Logging
import PostgresNIO

/// The durable inbox on PostgreSQL, keyed by message id, shared by the replicas of one agency's
/// gateway: whichever replica a re-delivery reaches answers it with the receipt stored first.
///
/// Stores from concurrent deliveries of one process share a transaction, which first locks
/// `inbox_append_lock`: sequences are then committed in increasing order across replicas, so a
/// client paging with `after` never passes over a message that commits late. Adapter and webhook
/// workers claim with `FOR UPDATE SKIP LOCKED` and a lease, like the outbox.
public final class PostgresInbox: Inbox {
    private struct Store: Sendable {
        var message: StoredMessage
        var receipt: DeliveryReceipt
        var route: InboxRoute
        var now: Int64
        /// Appended to the audit trail when the message is stored.
        var audit: [AuditEntry]
    }

    private let database: PostgresDatabase
    private let auditLog: PostgresAuditLog
    private let writer: PostgresBatchWriter<Store, InboxStoreOutcome>

    /// `auditLog` is the trail in the same database, which stores' records join.
    init(database: PostgresDatabase, auditLog: PostgresAuditLog, maximumBatch: Int = 256) {
        self.database = database
        self.auditLog = auditLog
        self.writer = PostgresBatchWriter(maximumBatch: maximumBatch) { batch in
            try await Self.store(batch, into: database, auditLog: auditLog)
        }
    }

    public func store(
        _ message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Date, audit: [AuditEntry]
    ) async throws -> InboxStoreOutcome {
        try await writer.submit(
            Store(message: message, receipt: receipt, route: route, now: MessagingMilliseconds.of(now), audit: audit))
    }

    public func entry(_ id: MessageID) async throws -> InboxEntry? {
        try await rows("inbox read", PostgresInboxSQL.select(id)).first
    }

    public func list(route: InboxRoute, after: Int64, limit: Int) async throws -> [InboxEntry] {
        guard limit > 0 else { return [] }
        return try await rows("inbox list", PostgresInboxSQL.pending(route: route, after: after, limit: limit))
    }

    public func correlated(with id: MessageID) async throws -> [InboxEntry] {
        try await rows("inbox correlated", PostgresInboxSQL.correlated(id))
    }

    @discardableResult
    public func acknowledge(_ id: MessageID, now: Date) async throws -> Bool {
        try await changesOneRow("inbox acknowledge", PostgresInboxSQL.acknowledge(id, now: MessagingMilliseconds.of(now)))
    }

    public func claim(
        route: InboxRoute, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws -> [InboxClaim] {
        guard limit > 0 else { return [] }
        let expires = MessagingMilliseconds.of(now, plus: leaseDuration)
        let query = PostgresInboxSQL.claim(
            route: route, owner: owner, now: MessagingMilliseconds.of(now), expires: expires, limit: limit)
        let leaseExpires = AuditTime.date(milliseconds: expires)
        return try await rows("inbox claim", query).sorted { $0.sequence < $1.sequence }.map {
            InboxClaim(entry: $0, owner: owner, attempt: $0.attempts, leaseExpires: leaseExpires)
        }
    }

    @discardableResult
    public func markProcessed(_ claim: InboxClaim, now: Date, audit: [AuditEntry]) async throws -> Bool {
        try await report("inbox processed", PostgresInboxSQL.processed(claim, now: MessagingMilliseconds.of(now)), audit: audit)
    }

    @discardableResult
    public func markFailed(
        _ claim: InboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        switch disposition {
        case .retry(let at):
            try await report(
                "inbox retry later", PostgresInboxSQL.retryLater(claim, at: MessagingMilliseconds.of(at), error: error),
                audit: audit)
        case .dead:
            try await report(
                "inbox dead", PostgresInboxSQL.dead(claim, error: error, now: MessagingMilliseconds.of(now)), audit: audit)
        }
    }

    /// One report: whether `query` changed its row, with `audit` appended in the same transaction
    /// when it did.
    private func report(_ operation: String, _ query: PostgresQuery, audit: [AuditEntry]) async throws -> Bool {
        guard !audit.isEmpty else { return try await changesOneRow(operation, query) }
        let logger = database.logger
        let auditLog = self.auditLog
        return try await database.transaction(operation) { connection in
            let changed = try await !connection.rows(query, logger: logger).isEmpty
            if changed { try await auditLog.append(audit, within: connection) }
            return changed
        }
    }

    @discardableResult
    public func retry(_ id: MessageID, now: Date) async throws -> Bool {
        try await changesOneRow("inbox retry", PostgresInboxSQL.retry(id, now: MessagingMilliseconds.of(now)))
    }

    @discardableResult
    public func purge(finishedBefore cutoff: Date) async throws -> Int {
        let logger = database.logger
        let query = PostgresInboxSQL.purge(before: MessagingMilliseconds.of(cutoff))
        let removed = try await database.connection("inbox purge") { connection in
            try await connection.query(query, logger: logger).decode(Int64.self).first(where: { _ in true }) ?? 0
        }
        return Int(removed)
    }

    // MARK: - Helpers

    private func rows(_ operation: String, _ query: PostgresQuery) async throws -> [InboxEntry] {
        let logger = database.logger
        return try await database.connection(operation) { connection in
            try await connection.rows(query, logger: logger).map(PostgresInboxSQL.entry)
        }
    }

    private func changesOneRow(_ operation: String, _ query: PostgresQuery) async throws -> Bool {
        let logger = database.logger
        return try await database.connection(operation) { connection in
            try await !connection.rows(query, logger: logger).isEmpty
        }
    }

    /// Stores a batch in one transaction under the append lock; answers each store in order.
    private static func store(
        _ batch: [Store], into database: PostgresDatabase, auditLog: PostgresAuditLog
    ) async throws -> [InboxStoreOutcome] {
        let logger = database.logger
        return try await database.transaction("inbox store") { connection in
            try await connection.query(PostgresInboxSQL.lockForAppend, logger: logger)
            // What each id holds after this batch: the first store of an id in the batch decides.
            var settled: [MessageID: StoredCopy] = [:]
            var outcomes: [InboxStoreOutcome] = []
            outcomes.reserveCapacity(batch.count)
            for item in batch {
                let message = item.message
                if let stored = settled[message.id] {
                    outcomes.append(outcome(of: message, against: stored))
                    continue
                }
                let inserted = try await connection.query(
                    PostgresInboxSQL.insert(message, receipt: item.receipt, route: item.route, now: item.now),
                    logger: logger
                ).decode(Int64.self).first(where: { _ in true })
                if let sequence = inserted {
                    settled[message.id] = StoredCopy(digest: message.payloadDigest, sender: message.from, receipt: item.receipt)
                    outcomes.append(.stored(sequence: sequence))
                    continue
                }
                let existing = try await connection.rows(PostgresInboxSQL.existing(message.id), logger: logger)
                guard let row = existing.first else {
                    throw MessagingStoreError.unreadableRow(
                        table: "inbox_messages", reason: "\(message.id) conflicted but cannot be read back")
                }
                let read = PostgresRowReader(row, table: "inbox_messages")
                let stored = StoredCopy(
                    digest: try read.bytes(0), sender: try read.agency(1),
                    receipt: DeliveryReceipt(
                        id: try read.messageID(2), created: try read.date(3), payload: try read.bytes(4),
                        jws: try read.value(5, String.self)))
                settled[message.id] = stored
                outcomes.append(outcome(of: message, against: stored))
            }
            let audit = zip(batch, outcomes).flatMap { item, outcome -> [AuditEntry] in
                if case .stored = outcome { item.audit } else { [] }
            }
            try await auditLog.append(audit, within: connection)
            return outcomes
        }
    }

    /// What an id already holds: what a re-delivery is compared with and answered from.
    private struct StoredCopy {
        var digest: [UInt8]
        var sender: AgencyCode
        var receipt: DeliveryReceipt
    }

    /// A re-delivery from the same sender with the same digest is answered with the stored
    /// receipt; anything else under that id is a conflict (another sender cannot collect the receipt).
    private static func outcome(of message: StoredMessage, against stored: StoredCopy) -> InboxStoreOutcome {
        stored.digest == message.payloadDigest && stored.sender == message.from
            ? .alreadyStored(stored.receipt) : .conflict(storedDigest: stored.digest)
    }
}
