import Foundation
import LienthongStore
@testable import LienthongPostgres

/// A store the conformance suites run against: opened and reopened on the same data, edited behind
/// its back, and removed at the end. One per implementation (SQLite, PostgreSQL).
struct StoreUnderTest: Sendable {
    let kind: Kind
    /// Opens the store on this test's data (again, for reopen tests).
    let open: @Sendable () async throws -> any StoreBackend
    /// Runs SQL directly on the data, with the append-only guards lifted when `liftGuards`.
    let execute: @Sendable (_ statements: [String], _ liftGuards: Bool) async throws -> Void
    /// Removes the data.
    let remove: @Sendable () async -> Void

    /// Runs `body` with a fresh store of this kind and removes its data afterwards, also on failure.
    static func with(
        _ kind: Kind, _ body: (StoreUnderTest) async throws -> Void
    ) async throws {
        let store = try kind.make()
        do {
            try await body(store)
        } catch {
            await store.remove()
            throw error
        }
        await store.remove()
    }

    enum Kind: String, Sendable, CaseIterable {
        case sqlite
        case postgres

        func make() throws -> StoreUnderTest {
            switch self {
            case .sqlite: return Self.sqlite()
            case .postgres: return try Self.postgres()
            }
        }

        private static func sqlite() -> StoreUnderTest {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("lienthong-conformance-\(UUID().uuidString)").path
            let databasePath = URL(fileURLWithPath: path).appendingPathComponent(GatewayStore.fileName).path
            return StoreUnderTest(
                kind: .sqlite,
                open: { try await GatewayStore.open(dataDirectory: path) },
                execute: { statements, liftGuards in
                    let guards = liftGuards
                        ? "DROP TRIGGER IF EXISTS audit_records_no_update; DROP TRIGGER IF EXISTS audit_records_no_delete; "
                        : ""
                    let connection = try SQLiteConnection(path: databasePath, options: .init(create: false))
                    defer { connection.close() }
                    try connection.executeScript(guards + statements.joined(separator: ";\n"))
                },
                remove: { try? FileManager.default.removeItem(atPath: path) })
        }

        private static func postgres() throws -> StoreUnderTest {
            let schema = try PostgresTestSchema()
            return StoreUnderTest(
                kind: .postgres,
                open: { try await schema.open() },
                execute: { statements, liftGuards in
                    let guards = liftGuards ? ["ALTER TABLE audit_records DISABLE TRIGGER USER"] : []
                    try await schema.execute(guards + statements)
                },
                remove: { await schema.drop() })
        }
    }
}
