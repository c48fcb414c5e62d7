import Logging
import PostgresNIO

/// The connection pool and how the store's parts use it: every failure becomes a
/// `PostgresStoreError` naming the operation.
struct PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Runs `body` in one transaction on a pooled connection; committed when it returns.
    func transaction<Result: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch {
            throw Self.storeError(operation, error)
        }
    }

    /// Runs `body` on a pooled connection without a transaction (each statement commits alone).
    func connection<Result: Sendable>(
        _ operation: String, _ body: (PostgresConnection) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw Self.storeError(operation, error)
        }
    }

    static func storeError(_ operation: String, _ error: any Error) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError as? PostgresStoreError {
            return inner
        }
        return .queryFailed(operation: operation, reason: PostgresErrorText.describe(error))
    }
}

extension PostgresConnection {
    /// Runs a statement and reads every row it returns.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}

extension ByteBuffer {
    /// The readable bytes as an array (bytea columns).
    var bytes: [UInt8] { Array(readableBytesView) }
}
