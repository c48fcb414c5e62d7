import Foundation
import LienthongCore

/// The durable outbox on SQLite.
///
/// Enqueues and delivery reports from concurrent tasks share transactions (group commit, see
/// `SQLiteGroupCommit`): a burst of N submissions costs a few `fsync`s, not N, which is what lets
/// the local API accept thousands of messages a second with `synchronous=FULL`. Claims run in
/// their own `BEGIN IMMEDIATE` transaction; the single connection serialises them, so a message is
/// never leased twice.
public final class SQLiteOutbox: Outbox {
    /// One write that may share a transaction with others.
    enum Write: Sendable {
        case enqueue(StoredMessage, priority: MessagePriority, client: String?, now: Int64, audit: [AuditEntry])
        case delivered(MessageID, receipt: DeliveryReceipt, now: Int64, audit: [AuditEntry])
        case failed(OutboxClaim, error: String, disposition: FailureDisposition, now: Int64, audit: [AuditEntry])

        /// Appended to the audit trail when the write changes its row.
        var audit: [AuditEntry] {
            switch self {
            case .enqueue(_, _, _, _, let audit), .delivered(_, _, _, let audit), .failed(_, _, _, _, let audit): audit
            }
        }
    }

    private let database: SQLiteDatabase
    private let writer: SQLiteGroupCommit<Write, Bool>

    /// - Parameters:
    ///   - database: a database with `GatewayStore.migrations` applied.
    ///   - auditLog: the audit trail in the same database, which writes' records join.
    ///   - maximumBatch: the most writes committed in one transaction.
    public init(database: SQLiteDatabase, auditLog: SQLiteAuditLog, maximumBatch: Int = 1_024) {
        self.database = database
        self.writer = SQLiteGroupCommit(database: database, maximumBatch: maximumBatch) { connection, writes in
            try auditLog.transaction(on: connection) { appender in
                try writes.map { write in
                    let changed = try Self.apply(write, on: connection)
                    if changed { try appender.append(write.audit) }
                    return changed
                }
            }
        }
    }

    public func enqueue(
        _ message: StoredMessage, priority: MessagePriority, client: String?, now: Date, audit: [AuditEntry]
    ) async throws {
        let inserted = try await writer.submit(
            .enqueue(message, priority: priority, client: client, now: MessagingTime.milliseconds(now), audit: audit))
        guard inserted else { throw MessagingStoreError.duplicateMessage(message.id) }
    }

    public func claim(_ request: OutboxClaimRequest) async throws -> [OutboxClaim] {
        guard request.limit > 0 else { return [] }
        let now = MessagingTime.milliseconds(request.now)
        let expires = MessagingTime.milliseconds(request.now, plus: request.leaseDuration)
        // Not durable: a lease lost with the machine only means the message is sent again, and the
        // receiver answers a re-delivery with the same receipt (a restart releases leases anyway).
        return try await database.transaction(durable: false) { connection in
            let chosen = try Self.choose(request, now: now, on: connection)
            return try chosen.map { id in
                try connection.execute(OutboxSQL.lease, [.text(request.owner), .integer(expires), .text(id)])
                guard let leased = try connection.rows(OutboxSQL.select, [.text(id)], OutboxRow.entry).first else {
                    throw MessagingStoreError.unreadableRow(table: "outbox_messages", reason: "\(id) vanished while leased")
                }
                return OutboxClaim(
                    entry: leased.entry, owner: request.owner, attempt: leased.entry.attempts,
                    leaseExpires: MessagingTime.date(expires))
            }
        }
    }

    @discardableResult
    public func markDelivered(
        _ claim: OutboxClaim, receipt: DeliveryReceipt, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        try await writer.submit(
            .delivered(claim.entry.message.id, receipt: receipt, now: MessagingTime.milliseconds(now), audit: audit))
    }

    @discardableResult
    public func markFailed(
        _ claim: OutboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        try await writer.submit(
            .failed(claim, error: error, disposition: disposition, now: MessagingTime.milliseconds(now), audit: audit))
    }

    public func entry(_ id: MessageID) async throws -> OutboxEntry? {
        try await database.perform { connection in
            try connection.rows(OutboxSQL.select, [.text(id.rawValue)], OutboxRow.entry).first?.entry
        }
    }

    public func list(_ query: OutboxQuery) async throws -> [OutboxEntry] {
        guard query.limit > 0 else { return [] }
        var conditions: [String] = []
        var bindings: [SQLiteValue] = []
        if !query.states.isEmpty {
            // Sorted so that the same filter gives the same SQL text (one cached statement).
            let states = query.states.map(\.rawValue).sorted()
            conditions.append("state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
            bindings += states.map(SQLiteValue.text)
        }
        if let recipient = query.recipient {
            conditions.append("recipient = ?")
            bindings.append(.text(recipient.rawValue))
        }
        if let after = query.after {
            conditions.append("message_id > ?")
            bindings.append(.text(after.rawValue))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(OutboxSQL.columns) FROM \(OutboxSQL.joined) \(filter) ORDER BY message_id LIMIT ?"
        bindings.append(.integer(Int64(query.limit)))
        return try await database.perform { [bindings] connection in
            try connection.rows(sql, bindings, OutboxRow.entry).map(\.entry)
        }
    }

    @discardableResult
    public func retry(_ id: MessageID, now: Date) async throws -> Bool {
        let now = MessagingTime.milliseconds(now)
        return try await database.transaction { connection in
            try connection.execute(OutboxSQL.retry, [.integer(now), .text(id.rawValue)])
            return connection.changes == 1
        }
    }

    @discardableResult
    public func purge(states: Set<OutboxState>, finishedBefore cutoff: Date) async throws -> Int {
        let finished = states.intersection([.delivered, .dead]).map(\.rawValue).sorted()
        let cutoff = MessagingTime.milliseconds(cutoff)
        return try await database.transaction { connection in
            var removed = 0
            for state in finished {
                try connection.execute(OutboxSQL.purge, [.text(state), .integer(cutoff)])
                removed += connection.changes
            }
            return removed
        }
    }

    public func counts() async throws -> [OutboxState: Int] {
        let rows = try await database.perform { connection in
            try connection.rows(OutboxSQL.counts) { row in
                let read = MessagingRowReader(row: row, table: "outbox_messages")
                return (try read.enumeration(0, as: OutboxState.self), try read.count(1))
            }
        }
        var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
        for (state, count) in rows { counts[state] = count }
        return counts
    }

    /// Frees every lease, so that work claimed by a process that is gone is due again at once
    /// instead of after its lease. Only for a gateway starting on its own SQLite file: one file
    /// serves one gateway process, so any lease found then was held by a process that died.
    @discardableResult
    public func releaseAllLeases() async throws -> Int {
        try await database.transaction { connection in
            try connection.execute(OutboxSQL.releaseLeases)
            return connection.changes
        }
    }

    // MARK: - On the database queue

    /// The ids to lease, best first: each recipient's best due messages within its capacity,
    /// merged. Costs a seek per waiting recipient plus the rows `dueForRecipient` reads, never the
    /// backlog: a recipient out of capacity is not read at all, so it cannot hold up the others.
    private static func choose(_ request: OutboxClaimRequest, now: Int64, on connection: SQLiteConnection) throws -> [String] {
        let recipients = try connection.rows(OutboxSQL.waitingRecipients) { row in
            try MessagingRowReader(row: row, table: "outbox_messages").agency(0)
        }
        var candidates: [ClaimCandidate] = []
        for recipient in recipients {
            let limit = request.limit(for: recipient)
            guard limit > 0 else { continue }
            candidates += try connection.rows(
                OutboxSQL.dueForRecipient, [.text(recipient.rawValue), .integer(now), .integer(Int64(limit))]
            ) { row in
                ClaimCandidate(id: try row.text(0), priority: try row.int64(1), due: try row.int64(2))
            }
        }
        return candidates.sorted().prefix(request.limit).map(\.id)
    }

    private static func apply(_ write: Write, on connection: SQLiteConnection) throws -> Bool {
        switch write {
        case .enqueue(let message, let priority, let client, let now, _):
            try connection.execute(OutboxSQL.insert, [
                .text(message.id.rawValue), .text(message.from.rawValue), .text(message.to.rawValue),
                .text(message.service.rawValue), .integer(MessagingTime.milliseconds(message.created)),
                .optionalText(message.correlationID?.rawValue), .blob(message.payloadDigest),
                .integer(Int64(priority.rawValue)), .optionalText(client), .integer(now), .integer(now),
            ])
            guard connection.changes == 1 else { return false }
            try connection.execute(
                OutboxSQL.insertBody, [.text(message.id.rawValue), .blob(message.payload), .text(message.jws)])
            return true
        case .delivered(let id, let receipt, let now, _):
            try connection.execute(OutboxSQL.delivered, [.integer(now), .text(id.rawValue)])
            guard connection.changes == 1 else { return false }
            try connection.execute(OutboxSQL.insertReceipt, [
                .text(id.rawValue), .text(receipt.id.rawValue), .integer(MessagingTime.milliseconds(receipt.created)),
                .blob(receipt.payload), .text(receipt.jws),
            ])
            return true
        case .failed(let claim, let error, .retry(let at), _, _):
            try connection.execute(OutboxSQL.retryLater, [
                .integer(MessagingTime.milliseconds(at)), .text(error), .text(claim.entry.message.id.rawValue),
                .text(claim.owner), .integer(Int64(claim.attempt)),
            ])
        case .failed(let claim, let error, .dead, let now, _):
            try connection.execute(OutboxSQL.dead, [
                .text(error), .integer(now), .text(claim.entry.message.id.rawValue), .text(claim.owner),
                .integer(Int64(claim.attempt)),
            ])
        }
        return connection.changes == 1
    }
}

/// A due message a claim may take, in claim order: higher priority first, then earlier due, then
/// smaller id (the order of `ORDER BY priority DESC, next_attempt_ms, message_id`).
private struct ClaimCandidate: Comparable {
    var id: String
    var priority: Int64
    var due: Int64

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        if lhs.due != rhs.due { return lhs.due < rhs.due }
        return lhs.id < rhs.id
    }
}
