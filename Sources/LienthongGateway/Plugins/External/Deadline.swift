/// Runs work against a deadline.
enum Deadline {
    /// The operation's result, or nil when `deadline` passes first. The operation is cancelled
    /// then, and must return promptly when it is (as `AsyncStream` iteration does).
    static func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async -> Value
    ) async -> Value? {
        await withTaskGroup(of: Value?.self) { group in
            group.addTask { await operation() }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
