import Logging
import PostgresNIO
import Synchronization

/// The connection pool and how the store's parts use it: every failure becomes a
/// `PostgresStoreError` naming the operation, and waiting for a connection is bounded.
struct PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Where the database is, for `unavailable` errors.
    let location: String
    /// The longest wait for a pooled connection. While the server is down the pool keeps retrying
    /// in the background; callers get `.unavailable` after this (the gateway answers 503) instead
    /// of waiting for the pool's own circuit breaker (a minute).
    var leaseTimeout: Duration

    /// Runs `body` in one transaction on a pooled connection; committed when it returns.
    func transaction<Result: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        let logger = self.logger
        return try await connection(operation) { connection in
            try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// Runs `body` on a pooled connection without a transaction (each statement commits alone).
    ///
    /// If no connection is free within `leaseTimeout`, `body` never runs and the call fails with
    /// `.unavailable`; once `body` has a connection it is never abandoned, so a caller told
    /// "failed" was not also served.
    func connection<Result: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        let lease = LeaseRace()
        let client = self.client
        let timeout = leaseTimeout
        do {
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        guard lease.claimForBody() else { throw LeaseRace.Abandoned() }
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return result
                    }
                    if lease.abandonUnlessClaimed() {
                        group.cancelAll()
                        throw LeaseRace.TimedOut()
                    }
                }
                throw PostgresStoreError.unexpectedResult("\(operation) ended without a result")
            }
        } catch is LeaseRace.TimedOut {
            throw .unavailable(location: location, reason: "no database connection within \(timeout) (\(operation))")
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

/// Decides, once, between "the body got its connection" and "the caller stopped waiting", so the
/// two can never both happen.
private final class LeaseRace: Sendable {
    struct Abandoned: Error {}
    struct TimedOut: Error {}

    private enum State { case waiting, claimed, abandoned }
    private let state = Mutex(State.waiting)

    /// True when the body may run (the caller still waits).
    func claimForBody() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .claimed
            return true
        }
    }

    /// True when the caller gives up (the body had not started).
    func abandonUnlessClaimed() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .abandoned
            return true
        }
    }
}
