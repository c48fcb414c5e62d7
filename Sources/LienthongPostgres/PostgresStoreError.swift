import PostgresNIO

/// Why the PostgreSQL store could not be opened or could not do what was asked, worded for an
/// operator: no passwords, the server's own message when it sent one.
public enum PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `store` URL (or its query parameters) cannot be used.
    case invalidURL(String)
    /// No connection could be made to the server in time, or the server refused the login.
    case unavailable(location: String, reason: String)
    /// A schema migration failed; nothing of it was applied.
    case migrationFailed(version: Int, name: String, reason: String)
    /// The database was migrated by a newer gateway than this one.
    case schemaTooNew(found: Int, known: Int)
    /// A query failed.
    case queryFailed(operation: String, reason: String)
    /// What the database returned does not make sense (e.g. a batch writer lost an answer).
    case unexpectedResult(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid PostgreSQL store URL: \(reason)"
        case .unavailable(let location, let reason): "PostgreSQL at \(location) is unavailable: \(reason)"
        case .migrationFailed(let version, let name, let reason):
            "PostgreSQL schema migration \(version) (\(name)) failed: \(reason)"
        case .schemaTooNew(let found, let known):
            "the PostgreSQL database is at schema version \(found) but this gateway knows only up to \(known); upgrade the gateway"
        case .queryFailed(let operation, let reason): "PostgreSQL \(operation) failed: \(reason)"
        case .unexpectedResult(let reason): "unexpected PostgreSQL result: \(reason)"
        }
    }
}

/// Readable text for PostgresNIO's errors, whose own descriptions hide the details on purpose.
enum PostgresErrorText {
    static func describe(_ error: any Error) -> String {
        if let error = error as? PostgresStoreError { return error.description }
        if let transaction = error as? PostgresTransactionError {
            let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError
                ?? transaction.rollbackError
            return inner.map(describe) ?? "transaction failed"
        }
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo, let message = info[.message] {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                let detail = info[.detail].map { ": \($0)" } ?? ""
                return message + detail + state
            }
            if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}
