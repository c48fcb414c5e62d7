import CSQLite

/// One open SQLite connection and its cache of prepared statements.
///
/// Not thread-safe and deliberately not `Sendable`: `SQLiteDatabase` owns it and only ever touches
/// it from its serial queue. Everything here is synchronous; the async surface is on the database.
public final class SQLiteConnection {
    private var handle: OpaquePointer?
    /// Prepared statements by SQL text, so a hot statement is compiled once per connection.
    private var statements: [String: SQLiteStatement] = [:]

    /// How to open the file.
    public struct Options: Sendable, Hashable {
        /// Create the file when it does not exist.
        public var create: Bool
        /// How long a writer waits for another connection's lock before failing with SQLITE_BUSY.
        public var busyTimeoutMilliseconds: Int32

        public init(create: Bool = true, busyTimeoutMilliseconds: Int32 = 5_000) {
            self.create = create
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        }
    }

    /// Opens `path` in WAL mode with `synchronous=FULL` (a commit survives power loss, which the
    /// audit trail and the seen-ids table need), a busy timeout and foreign keys enforced.
    public init(path: String, options: Options = Options()) throws(SQLiteError) {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if options.create { flags |= SQLITE_OPEN_CREATE }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(
                code: code,
                message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code)),
                sql: nil)
            sqlite3_close_v2(connection)
            throw SQLiteError(code: error.code, message: "cannot open \(path): \(error.message)")
        }
        self.handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, options.busyTimeoutMilliseconds)
        do throws(SQLiteError) {
            // The first read of the file happens here, so "not a database" surfaces at open.
            let mode = try scalarText("PRAGMA journal_mode=WAL")
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(code: SQLITE_ERROR, message: "cannot switch \(path) to WAL mode (it reports \(mode ?? "nothing"))")
            }
            try execute("PRAGMA synchronous=FULL")
            try execute("PRAGMA foreign_keys=ON")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalises every cached statement and closes the connection. Idempotent.
    public func close() {
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs one statement to completion, ignoring any rows.
    public func execute(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) {
        try forEachRow(sql, bindings) { _ throws(SQLiteError) in }
    }

    /// Runs several `;`-separated statements without parameters (migrations).
    public func executeScript(_ sql: String) throws(SQLiteError) {
        let connection = try open()
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, message: message.map { String(cString: $0) } ?? "failed", sql: sql)
        }
    }

    /// Steps a cached statement, calling `body` for each row. The row is only valid inside `body`,
    /// and `body` must not run the same SQL text again (it would reset the statement being stepped).
    public func forEachRow(
        _ sql: String, _ bindings: [SQLiteValue] = [], _ body: (SQLiteRow) throws(SQLiteError) -> Void
    ) throws(SQLiteError) {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        while try statement.step() {
            try body(SQLiteRow(statement: statement))
        }
    }

    /// Every row mapped by `transform`.
    public func query<T>(
        _ sql: String, _ bindings: [SQLiteValue] = [], _ transform: (SQLiteRow) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> [T] {
        var results: [T] = []
        try forEachRow(sql, bindings) { row throws(SQLiteError) in results.append(try transform(row)) }
        return results
    }

    /// The first column of the first row as an integer, or nil when there is no row or it is NULL.
    public func scalarInt64(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> Int64? {
        try query(sql, bindings) { row throws(SQLiteError) in row.isNull(0) ? nil : try row.int64(0) }.first ?? nil
    }

    /// The first column of the first row as text, or nil when there is no row or it is NULL.
    public func scalarText(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> String? {
        try query(sql, bindings) { row throws(SQLiteError) in try row.optionalText(0) }.first ?? nil
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int {
        handle.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`, so the write lock is taken up front
    /// rather than failing half-way), committing on return and rolling back on any error.
    ///
    /// `durable: false` commits with `synchronous=NORMAL`: the commit is atomic and survives the
    /// process dying, but not a power loss until the next durable commit syncs the write-ahead log
    /// (which holds it). Only for writes worth losing, such as outbox leases, which a restart
    /// releases anyway: an `fsync` per claim would hold the one queue every durable write needs.
    public func transaction<T>(durable: Bool = true, _ body: () throws -> T) throws -> T {
        if !durable { try execute("PRAGMA synchronous=NORMAL") }
        defer { if !durable { try? execute("PRAGMA synchronous=FULL") } }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A failed COMMIT or a body error: undo; if SQLite already rolled back, this is a no-op.
            if let handle, sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    private func open() throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError.closed }
        return handle
    }

    private func prepared(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try SQLiteStatement(connection: try open(), sql: sql)
        statements[sql] = statement
        return statement
    }
}
