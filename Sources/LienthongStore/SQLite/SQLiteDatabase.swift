import Dispatch
import Synchronization

/// An SQLite database file shared by the gateway's tasks.
///
/// Concurrency model: ONE connection, used only from ONE serial `DispatchQueue`. Every operation is
/// a closure run on that queue, so statements never interleave and the statement cache needs no
/// locking, and blocking SQLite calls (an `fsync` per commit with `synchronous=FULL`) never occupy
/// the Swift concurrency pool: `perform` suspends the caller until the queue has run its closure.
/// The connection sits in a `Mutex` only so that the compiler can prove the access is exclusive; the
/// queue already serialises it, so the lock is never contended. WAL lets other processes (the
/// `lienthong audit` command) read while the gateway writes.
public final class SQLiteDatabase: Sendable {
    /// The file this database was opened from.
    public let path: String
    private let queue: DispatchQueue
    private let connection: Mutex<SQLiteConnection?>

    /// Opens (or creates) `path` and brings its schema up to date by applying, in one transaction,
    /// every migration in `migrations` not yet recorded in `schema_migrations`.
    public init(
        path: String, options: SQLiteConnection.Options = .init(), migrations: [SQLiteMigration] = []
    ) throws {
        let connection = try SQLiteConnection(path: path, options: options)
        try SQLiteMigrator.migrate(connection, to: migrations)
        self.path = path
        self.queue = DispatchQueue(label: "lienthong.sqlite")
        self.connection = Mutex(connection)
    }

    /// Runs `body` with the connection on the database's queue and returns its result.
    public func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.performOnQueue(body) })
            }
        }
    }

    /// Runs `body` in a write transaction on the database's queue. `durable: false` commits
    /// without waiting for the disk (see `SQLiteConnection.transaction(durable:_:)`).
    public func transaction<T: Sendable>(
        durable: Bool = true, _ body: @escaping @Sendable (SQLiteConnection) throws -> T
    ) async throws -> T {
        try await perform { connection in try connection.transaction(durable: durable) { try body(connection) } }
    }

    /// Closes the connection once the work already queued has run. Later calls fail with an error.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.connection.withLock { connection in
                    connection?.close()
                    connection = nil
                }
                continuation.resume()
            }
        }
    }

    /// Schedules `work` on the database's queue without waiting for it (group commit uses this).
    func enqueue(_ work: @escaping @Sendable () -> Void) {
        queue.async(execute: work)
    }

    /// Runs `body` with the connection. Call only from the database's queue.
    func performOnQueue<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.withLock { connection throws -> T in
            guard let connection else { throw SQLiteError.closed }
            return try body(connection)
        }
    }
}
