import Foundation
import LienthongCore
import LienthongStore
import Logging
import PostgresNIO

/// The durable outbox on PostgreSQL, shared by the replicas of one agency's gateway.
///
/// Enqueues from concurrent tasks of one process share a transaction (one multi-row INSERT per
/// batch). Workers of every replica claim with `SELECT … FOR UPDATE SKIP LOCKED` and lease what
/// they take: two claims running at once lock disjoint rows, and the lease (owner, expiry, attempt
/// number) keeps a message with one sender until it expires, so a replica that dies mid-send
/// leaves its work to the others once the lease runs out. Reports carry the attempt number as a
/// fencing token, so a late report of an expired claim changes nothing.
public final class PostgresOutbox: Outbox {
    private struct Enqueue: Sendable {
        var message: StoredMessage
        var priority: MessagePriority
        var client: String?
        var now: Int64
        var audit: [AuditEntry]
    }

    /// A delivery report: each is one UPDATE, and concurrent reports share a transaction.
    private struct Report: Sendable {
        var id: MessageID
        var query: PostgresQuery
        /// Appended to the audit trail when the report changes its row.
        var audit: [AuditEntry] = []
    }

    private let database: PostgresDatabase
    private let enqueuer: PostgresBatchWriter<Enqueue, Bool>
    private let reporter: PostgresBatchWriter<Report, Bool>

    /// `auditLog` is the trail in the same database, which writes' records join.
    init(database: PostgresDatabase, auditLog: PostgresAuditLog, maximumBatch: Int = 512) {
        self.database = database
        // 13 parameters a row, within the protocol's 65,535.
        self.enqueuer = PostgresBatchWriter(maximumBatch: min(max(1, maximumBatch), 4_000)) { batch in
            try await Self.insert(batch, into: database, auditLog: auditLog)
        }
        self.reporter = PostgresBatchWriter(maximumBatch: max(1, maximumBatch)) { batch in
            try await Self.apply(batch, on: database, auditLog: auditLog)
        }
    }

    public func enqueue(
        _ message: StoredMessage, priority: MessagePriority, client: String?, now: Date, audit: [AuditEntry]
    ) async throws {
        let inserted = try await enqueuer.submit(
            Enqueue(message: message, priority: priority, client: client, now: MessagingMilliseconds.of(now), audit: audit))
        guard inserted else { throw MessagingStoreError.duplicateMessage(message.id) }
    }

    public func claim(_ request: OutboxClaimRequest) async throws -> [OutboxClaim] {
        guard request.limit > 0 else { return [] }
        let now = MessagingMilliseconds.of(request.now)
        let expires = MessagingMilliseconds.of(request.now, plus: request.leaseDuration)
        let logger = database.logger
        let entries = try await database.transaction("outbox claim") { connection -> [OutboxEntry] in
            let chosen = try await Self.choose(request, now: now, on: connection, logger: logger)
            guard !chosen.isEmpty else { return [] }
            let rows = try await connection.rows(
                PostgresOutboxSQL.lease(chosen, owner: request.owner, expires: expires), logger: logger)
            return try rows.map(PostgresOutboxSQL.entry)
        }
        let leaseExpires = AuditTime.date(milliseconds: expires)
        return Self.inClaimOrder(entries).map {
            OutboxClaim(entry: $0, owner: request.owner, attempt: $0.attempts, leaseExpires: leaseExpires)
        }
    }

    @discardableResult
    public func markDelivered(
        _ claim: OutboxClaim, receipt: DeliveryReceipt, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        let id = claim.entry.message.id
        return try await reporter.submit(
            Report(
                id: id, query: PostgresOutboxSQL.delivered(id, receipt: receipt, now: MessagingMilliseconds.of(now)),
                audit: audit))
    }

    @discardableResult
    public func markFailed(
        _ claim: OutboxClaim, error: String, disposition: FailureDisposition, now: Date, audit: [AuditEntry]
    ) async throws -> Bool {
        let query = switch disposition {
        case .retry(let at): PostgresOutboxSQL.retryLater(claim, at: MessagingMilliseconds.of(at), error: error)
        case .dead: PostgresOutboxSQL.dead(claim, error: error, now: MessagingMilliseconds.of(now))
        }
        return try await reporter.submit(Report(id: claim.entry.message.id, query: query, audit: audit))
    }

    public func entry(_ id: MessageID) async throws -> OutboxEntry? {
        let logger = database.logger
        return try await database.connection("outbox read") { connection in
            try await connection.rows(PostgresOutboxSQL.select(id), logger: logger).first.map(PostgresOutboxSQL.entry)
        }
    }

    public func list(_ query: OutboxQuery) async throws -> [OutboxEntry] {
        guard query.limit > 0 else { return [] }
        let logger = database.logger
        return try await database.connection("outbox list") { connection in
            try await connection.rows(PostgresOutboxSQL.list(query), logger: logger).map(PostgresOutboxSQL.entry)
        }
    }

    @discardableResult
    public func retry(_ id: MessageID, now: Date) async throws -> Bool {
        try await changesOneRow("outbox retry", PostgresOutboxSQL.retry(id, now: MessagingMilliseconds.of(now)))
    }

    @discardableResult
    public func purge(states: Set<OutboxState>, finishedBefore cutoff: Date) async throws -> Int {
        // Nothing undelivered is ever purged, whatever was asked.
        let finished = states.intersection([.delivered, .dead]).map(\.rawValue).sorted()
        guard !finished.isEmpty else { return 0 }
        let logger = database.logger
        let query = PostgresOutboxSQL.purge(states: finished, before: MessagingMilliseconds.of(cutoff))
        let removed = try await database.connection("outbox purge") { connection in
            try await connection.query(query, logger: logger).decode(Int64.self).first(where: { _ in true }) ?? 0
        }
        return Int(removed)
    }

    public func counts() async throws -> [OutboxState: Int] {
        let logger = database.logger
        let rows = try await database.connection("outbox counts") { connection in
            try await connection.rows(PostgresOutboxSQL.counts, logger: logger).map { row in
                let read = PostgresRowReader(row, table: "outbox_messages")
                return (try read.enumeration(0, as: OutboxState.self), try read.int(1))
            }
        }
        var counts = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
        for (state, count) in rows { counts[state] = count }
        return counts
    }

    // MARK: - Writing

    private func changesOneRow(_ operation: String, _ query: PostgresQuery) async throws -> Bool {
        let logger = database.logger
        return try await database.connection(operation) { connection in
            try await !connection.rows(query, logger: logger).isEmpty
        }
    }

    private static func insert(
        _ batch: [Enqueue], into database: PostgresDatabase, auditLog: PostgresAuditLog
    ) async throws -> [Bool] {
        // Only the first of several enqueues of one id in a batch may be new; the rest are duplicates.
        var firstIndex: [MessageID: Int] = [:]
        for (index, item) in batch.enumerated() where firstIndex[item.message.id] == nil { firstIndex[item.message.id] = index }
        let first = firstIndex
        let rows = first.values.sorted().map { batch[$0] }.map { ($0.message, $0.priority, $0.client, $0.now) }
        let logger = database.logger
        return try await database.transaction("outbox enqueue") { connection in
            var inserted = Set<String>()
            for try await id in try await connection.query(PostgresOutboxSQL.insert(rows), logger: logger)
                .decode(String.self)
            {
                inserted.insert(id)
            }
            let isNew = batch.enumerated().map { index, item in
                first[item.message.id] == index && inserted.contains(item.message.id.rawValue)
            }
            try await auditLog.append(zip(batch, isNew).filter(\.1).flatMap(\.0.audit), within: connection)
            return isNew
        }
    }

    /// Applies a batch of reports in one transaction, in message id order so that two replicas
    /// reporting on overlapping messages lock rows in the same order; answers in arrival order.
    private static func apply(
        _ batch: [Report], on database: PostgresDatabase, auditLog: PostgresAuditLog
    ) async throws -> [Bool] {
        let logger = database.logger
        let order = batch.indices.sorted { batch[$0].id.rawValue < batch[$1].id.rawValue }
        return try await database.transaction("outbox report") { connection in
            var changed = [Bool](repeating: false, count: batch.count)
            for index in order {
                changed[index] = try await !connection.rows(batch[index].query, logger: logger).isEmpty
            }
            try await auditLog.append(zip(batch, changed).filter(\.1).flatMap(\.0.audit), within: connection)
            return changed
        }
    }

    // MARK: - Claiming

    /// Locks due candidates (skipping rows locked by other claimers) and picks those within the
    /// request's per-recipient capacity, best first. Costs a probe per waiting recipient plus the
    /// rows `dueCandidates` reads, never the backlog: a recipient out of capacity is not read at
    /// all, so it cannot hold up the others.
    private static func choose(
        _ request: OutboxClaimRequest, now: Int64, on connection: PostgresConnection, logger: Logger
    ) async throws -> [String] {
        var remaining: [String: Int] = [:]
        for row in try await connection.rows(PostgresOutboxSQL.waitingRecipients, logger: logger) {
            let recipient = try PostgresRowReader(row, table: "outbox_messages").agency(0)
            let limit = request.limit(for: recipient)
            if limit > 0 { remaining[recipient.rawValue] = limit }
        }
        guard !remaining.isEmpty else { return [] }
        let limits = remaining.map { (recipient: $0.key, limit: $0.value) }
        var chosen: [String] = []
        let candidates = try await connection.query(PostgresOutboxSQL.dueCandidates(now: now, limits: limits), logger: logger)
        for try await (id, recipient) in candidates.decode((String, String).self) {
            guard chosen.count < request.limit, let left = remaining[recipient], left > 0 else { continue }
            remaining[recipient] = left - 1
            chosen.append(id)
        }
        return chosen
    }

    /// The order claims are handed out in: priority, then due time, then id (UPDATE … RETURNING
    /// returns rows in no particular order).
    private static func inClaimOrder(_ entries: [OutboxEntry]) -> [OutboxEntry] {
        entries.sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            let lhsDue = lhs.nextAttemptAt ?? .distantPast
            let rhsDue = rhs.nextAttemptAt ?? .distantPast
            if lhsDue != rhsDue { return lhsDue < rhsDue }
            return lhs.message.id.rawValue < rhs.message.id.rawValue
        }
    }
}
