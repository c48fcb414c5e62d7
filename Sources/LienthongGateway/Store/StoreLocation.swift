import LienthongPostgres

/// Which database holds the gateway's audit trail, replay guard, outbox and inbox.
public enum StoreLocation: Sendable, Hashable {
    /// The embedded SQLite database `lienthong.sqlite` in the data directory: nothing to install.
    case sqlite
    /// A PostgreSQL database, which several replicas of one agency's gateway may share.
    case postgres(PostgresStoreConfiguration)

    /// Where the store is, for messages (no password).
    public func describe(dataDirectory: String) -> String {
        switch self {
        case .sqlite: "SQLite in \(dataDirectory)"
        case .postgres(let configuration): "PostgreSQL \(configuration.location)"
        }
    }
}
