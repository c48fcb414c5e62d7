import Foundation
import LienthongCore

/// The durable inbox on SQLite, keyed by message id.
///
/// Stores and hand-over reports from concurrent deliveries share transactions (group commit), so
/// a receiver answering many senders at once pays a few `fsync`s per burst. A message is durable
/// before its receipt leaves the gateway; a re-delivery finds the stored row and gets the stored
/// receipt back.
public final class SQLiteInbox: Inbox {
    enum Write: Sendable {
        case store(StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Int64, audit: [AuditEntry])
        case processed(InboxClaim, now: Int64, audit: [AuditEntry])
        case failed(InboxClaim, error: String, disposition: FailureDisposition, now: Int64, audit: [AuditEntry])

        /// Appended to the audit trail when the write stores its message (not a re-delivery or a
        /// conflict) or changes its row (not a stale report).
        var audit: [AuditEntry] {
            switch self {
            case .store(_, _, _, _, let audit), .processed(_, _, let audit), .failed(_, _, _, _, let audit): audit
            }
        }
    }

    /// What one write did: a store's outcome, or whether a report changed the row (false when its
    /// lease was stale).
    enum WriteResult: Sendable {
        case stored(InboxStoreOutcome)
        case reported(changed: Bool)
    }

    private let database: SQLiteDatabase
    private let writer: SQLiteGroupCommit<Write, WriteResult>

    /// - Parameters:
    ///   - database: a database with `GatewayStore.migrations` applied.
    ///   - auditLog: the audit trail in the same database, which stores' records join.
    ///   - maximumBatch: the most writes committed in one transaction.
    public init(database: SQLiteDatabase, auditLog: SQLiteAuditLog, maximumBatch: Int = 512) {
        self.database = database
        self.writer = SQLiteGroupCommit(database: database, maximumBatch: maximumBatch) { connection, writes in
            try auditLog.transaction(on: connection) { appender in
                try writes.map { write in
                    let result = try Self.apply(write, on: connection)
                    switch result {
                    case .stored(.stored), .reported(changed: true): try appender.append(write.audit)
                    case .stored, .reported: break
                    }
                    return result
                }
            }
        }
    }

    public func store(
        _ message: StoredMessage, receipt: DeliveryReceipt, route: InboxRoute, now: Date, audit: [AuditEntry]
    ) async throws -> InboxStoreOutcome {
        let outcome = try await writer.submit(
            .store(message, receipt: receipt, route: route, now: MessagingTime.milliseconds(now), audit: audit))
        guard case .stored(let stored) = outcome else {
            throw MessagingStoreError.unreadableRow(table: "inbox_messages", reason: "no outcome for \(message.id)")
        }
        return stored
    }

    public func entry(_ id: MessageID) async throws -> InboxEntry? {
        try await database.perform { connection in
            try connection.rows(InboxSQL.select, [.text(id.rawValue)], InboxRow.entry).first
        }
    }

    public func list(route: InboxRoute, after: Int64, limit: Int) async throws -> [InboxEntry] {
        guard limit > 0 else { return [] }
        return try await database.perform { connection in
            try connection.rows(
                InboxSQL.pending, [.text(route.rawValue), .integer(after), .integer(Int64(limit))], InboxRow.entry)
        }
    }

    public func correlated(with id: MessageID) async throws -> [InboxEntry] {
        try await database.perform { connection in
            try connection.rows(InboxSQL.correlated, [.text(id.rawValue)], InboxRow.entry)
        }
    }

    @discardableResult
    public func acknowledge(_ id: MessageID, now: Date) async throws -> Bool {
        let now = MessagingTime.milliseconds(now)
        return try await database.transaction { connection in
            try connection.execute(InboxSQL.acknowledge, [.integer(now), .text(id.rawValue)])
            return connection.changes == 1
        }
    }

    public func claim(
        route: InboxRoute, owner: String, now: Date, leaseDuration: Duration, limit: Int
    ) async throws -> [InboxClaim] {
        guard limit > 0 else { return [] }
        let nowMilliseconds = MessagingTime.milliseconds(now)
        let expires = MessagingTime.milliseconds(now, plus: leaseDuration)
        return try await database.transaction { connection in
            let sequences = try connection.query(
                InboxSQL.dueCandidates, [.text(route.rawValue), .integer(nowMilliseconds), .integer(Int64(limit))]
            ) { row throws(SQLiteError) in try row.int64(0) }
            return try sequences.map { sequence in
                try connection.execute(InboxSQL.lease, [.text(owner), .integer(expires), .integer(sequence)])
                guard let entry = try connection.rows(InboxSQL.selectBySequence, [.integer(sequence)], InboxRow.entry).first
                else {
                    throw MessagingStoreError.unreadableRow(table: "inbox_messages", reason: "\(sequence) vanished while leased")
                }
                return InboxClaim(entry: entry, owner: owner, attempt: entry.attempts, leaseExpires: MessagingTime.date(expires))
            }
        }
    }

    @discardableResult
    public func markProcessed(_ claim: InboxClaim, now: Date, audit: [AuditEntry]) async throws -> Bool {
        Self.changed(try await writer.submit(.processed(claim, now: MessagingTime.milliseconds(now), audit: audit)))
    }

    @discardableResult
    public func markFailed(
        _ claim: InboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        Self.changed(try await writer.submit(
            .failed(claim, error: error, disposition: disposition, now: MessagingTime.milliseconds(now), audit: audit)))
    }

    @discardableResult
    public func retry(_ id: MessageID, now: Date) async throws -> Bool {
        let now = MessagingTime.milliseconds(now)
        return try await database.transaction { connection in
            try connection.execute(InboxSQL.retry, [.integer(now), .text(id.rawValue)])
            return connection.changes == 1
        }
    }

    @discardableResult
    public func purge(finishedBefore cutoff: Date) async throws -> Int {
        let cutoff = MessagingTime.milliseconds(cutoff)
        return try await database.transaction { connection in
            try connection.execute(InboxSQL.purge, [.integer(cutoff)])
            return connection.changes
        }
    }

    /// Frees every lease, so that work claimed by a process that is gone is due again at once
    /// instead of after its lease. Only for a gateway starting on its own SQLite file: one file
    /// serves one gateway process, so any lease found then was held by a process that died.
    @discardableResult
    public func releaseAllLeases() async throws -> Int {
        try await database.transaction { connection in
            try connection.execute(InboxSQL.releaseLeases)
            return connection.changes
        }
    }

    // MARK: - On the database queue

    private static func changed(_ result: WriteResult) -> Bool {
        if case .reported(let changed) = result { return changed }
        return false
    }

    private static func apply(_ write: Write, on connection: SQLiteConnection) throws -> WriteResult {
        switch write {
        case .store(let message, let receipt, let route, let now, _):
            try connection.execute(InboxSQL.insert, [
                .text(message.id.rawValue), .text(message.from.rawValue), .text(message.to.rawValue),
                .text(message.service.rawValue), .integer(MessagingTime.milliseconds(message.created)),
                .optionalText(message.correlationID?.rawValue), .blob(message.payloadDigest), .text(receipt.id.rawValue),
                .integer(MessagingTime.milliseconds(receipt.created)), .text(route.rawValue), .integer(now), .integer(now),
            ])
            let inserted = connection.changes == 1
            if inserted {
                try connection.execute(InboxSQL.insertBody, [
                    .blob(message.payload), .text(message.jws), .blob(receipt.payload), .text(receipt.jws),
                ])
            }
            let outcome = try connection.rows(InboxSQL.existing, [.text(message.id.rawValue)]) { row -> InboxStoreOutcome in
                let read = MessagingRowReader(row: row, table: "inbox_messages")
                let sequence = try row.int64(0)
                if inserted { return .stored(sequence: sequence) }
                let digest = try row.blob(1)
                guard digest == message.payloadDigest, try read.agency(2) == message.from else {
                    return .conflict(storedDigest: digest)
                }
                return .alreadyStored(DeliveryReceipt(
                    id: try read.messageID(3), created: try read.date(4), payload: try row.blob(5), jws: try row.text(6)))
            }.first
            guard let outcome else {
                throw MessagingStoreError.unreadableRow(table: "inbox_messages", reason: "\(message.id) vanished while stored")
            }
            return .stored(outcome)
        case .processed(let claim, let now, _):
            try connection.execute(InboxSQL.processed, [
                .integer(now), .text(claim.entry.message.id.rawValue), .text(claim.owner), .integer(Int64(claim.attempt)),
            ])
        case .failed(let claim, let error, .retry(let at), _, _):
            try connection.execute(InboxSQL.retryLater, [
                .integer(MessagingTime.milliseconds(at)), .text(error), .text(claim.entry.message.id.rawValue),
                .text(claim.owner), .integer(Int64(claim.attempt)),
            ])
        case .failed(let claim, let error, .dead, let now, _):
            try connection.execute(InboxSQL.dead, [
                .text(error), .integer(now), .text(claim.entry.message.id.rawValue), .text(claim.owner),
                .integer(Int64(claim.attempt)),
            ])
        }
        return .reported(changed: connection.changes == 1)
    }
}
