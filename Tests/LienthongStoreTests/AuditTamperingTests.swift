import Foundation
import LienthongCore
import Testing
@testable import LienthongStore

@Suite("Audit log: tampering with the file is detected and located")
struct AuditTamperingTests {
    /// One change to record 3 for each stored column.
    static let columnChanges = [
        "time_ms = time_ms + 1",
        "message_id = '0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b'",
        "direction = CASE direction WHEN 'inbound' THEN 'outbound' ELSE 'inbound' END",
        "from_agency = '000.00.00.H42'",
        "to_agency = '000.00.00.G02'",
        "service = 'land.parcel.lookup/v1'",
        "outcome = 'rejected:forbidden'",
        "payload_digest = zeroblob(32)",
        "jws = jws || 'x'",
        "correlation_id = '0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b'",
        "retention = 'metadata'",
        "payload = X'00'",
        "previous_hash = zeroblob(32)",
        "hash = zeroblob(32)",
    ]

    @Test(arguments: columnChanges)
    func changingAnyColumnNamesThatRecord(change: String) async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(5, in: directory)
        try RawDatabase.tamper(directory.databasePath, "UPDATE audit_records SET \(change) WHERE sequence = 3")
        #expect(
            try await store.auditLog.verify()
                == .broken(sequence: 3, reason: "stored hash does not match its contents"))
        await store.close()
    }

    @Test func aColumnOfTheWrongTypeNamesThatRecord() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(5, in: directory)
        try RawDatabase.tamper(directory.databasePath, "UPDATE audit_records SET time_ms = 'noon' WHERE sequence = 4")
        let result = try await store.auditLog.verify()
        #expect(result == .broken(sequence: 4, reason: "cannot be read: column time_ms holds TEXT, expected INTEGER"))
        await store.close()
    }

    @Test func deletingARecordInTheMiddleIsDetected() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(5, in: directory)
        try RawDatabase.tamper(directory.databasePath, "DELETE FROM audit_records WHERE sequence = 3")
        #expect(try await store.auditLog.verify() == .broken(sequence: 3, reason: "the record is missing"))
        await store.close()
    }

    @Test func deletingTheFirstRecordIsDetected() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(3, in: directory)
        try RawDatabase.tamper(directory.databasePath, "DELETE FROM audit_records WHERE sequence = 1")
        #expect(try await store.auditLog.verify() == .broken(sequence: 1, reason: "the record is missing"))
        await store.close()
    }

    @Test func deletingTheLastRecordIsDetectedWhileTheGatewayRemembersIt() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(4, in: directory)
        try RawDatabase.tamper(directory.databasePath, "DELETE FROM audit_records WHERE sequence = 4")
        #expect(try await store.auditLog.verify() == .broken(sequence: 4, reason: "the record is missing"))
        await store.close()
    }

    @Test func aForgerWhoRehashesARecordIsCaughtAtTheNextOne() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(5, in: directory)
        // Change record 3 and store a hash that matches the change: record 3 checks out on its
        // own, but record 4 still points at the original.
        let original = try #require(try await store.auditLog.records(for: Self.messageID(3, in: store)).first)
        var forged = original.entry
        forged.outcome = "rejected:forbidden"
        let rebuilt = try AuditRecordBuilder.record(
            for: forged, sequence: 3, previousHash: original.previousHash,
            milliseconds: AuditTime.milliseconds(original.time))
        let hex = rebuilt.hash.map { String(format: "%02x", $0) }.joined()
        try RawDatabase.tamper(
            directory.databasePath,
            "UPDATE audit_records SET outcome = 'rejected:forbidden', hash = X'\(hex)' WHERE sequence = 3")
        #expect(
            try await store.auditLog.verify() == .broken(sequence: 4, reason: "previous hash does not match record 3"))
        await store.close()
    }

    @Test func swappingTwoRecordsIsDetected() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(4, in: directory)
        // Swap records 2 and 3 whole: each row's own hash is still right, but the links are not.
        try RawDatabase.tamper(
            directory.databasePath,
            """
            UPDATE audit_records SET sequence = 100 WHERE sequence = 2;
            UPDATE audit_records SET sequence = 2 WHERE sequence = 3;
            UPDATE audit_records SET sequence = 3 WHERE sequence = 100;
            """)
        // Record 2 now carries another sequence number than it was hashed with.
        #expect(
            try await store.auditLog.verify()
                == .broken(sequence: 2, reason: "stored hash does not match its contents"))
        await store.close()
    }

    @Test func aRowWrittenBehindTheGatewaysBackFailsTheAppendInsteadOfForkingTheChain() async throws {
        let directory = try TemporaryDirectory()
        let store = try await Self.storeWithRecords(2, in: directory)
        // Another writer takes sequence 3 (a copy of record 2 under the next number).
        try RawDatabase.tamper(
            directory.databasePath,
            "INSERT INTO audit_records SELECT 3, \(AuditSQL.columns.split(separator: ",").dropFirst().joined(separator: ",")) FROM audit_records WHERE sequence = 2")
        let error = await #expect(throws: SQLiteError.self) { try await store.auditLog.append(try Fixtures.entry(9)) }
        #expect(error?.message.contains("UNIQUE constraint failed: audit_records.sequence") == true)
        // The gateway re-reads the tip and carries on after the foreign row; verify names it.
        let next = try await store.auditLog.append(try Fixtures.entry(10))
        #expect(next.sequence == 4)
        #expect(try await store.auditLog.verify() == .broken(sequence: 3, reason: "stored hash does not match its contents"))
        await store.close()
    }

    @Test func aBreakIsFoundAcrossVerificationPages() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath, migrations: GatewayStore.migrations)
        let log = try await SQLiteAuditLog(database: database, verifyPageSize: 2)
        for index in 0..<7 { try await log.append(try Fixtures.entry(index)) }
        #expect(try await log.verify() == .intact(records: 7))
        try RawDatabase.tamper(directory.databasePath, "UPDATE audit_records SET outcome = 'x' WHERE sequence = 6")
        #expect(try await log.verify() == .broken(sequence: 6, reason: "stored hash does not match its contents"))
        await database.close()
    }

    @Test func readingATamperedRecordGivesAReadableError() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let record = try await store.auditLog.append(try Fixtures.entry(0))
        try RawDatabase.tamper(directory.databasePath, "UPDATE audit_records SET direction = 'sideways'")
        let error = await #expect(throws: StoreError.self) {
            try await store.auditLog.records(for: record.entry.messageID)
        }
        #expect(error == .unreadableAuditRecord(sequence: 1, reason: "direction \"sideways\" is not valid"))
        await store.close()
    }

    /// The message id of record `sequence`, read straight from the table.
    static func messageID(_ sequence: Int64, in store: GatewayStore) async throws -> MessageID {
        let text = try await store.database.perform { connection in
            try connection.scalarText("SELECT message_id FROM audit_records WHERE sequence = ?", [.integer(sequence)])
        }
        return try MessageID(parsing: try #require(text))
    }

    static func storeWithRecords(_ count: Int, in directory: borrowing TemporaryDirectory) async throws -> GatewayStore {
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        for index in 0..<count { try await store.auditLog.append(try Fixtures.entry(index)) }
        #expect(try await store.auditLog.verify() == .intact(records: Int64(count)))
        return store
    }
}
