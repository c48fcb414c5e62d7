import Foundation
import LienthongCore
import LienthongCrypto
import Testing
@testable import LienthongStore

@Suite("Audit log: append, read, verify")
struct AuditLogTests {
    @Test func appendsChainFromTheZeroHashAndReadBackEqual() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        var appended: [AuditRecord] = []
        for index in 0..<3 { appended.append(try await store.auditLog.append(try Fixtures.entry(index))) }
        #expect(appended.map(\.sequence) == [1, 2, 3])
        #expect(appended[0].previousHash == [UInt8](repeating: 0, count: 32))
        #expect(appended[1].previousHash == appended[0].hash)
        #expect(appended[2].previousHash == appended[1].hash)
        for record in appended {
            #expect(try await store.auditLog.records(for: record.entry.messageID) == [record])
        }
        #expect(try await store.auditLog.verify() == .intact(records: 3))
        await store.close()
    }

    @Test func anEmptyTrailIsIntact() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        #expect(try await store.auditLog.verify() == .intact(records: 0))
        #expect(try await store.auditLog.records(for: MessageID()).isEmpty)
        await store.close()
    }

    @Test func findsARequestAndTheResponsesThatAnswerIt() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let request = MessageID()
        let response = MessageID()
        try await store.auditLog.append(try Fixtures.entry(0))
        let sent = try await store.auditLog.append(try Fixtures.entry(1, messageID: request))
        let answer = try await store.auditLog.append(try Fixtures.entry(2, messageID: response, correlationID: request))
        #expect(try await store.auditLog.records(for: request) == [sent, answer])
        #expect(try await store.auditLog.records(for: response) == [answer])
        await store.close()
    }

    @Test func retentionDecidesWhatIsKeptOfThePayload() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let full = try Fixtures.entry(0, retention: .full)
        let metadata = try Fixtures.entry(1, retention: .metadata)
        let none = try Fixtures.entry(2, retention: .none)
        let keptFull = try await store.auditLog.append(full)
        let keptMetadata = try await store.auditLog.append(metadata)
        let keptNone = try await store.auditLog.append(none)
        #expect(keptFull.entry == full)
        #expect(keptMetadata.entry.payload == nil)
        #expect(keptMetadata.entry.payloadDigest == metadata.payloadDigest)
        #expect(keptNone.entry.payload == nil)
        #expect(keptNone.entry.payloadDigest == (try Digest.sha256([UInt8]())))
        #expect(try await store.auditLog.records(for: none.messageID) == [keptNone])
        #expect(try await store.auditLog.verify() == .intact(records: 3))
        await store.close()
    }

    @Test func fiftyConcurrentTasksProduceOneUnbrokenChainWithoutGaps() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let log = store.auditLog
        let records = try await withThrowingTaskGroup(of: [AuditRecord].self) { group in
            for task in 0..<50 {
                group.addTask {
                    var mine: [AuditRecord] = []
                    for index in 0..<4 { mine.append(try await log.append(try Fixtures.entry(task * 4 + index))) }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let sorted = records.sorted { $0.sequence < $1.sequence }
        #expect(sorted.map(\.sequence) == Array(1...200))
        for (previous, next) in zip(sorted, sorted.dropFirst()) { #expect(next.previousHash == previous.hash) }
        #expect(try await log.verify() == .intact(records: 200))
        await store.close()
    }

    @Test func reopeningContinuesTheChain() async throws {
        let directory = try TemporaryDirectory()
        let first = try await GatewayStore.open(dataDirectory: directory.path)
        var last = try await first.auditLog.append(try Fixtures.entry(0))
        last = try await first.auditLog.append(try Fixtures.entry(1))
        await first.close()

        let second = try await GatewayStore.open(dataDirectory: directory.path)
        let next = try await second.auditLog.append(try Fixtures.entry(2))
        #expect(next.sequence == 3)
        #expect(next.previousHash == last.hash)
        #expect(try await second.auditLog.verify() == .intact(records: 3))
        await second.close()
    }

    @Test func theTableRefusesUpdatesAndDeletesFromTheGateway() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        try await store.auditLog.append(try Fixtures.entry(0))
        for sql in ["UPDATE audit_records SET outcome = 'x'", "DELETE FROM audit_records"] {
            let error = await #expect(throws: SQLiteError.self) {
                try await store.database.perform { connection in try connection.execute(sql) }
            }
            #expect(error?.message == "audit records are append-only")
        }
        await store.close()
    }

    @Test func theDocumentedEncodingIsWhatIsHashed() async throws {
        let directory = try TemporaryDirectory()
        let store = try await GatewayStore.open(dataDirectory: directory.path)
        let first = try await store.auditLog.append(try Fixtures.entry(0, correlationID: MessageID()))
        let second = try await store.auditLog.append(try Fixtures.entry(1, retention: .metadata))
        for record in [first, second] {
            #expect(try Digest.sha256(Self.encodeAsDocumented(record)) == record.hash)
        }
        await store.close()
    }

    /// The encoding written out again from the `AuditHash` documentation, as an auditor would.
    static func encodeAsDocumented(_ record: AuditRecord) -> [UInt8] {
        func integer(_ value: Int64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
        func field(_ bytes: [UInt8]?) -> [UInt8] {
            guard let bytes else { return [0] }
            return [1] + integer(Int64(bytes.count)) + bytes
        }
        func text(_ value: String?) -> [UInt8] { field(value.map { Array($0.utf8) }) }
        let entry = record.entry
        let milliseconds = Int64((record.time.timeIntervalSince1970 * 1000).rounded())
        return text("lienthong-audit-v1") + field(integer(record.sequence)) + field(integer(milliseconds))
            + text(entry.messageID.rawValue) + text(entry.direction.rawValue) + text(entry.from.rawValue)
            + text(entry.to.rawValue) + text(entry.service.rawValue) + text(entry.outcome)
            + field(entry.payloadDigest) + text(entry.jws) + text(entry.correlationID?.rawValue)
            + text(entry.retention.rawValue) + field(entry.payload) + field(record.previousHash)
    }
}
