import Foundation
import LienthongCore
import LienthongCrypto
import Synchronization

/// The hash-chained audit trail on SQLite.
///
/// Appends from concurrent tasks are grouped (see `SQLiteGroupCommit`): those that arrive while a
/// transaction is committing are written together by the next one, in order, each chained to the
/// one before. Only the database's serial queue writes, so the chain cannot fork; the last sequence
/// and hash are read at open and then kept in memory.
public final class SQLiteAuditLog: AuditLog {
    private let database: SQLiteDatabase
    private let tip: AuditChainTip
    private let clock: @Sendable () -> Date
    /// One submission is one caller's entries, kept consecutive in the chain.
    private let writer: SQLiteGroupCommit<[AuditEntry], [AuditRecord]>
    /// Records fetched per round trip while verifying, bounding memory whatever the chain length.
    private let verifyPageSize: Int64

    /// Opens the audit trail in `database`, which must have `GatewayStore.migrations` applied.
    ///
    /// - Parameters:
    ///   - maximumBatch: the most submissions (calls to `append`) written in one transaction.
    ///   - clock: the time stamped on records (injectable for tests).
    public init(
        database: SQLiteDatabase, maximumBatch: Int = 256, verifyPageSize: Int = 1_000,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws {
        let current = try await database.perform { connection in try AuditChainTip.read(connection) }
        let tip = AuditChainTip(current)
        self.database = database
        self.tip = tip
        self.clock = clock
        self.verifyPageSize = Int64(max(1, verifyPageSize))
        self.writer = SQLiteGroupCommit(database: database, maximumBatch: maximumBatch) { connection, submissions in
            let records = try Self.transaction(on: connection, tip: tip, time: clock()) { appender in
                try appender.append(submissions.flatMap { $0 })
            }
            // Hand each caller back its own records, in the order it gave its entries.
            var remaining = records[...]
            return submissions.map { entries in
                defer { remaining = remaining.dropFirst(entries.count) }
                return Array(remaining.prefix(entries.count))
            }
        }
    }

    @discardableResult
    public func append(_ entry: AuditEntry) async throws -> AuditRecord {
        guard let record = try await writer.submit([entry]).first else {
            throw SQLiteError(code: 1, message: "the audit writer returned no record")
        }
        return record
    }

    @discardableResult
    public func append(contentsOf entries: [AuditEntry]) async throws -> [AuditRecord] {
        guard !entries.isEmpty else { return [] }
        return try await writer.submit(entries)
    }

    public func records(for messageID: MessageID) async throws -> [AuditRecord] {
        let rows = try await database.perform { connection in
            try connection.query(AuditSQL.byMessage, [.text(messageID.rawValue)]) { row throws(SQLiteError) in
                try AuditRow(row)
            }
        }
        return try rows.map { try $0.record() }
    }

    public func records(after sequence: Int64, limit: Int) async throws -> [AuditRecord] {
        guard limit > 0 else { return [] }
        let rows = try await database.perform { connection in
            try connection.query(AuditSQL.page, [.integer(sequence), .integer(Int64.max), .integer(Int64(limit))]) {
                row throws(SQLiteError) in try AuditRow(row)
            }
        }
        return try rows.map { try $0.record() }
    }

    public func keepCertificate(_ der: [UInt8]) async throws {
        let thumbprint = try AuditCertificate.thumbprint(of: der)
        try await database.perform { connection in
            try connection.transaction(durable: true) {
                try connection.execute(AuditSQL.keepCertificate, [.text(thumbprint), .blob(der)])
            }
        }
    }

    public func certificate(thumbprint: String) async throws -> [UInt8]? {
        try await database.perform { connection in
            try connection.query(AuditSQL.certificate, [.text(thumbprint)]) { row throws(SQLiteError) in try row.blob(0) }.first
        }
    }

    public func verify() async throws -> AuditVerification {
        let cachedLast = tip.current.sequence
        let pageSize = verifyPageSize
        let storedLast = try await database.perform { connection in
            try connection.scalarInt64(AuditSQL.highestSequence) ?? 0
        }
        // Records appended after this point are not part of this verification.
        let last = max(storedLast, cachedLast)
        var verifier = AuditChainVerifier()
        while verifier.lastSequence < last {
            let start = verifier
            let (next, broken, rowsRead) = try await database.perform { connection in
                try Self.verifyPage(connection, from: start, upTo: last, limit: pageSize)
            }
            if let broken { return broken }
            if rowsRead == 0 { break }
            verifier = next
        }
        return verifier.finish(expectedLast: last)
    }

    /// Checks up to `limit` records after `verifier`'s position, on the database queue.
    private static func verifyPage(
        _ connection: SQLiteConnection, from verifier: AuditChainVerifier, upTo last: Int64, limit: Int64
    ) throws -> (AuditChainVerifier, AuditVerification?, Int) {
        var verifier = verifier
        var broken: AuditVerification?
        var rowsRead = 0
        let bindings: [SQLiteValue] = [.integer(verifier.lastSequence), .integer(last), .integer(limit)]
        try connection.forEachRow(AuditSQL.page, bindings) { row throws(SQLiteError) in
            guard broken == nil else { return }
            rowsRead += 1
            let sequence = try row.int64(0)
            do {
                broken = try verifier.check(try AuditRow(row))
            } catch let error as SQLiteError {
                // A column of the wrong storage class: name the record unless an earlier one is missing.
                broken = sequence == verifier.lastSequence + 1
                    ? .broken(sequence: sequence, reason: AuditBreak.unreadable(error))
                    : .broken(sequence: verifier.lastSequence + 1, reason: AuditBreak.missing)
            } catch {
                throw SQLiteError(code: 1, message: "cannot hash record \(sequence): \(error)")
            }
        }
        return (verifier, broken, rowsRead)
    }

    /// Runs `body` in one transaction on `connection` (the caller is on the database queue) with an
    /// appender chained after the trail's last record: the outbox and the inbox write a change of
    /// state and its audit records as one durable write. The tip moves only if the transaction
    /// commits.
    func transaction<T>(on connection: SQLiteConnection, _ body: (inout AuditAppender) throws -> T) throws -> T {
        try Self.transaction(on: connection, tip: tip, time: clock(), body)
    }

    private static func transaction<T>(
        on connection: SQLiteConnection, tip: AuditChainTip, time: Date, _ body: (inout AuditAppender) throws -> T
    ) throws -> T {
        var appender = AuditAppender(connection: connection, position: tip.current, milliseconds: AuditTime.milliseconds(time))
        do {
            let result = try connection.transaction { try body(&appender) }
            tip.move(to: appender.position)
            return result
        } catch {
            // Keep the cache equal to the file whatever happened to the failed transaction.
            if let stored = try? AuditChainTip.read(connection) { tip.move(to: stored) }
            throw error
        }
    }
}

/// Appends chained audit records inside a transaction that `SQLiteAuditLog.transaction` runs.
struct AuditAppender {
    let connection: SQLiteConnection
    /// The last record written so far, committed or in this transaction.
    private(set) var position: AuditChainTip.Position
    let milliseconds: Int64

    init(connection: SQLiteConnection, position: AuditChainTip.Position, milliseconds: Int64) {
        self.connection = connection
        self.position = position
        self.milliseconds = milliseconds
    }

    /// Inserts `entries` as the next records, in order.
    @discardableResult
    mutating func append(_ entries: [AuditEntry]) throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        records.reserveCapacity(entries.count)
        for entry in entries {
            let built = try AuditRecordBuilder.record(
                for: entry, sequence: position.sequence + 1, previousHash: position.hash, milliseconds: milliseconds)
            try connection.execute(AuditSQL.insert, AuditSQL.insertBindings(built.fields, hash: built.hash))
            position = AuditChainTip.Position(sequence: built.fields.sequence, hash: built.hash)
            records.append(built.record)
        }
        return records
    }
}

/// The last record's sequence and hash, read at open and advanced after each committed batch.
final class AuditChainTip: Sendable {
    struct Position: Sendable {
        var sequence: Int64
        var hash: [UInt8]
    }

    private let position: Mutex<Position>

    init(_ position: Position) { self.position = Mutex(position) }

    var current: Position { position.withLock { $0 } }

    func move(to new: Position) { position.withLock { $0 = new } }

    static func read(_ connection: SQLiteConnection) throws -> Position {
        try connection.query(AuditSQL.tip) { row throws(SQLiteError) in
            Position(sequence: try row.int64(0), hash: try row.blob(1))
        }.first ?? Position(sequence: 0, hash: AuditHash.genesis)
    }
}
