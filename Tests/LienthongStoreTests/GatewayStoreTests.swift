import Foundation
import Testing
@testable import LienthongStore

@Suite("Gateway store: one file in the data directory")
struct GatewayStoreTests {
    @Test func createsTheDatabaseInTheDataDirectoryWithEveryMigration() async throws {
        let directory = try TemporaryDirectory()
        let nested = URL(fileURLWithPath: directory.path).appendingPathComponent("data/node1").path
        let store = try await GatewayStore.open(dataDirectory: nested)
        #expect(store.database.path == URL(fileURLWithPath: nested).appendingPathComponent("lienthong.sqlite").path)
        let versions = try await store.database.perform { connection in
            try connection.query("SELECT version FROM schema_migrations ORDER BY version") { row throws(SQLiteError) in
                try row.int64(0)
            }
        }
        #expect(versions == GatewayStore.migrations.map(\.version))
        await store.close()
    }

    @Test func openingWithoutCreateNamesWhatIsMissing() async throws {
        let directory = try TemporaryDirectory()
        let missingDirectory = directory.path + "/absent"
        await #expect(throws: StoreError.dataDirectoryMissing(path: missingDirectory)) {
            try await GatewayStore.open(dataDirectory: missingDirectory, create: false)
        }
        await #expect(throws: StoreError.databaseMissing(path: directory.databasePath)) {
            try await GatewayStore.open(dataDirectory: directory.path, create: false)
        }
    }

    @Test func aFileInPlaceOfTheDataDirectoryIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        await #expect(throws: StoreError.dataDirectoryMissing(path: file)) {
            try await GatewayStore.open(dataDirectory: file)
        }
    }
}
