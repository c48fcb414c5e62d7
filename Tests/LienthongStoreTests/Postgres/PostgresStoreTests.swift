import Foundation
import LienthongCore
import LienthongStore
import Testing
@testable import LienthongPostgres

/// What only the PostgreSQL store does: migrations shared by replicas, several replicas on one
/// database, and the server's own reasons when it cannot be used. Needs
/// `LIENTHONG_TEST_POSTGRES_URL`; skipped without it unless `CI` is set (then it fails).
@Suite(
    "PostgreSQL store: migrations, replicas, failures (LIENTHONG_TEST_POSTGRES_URL)",
    .enabled(if: PostgresTestServer.shouldRun))
struct PostgresStoreTests {
    @Test func replicasStartingTogetherApplyEachMigrationOnce() async throws {
        try await PostgresTestSchema.with { schema in
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<4 { group.addTask { try await schema.open() } }
                return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
            }
            #expect(try await schema.scalar("SELECT COUNT(*) FROM schema_migrations")
                    == Int64(PostgresStore.migrations.count))
            #expect(try await schema.scalar("SELECT MAX(version) FROM schema_migrations")
                    == Int64(PostgresStore.migrations.map(\.version).max() ?? 0))
            for store in stores { await store.close() }
        }
    }

    @Test func aSchemaOfThePreviousVersionMigratesAndKeepsItsMessages() async throws {
        try await PostgresTestSchema.with { schema in
            let store = try await schema.open()
            let message = try MessagingConformance.message()
            try await store.outbox.enqueue(message, priority: .normal, client: nil, now: MessagingConformance.now)
            await store.close()
            // Back to version 4: its claim index, as version 3 created it.
            try await schema.execute(
                ["DROP INDEX outbox_recipient_due", PostgresOutboxSQL.migration.statements[1],
                 "DELETE FROM schema_migrations WHERE version = 5"])
            let migrated = try await schema.open()
            let indexes = "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '\(schema.name)' AND indexname = "
            #expect(try await schema.scalar(indexes + "'outbox_due'") == 0)
            #expect(try await schema.scalar(indexes + "'outbox_recipient_due'") == 1)
            #expect(try await MessagingConformance.claimAll(migrated.outbox).map(\.entry.message.id) == [message.id])
            await migrated.close()
        }
    }

    @Test func aDatabaseMigratedByANewerGatewayIsRefused() async throws {
        try await PostgresTestSchema.with { schema in
            let store = try await schema.open()
            await store.close()
            try await schema.execute(["INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')"])
            let known = PostgresStore.migrations.map(\.version).max() ?? 0
            await #expect(throws: PostgresStoreError.schemaTooNew(found: 999, known: known)) { _ = try await schema.open() }
        }
    }

    @Test func openingWithoutMigratingRefusesAnEmptyDatabase() async throws {
        try await PostgresTestSchema.with { schema in
            try await schema.execute(["CREATE SCHEMA \(schema.name)"])
            let error = await #expect(throws: PostgresStoreError.self) {
                _ = try await PostgresStore.open(schema.configuration, logger: PostgresTestSchema.quietLogger, migrate: false)
            }
            #expect(error?.description.contains("no Lienthong store") == true)
            #expect(try await schema.scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '\(schema.name)'") == 0)
        }
    }

    @Test func twoReplicasAppendingTogetherMakeOneUnbrokenChain() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let records = try await withThrowingTaskGroup(of: AuditRecord.self) { group in
                for index in 0..<60 {
                    let log = index.isMultiple(of: 2) ? first.auditLog : second.auditLog
                    group.addTask { try await log.append(try Fixtures.entry(index)) }
                }
                return try await group.reduce(into: [AuditRecord]()) { $0.append($1) }
            }
            #expect(records.map(\.sequence).sorted() == Array(1...60))
            #expect(try await first.auditLog.verify() == .intact(records: 60))
            #expect(try await second.auditLog.verify() == .intact(records: 60))
            await first.close()
            await second.close()
        }
    }

    /// One INSERT holds at most `maximumRowsPerInsert` records; a write carrying more is split.
    @Test func aWriteCarryingMoreRecordsThanOneInsertHoldsKeepsThemAll() async throws {
        try await PostgresTestSchema.with { schema in
            let store = try await schema.open()
            let message = try MessagingConformance.message()
            let count = 2 * PostgresAuditSQL.maximumRowsPerInsert + 1  // one INSERT of these would pass the 65,535 parameters
            let entries = try (0..<count).map { try Fixtures.entry($0, messageID: message.id) }
            try await store.outbox.enqueue(message, priority: .normal, client: nil, now: MessagingConformance.now, audit: entries)
            #expect(try await store.auditLog.records(for: message.id).count == count)
            #expect(try await store.auditLog.verify() == .intact(records: Int64(count)))
            await store.close()
        }
    }

    @Test func twoReplicasSeeingOneIdAcceptItOnce() async throws {
        try await PostgresTestSchema.with { schema in
            let first = try await schema.open()
            let second = try await schema.open()
            let ids = (0..<25).map { _ in MessageID() }
            let accepted = try await withThrowingTaskGroup(of: (MessageID, Bool).self) { group in
                for id in ids {
                    for replica in [first.replayGuard, second.replayGuard] {
                        group.addTask {
                            (id, try await replica.firstSighting(of: id, from: Fixtures.province, at: Date(), retention: .seconds(300)))
                        }
                    }
                }
                return try await group.reduce(into: [MessageID: Int]()) { counts, result in
                    counts[result.0, default: 0] += result.1 ? 1 : 0
                }
            }
            #expect(accepted.count == ids.count)
            #expect(accepted.values.allSatisfy { $0 == 1 })
            await first.close()
            await second.close()
        }
    }

    @Test func idsOlderThanTheRetentionArePrunedAsSightingsArrive() async throws {
        try await PostgresTestSchema.with { schema in
            let store = try await schema.open(pruneInterval: .zero)
            let start = Date(timeIntervalSince1970: 1_700_000_000)
            let old = MessageID()
            #expect(try await store.replayGuard.firstSighting(of: old, from: Fixtures.province, at: start, retention: .seconds(300)))
            #expect(try await store.replayGuard.rememberedCount() == 1)
            // Ten minutes later the old id is outside the five-minute retention and goes with the next sighting.
            let later = start.addingTimeInterval(600)
            #expect(try await store.replayGuard.firstSighting(of: MessageID(), from: Fixtures.province, at: later, retention: .seconds(300)))
            #expect(try await store.replayGuard.rememberedCount() == 1)
            #expect(try await store.replayGuard.prune(before: later.addingTimeInterval(1)) == 1)
            #expect(try await store.replayGuard.rememberedCount() == 0)
            await store.close()
        }
    }

    @Test func noFreeConnectionIsReportedUnavailableAndNothingIsWritten() async throws {
        try await PostgresTestSchema.with { schema in
            var configuration = schema.configuration
            configuration.maximumConnections = 1
            configuration.leaseTimeout = .seconds(1)
            let store = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
            // Something holds the pool's only connection until told to let go.
            let (holding, holdingSignal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await store.database.connection("hold") { _ in
                    holdingSignal.finish()
                    for await _ in release {}
                }
            }
            for await _ in holding {}
            let error = await #expect(throws: PostgresStoreError.self) {
                try await store.auditLog.append(try Fixtures.entry(0))
            }
            guard case .unavailable(_, let reason) = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                releaseSignal.finish()
                try await holder.value
                await store.close()
                return
            }
            #expect(reason.contains("no database connection within"))
            releaseSignal.finish()
            try await holder.value
            // The store recovers as soon as a connection is free; the refused append left nothing behind.
            #expect(try await store.auditLog.append(try Fixtures.entry(1)).sequence == 1)
            #expect(try await store.auditLog.verify() == .intact(records: 1))
            await store.close()
        }
    }

    @Test func verificationPagesThroughTheChainAndFindsABreakOnALaterPage() async throws {
        try await PostgresTestSchema.with { schema in
            let store = try await schema.open()
            let log = PostgresAuditLog(database: store.database, verifyPageSize: 2)
            for index in 0..<7 { try await log.append(try Fixtures.entry(index)) }
            #expect(try await log.verify() == .intact(records: 7))
            try await schema.execute([
                "ALTER TABLE audit_records DISABLE TRIGGER USER",
                "UPDATE audit_records SET outcome = 'x' WHERE sequence = 6",
            ])
            #expect(try await log.verify() == .broken(sequence: 6, reason: "stored hash does not match its contents"))
            await store.close()
        }
    }

    @Test func aWrongPasswordIsReportedInTheServersWords() async throws {
        var configuration = try PostgresTestSchema().configuration
        configuration.password = "not-the-password"
        let error = await #expect(throws: PostgresStoreError.self) {
            _ = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
        }
        #expect(error?.description.contains("password authentication failed") == true)
        #expect(error?.description.contains("not-the-password") == false)
    }

    @Test func aServerThatIsNotThereIsReportedUnavailable() async throws {
        var configuration = try PostgresTestSchema().configuration
        configuration.port = try Self.closedPort()
        configuration.connectTimeout = .seconds(5)
        let error = await #expect(throws: PostgresStoreError.self) {
            _ = try await PostgresStore.open(configuration, logger: PostgresTestSchema.quietLogger)
        }
        guard case .unavailable(let location, _) = error else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
        #expect(location.contains("127.0.0.1:\(configuration.port)"))
    }

    /// A loopback port nothing listens on: bound, read, released.
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PostgresStoreError.unexpectedResult("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw PostgresStoreError.unexpectedResult("cannot bind a probe socket") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
