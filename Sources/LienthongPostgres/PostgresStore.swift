import Foundation
import LienthongStore
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The gateway's store on PostgreSQL: the audit trail and the replay guard (and the outbox and
/// inbox) in one database that several replicas of one agency's gateway share.
///
/// The store owns its connection pool: `open` starts it, checks the server answers, and brings
/// the schema up to date; `close` stops it after the work already queued.
public final class PostgresStore: StoreBackend {
    /// Every migration of the PostgreSQL schema, in order. New tables get new versions at the end.
    static let migrations: [PostgresMigration] = [
        PostgresAuditSQL.migration, PostgresReplayGuardSQL.migration, PostgresOutboxSQL.migration,
        PostgresInboxSQL.migration, PostgresOutboxSQL.claimByRecipientMigration, PostgresAuditSQL.certificatesMigration,
    ]

    public let auditLog: PostgresAuditLog
    public let replayGuard: PostgresReplayGuard
    /// The outbox of guaranteed delivery, whose workers several replicas run side by side.
    public let outbox: PostgresOutbox
    /// The inbox of guaranteed delivery.
    public let inbox: PostgresInbox
    public let location: String
    let database: PostgresDatabase
    private let schema: String?
    private let poolTask: Task<Void, Never>
    private let closeTimeout: Duration

    /// Connects, migrates and returns the store.
    ///
    /// - Parameter migrate: false for readers that must not change the database (`lienthong
    ///   audit`): the schema is only checked, and a database without the store's tables is refused.
    /// - Throws: `PostgresStoreError`: `.unavailable` with the server's reason (or a time-out) when
    ///   it cannot be reached or refuses the login, `.migrationFailed` or `.schemaTooNew`.
    public static func open(
        _ configuration: PostgresStoreConfiguration,
        logger: Logger = Logger(label: "lienthong.store.postgres"),
        replayPruneInterval: Duration = .seconds(60), migrate: Bool = true
    ) async throws(PostgresStoreError) -> PostgresStore {
        let location = "PostgreSQL \(configuration.location)"
        let client = PostgresClient(configuration: try configuration.clientConfiguration(), backgroundLogger: logger)
        // The pool runs from here on. Waiting for its task to begin, then for the probe's handshake,
        // lets `run()` start before the first lease (PostgresNIO warns about a lease from a pool
        // that is not running yet).
        let (started, signal) = AsyncStream<Void>.makeStream()
        let poolTask = Task {
            signal.finish()
            await client.run()
        }
        for await _ in started {}
        let database = PostgresDatabase(
            client: client, logger: logger, location: configuration.location, leaseTimeout: configuration.leaseTimeout)
        do {
            try await probe(configuration, logger: logger)
            // The first lease opens the pool's first connection: allow it the connect time too.
            var starting = database
            starting.leaseTimeout = configuration.connectTimeout + configuration.leaseTimeout
            let migrator = PostgresMigrator(database: starting, schema: configuration.schema, migrations: migrations)
            if migrate { try await migrator.migrate() } else { _ = try await migrator.check() }
        } catch {
            poolTask.cancel()
            await wait(for: poolTask, atMost: configuration.closeTimeout)
            throw error
        }
        return PostgresStore(
            database: database, schema: configuration.schema, poolTask: poolTask, location: location,
            replayPruneInterval: replayPruneInterval, closeTimeout: configuration.closeTimeout)
    }

    private init(
        database: PostgresDatabase, schema: String?, poolTask: Task<Void, Never>, location: String,
        replayPruneInterval: Duration, closeTimeout: Duration
    ) {
        self.closeTimeout = closeTimeout
        self.database = database
        self.schema = schema
        self.poolTask = poolTask
        self.location = location
        let auditLog = PostgresAuditLog(database: database)
        self.auditLog = auditLog
        self.replayGuard = PostgresReplayGuard(database: database, pruneInterval: replayPruneInterval)
        self.outbox = PostgresOutbox(database: database, auditLog: auditLog)
        self.inbox = PostgresInbox(database: database, auditLog: auditLog)
    }

    /// Frees nothing: the leases in a shared database may belong to live replicas, and a dead
    /// replica's expire by themselves (`OutboxClaimRequest.leaseDuration`).
    public func releaseLeasesOfPreviousRun() async throws -> Int { 0 }

    /// Drops the store's schema and everything in it: for throwaway stores (benchmarks) only.
    /// Refused for a store without its own schema, so it can never empty `public`.
    package func dropSchema() async throws(PostgresStoreError) {
        guard let schema else { throw .invalidURL("only a store with its own schema can be dropped") }
        // `schema` is a checked plain identifier (PostgresStoreConfiguration), safe to splice.
        let logger = database.logger
        try await database.connection("drop schema") { connection -> Void in
            _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
        }
    }

    /// Stops the pool: queued requests fail, connections close. Waits at most `closeTimeout` for
    /// the pool to end: after an outage PostgresNIO's pool can keep waiting for a lease request
    /// made while the server was unreachable (cancelling it does not always end it), and a
    /// gateway asked to stop must not hang on that. Nothing is lost: every write that returned
    /// was committed, and one still running fails with the connection.
    public func close() async {
        poolTask.cancel()
        if !(await Self.wait(for: poolTask, atMost: closeTimeout)) {
            database.logger.warning("the PostgreSQL pool did not stop within \(closeTimeout); closing without it")
        }
    }

    /// Returns when `task` ends (true) or `limit` has passed (false), whichever is first: a
    /// task's value cannot be awaited with a deadline, so two watchers race and the first
    /// resumes the caller.
    @discardableResult
    static func wait(for task: Task<Void, Never>, atMost limit: Duration) async -> Bool {
        let resumed = Mutex(false)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let resumeOnce: @Sendable (Bool) -> Void = { ended in
                if resumed.withLock({ resumed in defer { resumed = true }; return !resumed }) { continuation.resume(returning: ended) }
            }
            Task {
                await task.value
                resumeOnce(true)
            }
            Task {
                try? await Task.sleep(for: limit)
                resumeOnce(false)
            }
        }
    }

    /// One connection made and closed, so that a wrong password or database is reported as the
    /// server words it, within the connect time-out.
    private static func probe(_ configuration: PostgresStoreConfiguration, logger: Logger) async throws(PostgresStoreError) {
        let probe = try configuration.probeConfiguration()
        do {
            let connection = try await PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.any(), configuration: probe, id: 0, logger: logger
            ).get()
            try? await connection.close()
        } catch {
            throw .unavailable(location: configuration.location, reason: PostgresErrorText.describe(error))
        }
    }
}
