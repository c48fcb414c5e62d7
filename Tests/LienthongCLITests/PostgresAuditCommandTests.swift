import Foundation
import LienthongCore
import LienthongStore
import Logging
import PostgresNIO
import Testing
@testable import LienthongPostgres

/// `lienthong audit verify|show` and `lienthong messages` with `--store postgres://…`, run as the real binary against a real
/// PostgreSQL server (`LIENTHONG_TEST_POSTGRES_URL`, set by scripts/with-postgres.sh). Skipped
/// without it when run by hand; with `CI` set it runs and fails instead.
@Suite(
    "Command line: audit and messages against PostgreSQL (LIENTHONG_TEST_POSTGRES_URL)",
    .enabled(if: ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_URL"] != nil
        || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } == true))
struct PostgresAuditCommandTests {
    /// A store in a schema of its own, with `count` records, dropped at the end.
    static func withStore(records count: Int, _ body: (_ url: String, _ store: PostgresStore) async throws -> Void) async throws {
        guard let base = ProcessInfo.processInfo.environment["LIENTHONG_TEST_POSTGRES_URL"] else {
            throw CommandTestFailure("LIENTHONG_TEST_POSTGRES_URL is not set although CI is: run the tests through scripts/with-postgres.sh")
        }
        let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let store = try await PostgresStore.open(try PostgresStoreConfiguration(url: url), logger: quiet)
        do {
            for _ in 0..<count {
                try await store.auditLog.append(try AuditCommandTests.DataDirectory.entry(MessageID()))
            }
            try await body(url, store)
        } catch {
            try? await Self.execute(["DROP SCHEMA \(schema) CASCADE"], in: store)
            await store.close()
            throw error
        }
        try await Self.execute(["DROP SCHEMA \(schema) CASCADE"], in: store)
        await store.close()
    }

    static func execute(_ statements: [String], in store: PostgresStore) async throws {
        let logger = store.database.logger
        try await store.database.connection("test") { connection in
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
        }
    }

    @Test func verifyReportsAnIntactTrail() async throws {
        try await Self.withStore(records: 3) { url, _ in
            let result = try await CLI.run(["audit", "verify", "--store", url])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "audit trail intact: 3 records\n")
        }
    }

    @Test func verifyNamesTheTamperedRecord() async throws {
        try await Self.withStore(records: 4) { url, store in
            try await Self.execute(
                ["ALTER TABLE audit_records DISABLE TRIGGER USER",
                 "UPDATE audit_records SET outcome = 'answered' WHERE sequence = 2"], in: store)
            let result = try await CLI.run(["audit", "verify", "--store", url])
            #expect(result.status == 1)
            #expect(result.stderr == "lienthong: audit trail broken at record 2: stored hash does not match its contents\n")
        }
    }

    @Test func showPrintsTheRecordsOfAMessage() async throws {
        try await Self.withStore(records: 1) { url, store in
            let request = MessageID()
            try await store.auditLog.append(try AuditCommandTests.DataDirectory.entry(request))
            let result = try await CLI.run(["audit", "show", request.rawValue, "--store", url])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("record 2\n"))
            #expect(result.stdout.contains("  message:     \(request)\n"))
        }
    }

    @Test func aDatabaseWithoutAStoreIsRefusedAndLeftUnchanged() async throws {
        try await Self.withStore(records: 0) { url, store in
            let empty = url.replacingOccurrences(of: "schema=cli_", with: "schema=none_")
            let result = try await CLI.run(["audit", "verify", "--store", empty])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the database holds no Lienthong store"), "\(result.stderr)")
        }
    }

    @Test func messagesListsAndRetriesThePostgreSQLOutbox() async throws {
        try await Self.withStore(records: 0) { url, store in
            let dead = MessageID()
            let long = Date(timeIntervalSinceNow: -86_400)
            try await store.outbox.enqueue(
                try MessagesCommandTests.DataDirectory.message(dead), priority: .normal, client: "docs", now: long)
            let claim = try #require(
                try await store.outbox.claim(
                    OutboxClaimRequest(owner: "test", now: long, leaseDuration: .seconds(1), limit: 1)
                ).first)
            try await store.outbox.markFailed(claim, error: "HTTP 422 schema-violation", disposition: .dead, now: long)
            let list = try await CLI.run(["messages", "list", "--store", url])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.hasPrefix(dead.rawValue))
            #expect(list.stdout.hasSuffix("accepted 0, sending 0, delivered 0, dead 1\n"))
            let retried = try await CLI.run(["messages", "retry", dead.rawValue, "--store", url])
            #expect(retried.status == 0, "\(retried.stderr)")
            let entry = try await store.outbox.entry(dead)
            #expect(entry?.state == .sending && entry?.attempts == 0)
        }
    }

    @Test func aWrongPasswordIsReportedWithoutEchoingIt() async throws {
        try await Self.withStore(records: 0) { url, _ in
            let result = try await CLI.run(
                ["audit", "verify", "--store", url], environment: ["LIENTHONG_STORE_PASSWORD": "wrong-password"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("password authentication failed"), "\(result.stderr)")
            #expect(!result.stderr.contains("wrong-password"))
        }
    }
}

struct CommandTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
