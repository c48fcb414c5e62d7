import Foundation
import LienthongStore
import Testing
@testable import LienthongPostgres

/// Fresh PostgreSQL stores, each in a schema of its own, dropped on close.
struct PostgresMessagingFactory: MessagingStoreFactory {
    func makeStores() async throws -> MessagingStoresUnderTest {
        let schema = try PostgresTestSchema()
        let store = try await schema.open()
        return MessagingStoresUnderTest(outbox: store.outbox, inbox: store.inbox, auditLog: store.auditLog) {
            await store.close()
            await schema.drop()
        }
    }
}

/// The same checks as the SQLite suite. Needs `LIENTHONG_TEST_POSTGRES_URL`; skipped without it
/// when run by hand; with `CI` set it runs and fails instead, so CI never skips it silently.
@Suite(
    "Messaging conformance: PostgreSQL (LIENTHONG_TEST_POSTGRES_URL)",
    .enabled(if: PostgresTestServer.shouldRun))
struct PostgresMessagingConformanceTests {
    @Test(arguments: MessagingConformance.names)
    func conformance(_ name: String) async throws {
        try await MessagingConformance.run(name, PostgresMessagingFactory())
    }
}
