import Foundation

/// The gateway's embedded store: one SQLite file, `<data-dir>/lienthong.sqlite`, opened once,
/// holding the audit trail, the replay guard, and the outbox and inbox of guaranteed delivery.
public final class GatewayStore: Sendable {
    /// The database file name inside the data directory.
    public static let fileName = "lienthong.sqlite"

    /// Every migration of the gateway database, in order. New tables get new versions at the end.
    public static let migrations: [SQLiteMigration] = [
        AuditSQL.migration, ReplayGuardSQL.migration, OutboxSQL.migration, InboxSQL.migration,
        OutboxSQL.claimByRecipientMigration, OutboxSQL.bytesApartMigration, InboxSQL.bytesApartMigration,
        AuditSQL.certificatesMigration,
    ]

    public let database: SQLiteDatabase
    public let auditLog: SQLiteAuditLog
    public let replayGuard: SQLiteReplayGuard
    public let outbox: SQLiteOutbox
    public let inbox: SQLiteInbox

    /// Opens the store in `dataDirectory`, bringing its schema up to date.
    ///
    /// - Parameter create: create the directory and the database when missing (the gateway);
    ///   false to only open an existing one (`lienthong audit`), failing with a `StoreError`.
    public static func open(
        dataDirectory: String, create: Bool = true, replayPruneInterval: Duration = .seconds(60)
    ) async throws -> GatewayStore {
        let path = try databasePath(in: dataDirectory, create: create)
        let database = try SQLiteDatabase(
            path: path, options: .init(create: create), migrations: migrations)
        let auditLog = try await SQLiteAuditLog(database: database)
        let replayGuard = SQLiteReplayGuard(database: database, pruneInterval: replayPruneInterval)
        return GatewayStore(
            database: database, auditLog: auditLog, replayGuard: replayGuard,
            outbox: SQLiteOutbox(database: database, auditLog: auditLog),
            inbox: SQLiteInbox(database: database, auditLog: auditLog))
    }

    private init(
        database: SQLiteDatabase, auditLog: SQLiteAuditLog, replayGuard: SQLiteReplayGuard, outbox: SQLiteOutbox,
        inbox: SQLiteInbox
    ) {
        self.database = database
        self.auditLog = auditLog
        self.replayGuard = replayGuard
        self.outbox = outbox
        self.inbox = inbox
    }

    /// Closes the database after the work already queued.
    public func close() async { await database.close() }

    private static func databasePath(in dataDirectory: String, create: Bool) throws -> String {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if !files.fileExists(atPath: dataDirectory, isDirectory: &isDirectory) {
            guard create else { throw StoreError.dataDirectoryMissing(path: dataDirectory) }
            try files.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } else if !isDirectory.boolValue {
            throw StoreError.dataDirectoryMissing(path: dataDirectory)
        }
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(fileName).path
        if !create, !files.fileExists(atPath: path) { throw StoreError.databaseMissing(path: path) }
        return path
    }
}
