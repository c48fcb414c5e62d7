import LienthongPostgres
import LienthongStore
import Logging

/// Opens the store a configuration names, so that the gateway and the command line pick it alike.
public enum StoreOpener {
    /// Opens (and migrates) the store.
    ///
    /// - Parameter create: create the store when missing and migrate it (the gateway); false only
    ///   opens an existing one without changing its schema (`lienthong audit`).
    /// - Throws: `StoreError` or `SQLiteError` (SQLite), `PostgresStoreError` (PostgreSQL).
    public static func open(
        _ location: StoreLocation, dataDirectory: String, create: Bool = true,
        logger: Logger = Logger(label: "lienthong.store")
    ) async throws -> any StoreBackend {
        switch location {
        case .sqlite:
            return try await GatewayStore.open(dataDirectory: dataDirectory, create: create)
        case .postgres(let configuration):
            return try await PostgresStore.open(configuration, logger: logger, migrate: create)
        }
    }
}
