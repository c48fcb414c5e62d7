import Foundation
import LienthongStore
import Testing

/// Fresh SQLite stores in a temporary directory, removed on close.
struct SQLiteMessagingFactory: MessagingStoreFactory {
    func makeStores() async throws -> MessagingStoresUnderTest {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-conformance-\(UUID().uuidString)").path
        let store = try await GatewayStore.open(dataDirectory: path)
        return MessagingStoresUnderTest(outbox: store.outbox, inbox: store.inbox, auditLog: store.auditLog) {
            await store.close()
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

@Suite("Messaging conformance: SQLite")
struct SQLiteMessagingConformanceTests {
    @Test(arguments: MessagingConformance.names)
    func conformance(_ name: String) async throws {
        try await MessagingConformance.run(name, SQLiteMessagingFactory())
    }
}
