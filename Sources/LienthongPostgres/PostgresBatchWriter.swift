import Synchronization

/// Group commit for one process: requests that arrive while a transaction is running are collected
/// and written together by the next one, in arrival order, so a burst of N concurrent callers costs
/// a few round trips and commits instead of N.
///
/// `write` makes a batch durable in one transaction and returns one output per input, in order.
/// If it throws, every caller in that batch gets the error; later batches are tried afresh.
final class PostgresBatchWriter<Input: Sendable, Output: Sendable>: Sendable {
    typealias Write = @Sendable ([Input]) async throws -> [Output]

    private struct Pending {
        let input: Input
        let continuation: CheckedContinuation<Output, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        /// True while a drain task runs; the next caller then only enqueues its input.
        var draining = false
    }

    private let maximumBatch: Int
    private let write: Write
    private let state = Mutex(State())

    init(maximumBatch: Int, write: @escaping Write) {
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
            if startDrain { Task { await self.drain() } }
        }
    }

    /// Writes batches until nothing is pending.
    private func drain() async {
        while true {
            let batch = state.withLock { state in
                let count = min(maximumBatch, state.pending.count)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) async {
        do {
            let outputs = try await write(batch.map(\.input))
            guard outputs.count == batch.count else {
                throw PostgresStoreError.unexpectedResult(
                    "a batch writer returned \(outputs.count) results for \(batch.count) inputs")
            }
            for (pending, output) in zip(batch, outputs) { pending.continuation.resume(returning: output) }
        } catch {
            for pending in batch { pending.continuation.resume(throwing: error) }
        }
    }
}
