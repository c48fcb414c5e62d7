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
    ///
    /// The wait for a connection runs in a task of its own that the caller does not wait for
    /// once it gave up: PostgresNIO's lease does not always end when cancelled while the server
    /// is unreachable, and a task group would have waited for it until the server came back.
    func connection<Result: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws(PostgresStoreError) -> Result {
        let lease = LeaseRace()
        let outcome = LeaseOutcome<Result>()
        let client = self.client
        let timeout = leaseTimeout
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
                    outcome.start(continuation)
                    let leased = LeasedConnection()
                    let timer = Task {
                        try await Task.sleep(for: timeout)
                        outcome.giveUp(lease, because: LeaseRace.TimedOut())
                        // The body has its connection and is never abandoned while that lives. But
                        // PostgresNIO has left a query on a connection closed under it unanswered
                        // for ever (the outage test hung so, with no socket left): a connection
                        // found closed ends the call with the error a lost connection gives.
                        while true {
                            if let connection = leased.connection.withLock({ $0 }), connection.isClosed {
                                outcome.finish(.failure(LeaseRace.ConnectionClosed()))
                                return
                            }
                            try await Task.sleep(for: .milliseconds(250))
                        }
                    }
                    let work = Task {
                        defer { timer.cancel() }
                        do {
                            outcome.finish(.success(try await client.withConnection { connection in
                                guard lease.claimForBody() else { throw LeaseRace.Abandoned() }
                                leased.connection.withLock { $0 = connection }
                                return try await body(connection)
                            }))
                        } catch {
                            outcome.finish(.failure(error))
                        }
                    }
                    outcome.onGiveUp { work.cancel() }
                }
            } onCancel: {
                outcome.giveUp(lease, because: CancellationError())
            }
        } catch is LeaseRace.TimedOut {
            throw .unavailable(location: location, reason: "no database connection within \(timeout) (\(operation))")
        } catch is LeaseRace.ConnectionClosed {
            throw .unavailable(location: location, reason: "the database connection closed during \(operation)")
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

/// The connection a call's body got, for the watch that ends the call if it closes.
private final class LeasedConnection: Sendable {
    let connection = Mutex<PostgresConnection?>(nil)
}

/// Decides, once, between "the body got its connection" and "the caller stopped waiting", so the
/// two can never both happen.
private final class LeaseRace: Sendable {
    struct Abandoned: Error {}
    struct TimedOut: Error {}
    struct ConnectionClosed: Error {}

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

/// The one answer of a `connection` call: the body's result, or giving up while no connection
/// was leased. Whichever comes first resumes the caller; the other is dropped.
private final class LeaseOutcome<Result: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result, any Error>?
        var early: Swift.Result<Result, any Error>?
        var cancelWork: (@Sendable () -> Void)?
        var gaveUp = false
    }

    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<Result, any Error>) {
        let early = state.withLock { state -> Swift.Result<Result, any Error>? in
            if let early = state.early { return early }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// How to stop the lease attempt when the caller gives up.
    func onGiveUp(_ cancel: @escaping @Sendable () -> Void) {
        let cancelNow = state.withLock { state -> Bool in
            if state.gaveUp { return true }
            state.cancelWork = cancel
            return false
        }
        if cancelNow { cancel() }
    }

    func finish(_ result: Swift.Result<Result, any Error>) { resume(with: result) }

    /// Ends the wait with `error` unless the body already has its connection.
    func giveUp(_ lease: LeaseRace, because error: any Error) {
        guard lease.abandonUnlessClaimed() else { return }
        let cancel = state.withLock { state -> (@Sendable () -> Void)? in
            state.gaveUp = true
            return state.cancelWork
        }
        cancel?()
        resume(with: .failure(error))
    }

    private func resume(with result: Swift.Result<Result, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Result, any Error>? in
            guard let continuation = state.continuation else {
                if state.early == nil { state.early = result }
                return nil
            }
            state.continuation = nil
            state.early = result
            return continuation
        }
        continuation?.resume(with: result)
    }
}

