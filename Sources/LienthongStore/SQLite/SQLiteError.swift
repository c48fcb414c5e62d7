import CSQLite

/// A failure reported by SQLite, with enough context to act on it: the result code, SQLite's own
/// message (`sqlite3_errmsg`) and the SQL that failed.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The (extended) SQLite result code, e.g. `SQLITE_CONSTRAINT` (19) or `SQLITE_NOTADB` (26).
    public let code: Int32
    /// What SQLite (or this layer) said went wrong.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// An error with SQLite result `code`, a readable `message` and the failing `sql`, if any.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of an extended code).
    public var primaryCode: Int32 { code & 0xFF }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }

    /// The error for `code` as reported by `connection` right now.
    static func from(_ code: Int32, connection: OpaquePointer?, sql: String?) -> SQLiteError {
        let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return SQLiteError(code: code, message: message, sql: sql)
    }

    /// Used after `close()`: the connection is gone.
    static let closed = SQLiteError(code: SQLITE_MISUSE, message: "the database is closed")
}
