import Logging
import PostgresNIO

/// Brings the schema up to date at start, in one transaction, under a transaction-scoped advisory
/// lock so that replicas starting together apply each migration once: the second waits for the
/// first to commit, then finds nothing left to do.
struct PostgresMigrator: Sendable {
    let database: PostgresDatabase
    /// The schema named in the store URL, created if missing; nil for the connection's default.
    let schema: String?
    let migrations: [PostgresMigration]

    /// The advisory lock key: one per schema, so that gateways in other schemas do not wait.
    private var lockName: String { "lienthong.schema_migrations:" + (schema ?? "") }

    /// Applies every migration not yet recorded; returns the versions applied now.
    @discardableResult
    func migrate() async throws(PostgresStoreError) -> [Int] {
        let known = migrations.map(\.version).max() ?? 0
        let logger = database.logger
        let lockName = self.lockName
        let schema = self.schema
        let migrations = self.migrations
        return try await database.transaction("migration") { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(lockName), 0))", logger: logger)
            if let schema {
                // `schema` is a checked plain identifier (PostgresStoreConfiguration), safe to splice.
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
                .decode(Int.self)
            {
                applied.insert(version)
            }
            if let newest = applied.max(), newest > known { throw PostgresStoreError.schemaTooNew(found: newest, known: known) }
            var appliedNow: [Int] = []
            for migration in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
                do {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                        logger: logger)
                } catch {
                    throw PostgresStoreError.migrationFailed(
                        version: migration.version, name: migration.name, reason: PostgresErrorText.describe(error))
                }
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
    }

    /// For readers that must not change the database (`lienthong audit`): checks that the store's
    /// tables are there and not newer than this gateway knows; returns the schema version.
    func check() async throws(PostgresStoreError) -> Int {
        let known = migrations.map(\.version).max() ?? 0
        let logger = database.logger
        let version = try await database.connection("schema check") { connection -> Int? in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
                .decode(Bool.self).first(where: { _ in true }) ?? false
            guard exists else { return nil }
            return try await connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: logger)
                .decode(Int.self).first(where: { _ in true }) ?? 0
        }
        guard let version, version > 0 else {
            throw .queryFailed(operation: "schema check", reason: "the database holds no Lienthong store (no schema_migrations)")
        }
        if version > known { throw .schemaTooNew(found: version, known: known) }
        return version
    }
}
