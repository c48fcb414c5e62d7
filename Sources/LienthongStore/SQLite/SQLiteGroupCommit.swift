import Synchronization

/// Group commit: requests that arrive while a write is running are collected and written together
/// by the next one, in arrival order, so a burst of N concurrent callers costs a few transactions
/// (and a few `fsync`s) instead of N.
///
/// `write` runs on the database's queue with a batch of inputs, must make them durable in one
/// transaction, and returns one output per input, in order. If it throws, every caller in that batch
/// gets the error.
final class SQLiteGroupCommit<Input: Sendable, Output: Sendable>: Sendable {
    typealias Write = @Sendable (SQLiteConnection, [Input]) throws -> [Output]

    private struct Pending {
        let input: Input
        let continuation: CheckedContinuation<Output, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        /// True while a drain is queued or running; the next caller then only enqueues its input.
        var draining = false
    }

    private let database: SQLiteDatabase
    private let maximumBatch: Int
    private let write: Write
    private let state = Mutex(State())

    init(database: SQLiteDatabase, maximumBatch: Int, write: @escaping Write) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
        self.write = write
    }

    /// Queues `input` for the next batch and returns its output once the batch is committed.
    func submit(_ input: Input) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let startDrain = state.withLock { state in
                state.pending.append(Pending(input: input, continuation: continuation))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startDrain { database.enqueue { self.drainOneBatch() } }
        }
    }

    /// Writes one batch, then re-queues itself if more arrived, letting other queued work run between.
    private func drainOneBatch() {
        let batch = state.withLock { state in
            let count = min(maximumBatch, state.pending.count)
            let batch = Array(state.pending.prefix(count))
            state.pending.removeFirst(count)
            return batch
        }
        if !batch.isEmpty { commit(batch) }
        let more = state.withLock { state in
            if state.pending.isEmpty { state.draining = false }
            return state.draining
        }
        if more { database.enqueue { self.drainOneBatch() } }
    }

    private func commit(_ batch: [Pending]) {
        do {
            let outputs = try database.performOnQueue { connection in try write(connection, batch.map(\.input)) }
            guard outputs.count == batch.count else {
                throw SQLiteError(code: 1, message: "a batch writer returned \(outputs.count) results for \(batch.count) inputs")
            }
            for (pending, output) in zip(batch, outputs) { pending.continuation.resume(returning: output) }
        } catch {
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }
}
