import CSQLite
import Foundation

/// One versioned step of a database schema. A store lists its migrations in order; versions only
/// grow and an applied migration is never edited (add a new one instead).
public struct SQLiteMigration: Sendable, Hashable {
    /// Strictly increasing across the list, starting anywhere above 0.
    public let version: Int64
    /// A short name recorded with the version, for people reading `schema_migrations`.
    public let name: String
    /// The statements, separated by `;`.
    public let sql: String

    public init(version: Int64, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies migrations at open, inside one transaction, recording each in `schema_migrations`.
enum SQLiteMigrator {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_ms INTEGER NOT NULL
        )
        """
    static let currentVersion = "SELECT MAX(version) FROM schema_migrations"
    static let record = "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)"

    static func migrate(_ connection: SQLiteConnection, to migrations: [SQLiteMigration]) throws {
        for (earlier, later) in zip(migrations, migrations.dropFirst()) where later.version <= earlier.version {
            throw SQLiteError(
                code: SQLITE_MISUSE,
                message: "migration \(later.version) (\(later.name)) does not come after \(earlier.version) (\(earlier.name))")
        }
        try connection.transaction {
            try connection.execute(createTable)
            let current = try connection.scalarInt64(currentVersion) ?? 0
            if let newest = migrations.last?.version, current > newest {
                throw SQLiteError(
                    code: SQLITE_ERROR,
                    message: "the database schema is at version \(current), newer than this build knows (\(newest)); use a newer lienthong")
            }
            let now = Int64((Date().timeIntervalSince1970 * 1000).rounded())
            for migration in migrations where migration.version > current {
                try connection.executeScript(migration.sql)
                try connection.execute(record, [.integer(migration.version), .text(migration.name), .integer(now)])
            }
        }
    }
}
