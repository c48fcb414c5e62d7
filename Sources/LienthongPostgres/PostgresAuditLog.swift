import Foundation
import LienthongCore
import LienthongStore
import Logging
import PostgresNIO

/// The hash-chained audit trail on PostgreSQL, shared by every replica of one agency's gateway.
///
/// Each batch locks the `audit_append_lock` row, reads the last record, appends after it and
/// commits, so appends of several replicas take turns and the chain cannot fork. Within one
/// process, appends that arrive while a batch commits are written together by the next one.
/// Records, hashes and verification are those of the SQLite trail (`AuditHash`).
public final class PostgresAuditLog: AuditLog {
    private let database: PostgresDatabase
    private let writer: PostgresBatchWriter<AuditEntry, AuditRecord>
    private let verifyPageSize: Int64
    private let clock: @Sendable () -> Date

    init(
        database: PostgresDatabase, maximumBatch: Int = 256, verifyPageSize: Int = 1_000,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.clock = clock
        self.verifyPageSize = Int64(max(1, verifyPageSize))
        let batch = min(max(1, maximumBatch), PostgresAuditSQL.maximumRowsPerInsert)
        self.writer = PostgresBatchWriter(maximumBatch: batch) { entries in
            try await Self.write(entries, to: database, time: clock())
        }
    }

    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditRecord {
        try await writer.submit(entry)
    }

    public func records(for messageID: MessageID) async throws -> [AuditRecord] {
        let logger = database.logger
        let rows = try await database.connection("audit read") { connection in
            try await connection.rows(PostgresAuditSQL.byMessage(messageID.rawValue), logger: logger)
                .map(PostgresAuditSQL.row)
        }
        return try rows.map { try $0.record() }
    }

    public func records(after sequence: Int64, limit: Int) async throws -> [AuditRecord] {
        guard limit > 0 else { return [] }
        let logger = database.logger
        let rows = try await database.connection("audit read") { connection in
            try await connection.rows(PostgresAuditSQL.page(after: sequence, upTo: Int64.max, limit: Int64(limit)), logger: logger)
                .map(PostgresAuditSQL.row)
        }
        return try rows.map { try $0.record() }
    }

    public func keepCertificate(_ der: [UInt8]) async throws {
        let thumbprint = try AuditCertificate.thumbprint(of: der)
        let logger = database.logger
        try await database.connection("audit certificate") { connection in
            _ = try await connection.query(PostgresAuditSQL.keepCertificate(thumbprint: thumbprint, der: der), logger: logger)
        }
    }

    public func certificate(thumbprint: String) async throws -> [UInt8]? {
        let logger = database.logger
        return try await database.connection("audit certificate") { connection in
            try await connection.rows(PostgresAuditSQL.certificate(thumbprint: thumbprint), logger: logger)
                .first.map { try $0.decode(ByteBuffer.self).bytes }
        }
    }

    public func verify() async throws -> AuditVerification {
        let logger = database.logger
        // Records appended after this point are not part of this verification.
        let last = try await database.connection("audit verify") { connection in
            try await connection.query(PostgresAuditSQL.highestSequence, logger: logger).decode(Int64.self)
                .first(where: { _ in true }) ?? 0
        }
        var verifier = AuditChainVerifier()
        while verifier.lastSequence < last {
            let page = PostgresAuditSQL.page(after: verifier.lastSequence, upTo: last, limit: verifyPageSize)
            let rows = try await database.connection("audit verify") { connection in
                try await connection.rows(page, logger: logger)
            }
            if rows.isEmpty { break }
            for row in rows {
                let expected = verifier.lastSequence + 1
                let stored: AuditRow
                do { stored = try PostgresAuditSQL.row(row) } catch {
                    return .broken(sequence: expected, reason: AuditBreak.unreadable(PostgresErrorText.describe(error)))
                }
                if let broken = try verifier.check(stored) { return broken }
            }
        }
        return verifier.finish(expectedLast: last)
    }

    /// Appends `entries` after the last stored record inside the transaction `connection` is in:
    /// the outbox and the inbox write a change of state and its records in one commit. It takes the
    /// append lock, which must be the last lock a transaction takes (no transaction holding it
    /// waits for another lock, so appends cannot deadlock with row locks).
    func append(_ entries: [AuditEntry], within connection: PostgresConnection) async throws {
        guard !entries.isEmpty else { return }
        _ = try await Self.append(entries, on: connection, milliseconds: AuditTime.milliseconds(clock()), logger: database.logger)
    }

    /// Writes one batch in one transaction, chained after the last stored record.
    private static func write(_ entries: [AuditEntry], to database: PostgresDatabase, time: Date) async throws -> [AuditRecord] {
        let logger = database.logger
        let milliseconds = AuditTime.milliseconds(time)
        return try await database.transaction("audit append") { connection in
            try await append(entries, on: connection, milliseconds: milliseconds, logger: logger)
        }
    }

    private static func append(
        _ entries: [AuditEntry], on connection: PostgresConnection, milliseconds: Int64, logger: Logger
    ) async throws -> [AuditRecord] {
        try await connection.query(PostgresAuditSQL.lockForAppend, logger: logger)
        var sequence: Int64 = 0
        var hash = AuditHash.genesis
        for try await (lastSequence, lastHash) in try await connection.query(PostgresAuditSQL.tip, logger: logger)
            .decode((Int64, ByteBuffer).self)
        {
            sequence = lastSequence
            hash = lastHash.bytes
        }
        var built: [AuditRecordBuilder.Built] = []
        built.reserveCapacity(entries.count)
        for entry in entries {
            let next = try AuditRecordBuilder.record(
                for: entry, sequence: sequence + 1, previousHash: hash, milliseconds: milliseconds)
            sequence = next.fields.sequence
            hash = next.hash
            built.append(next)
        }
        // In INSERTs of at most `maximumRowsPerInsert`: a batch of outbox or inbox writes may carry
        // more records than one statement's parameters hold.
        var start = built.startIndex
        while start < built.endIndex {
            let end = min(start + PostgresAuditSQL.maximumRowsPerInsert, built.endIndex)
            try await connection.query(PostgresAuditSQL.insert(built[start..<end].map { ($0.fields, $0.hash) }), logger: logger)
            start = end
        }
        return built.map(\.record)
    }
}
