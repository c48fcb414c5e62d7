import LienthongCore
import LienthongPluginAPI
import LienthongSchema
import Synchronization

/// Calls the adapter of a provided service with the upstream timeout. A failing adapter answers
/// its own problem (404/422/504/502) and never affects other services. The adapter comes from the
/// plugin table's current generation, or from the generation the message took when it started.
public struct AdapterCall: Sendable {
    public let table: PluginTable
    public let timeout: Duration

    public init(table: PluginTable, timeout: Duration) {
        self.table = table
        self.timeout = timeout
    }

    /// Calls into fixed `plugins` (a table that is never reloaded).
    public init(plugins: [ServiceID: any LienthongPlugin], timeout: Duration) {
        self.init(table: PluginTable(plugins: plugins, catalog: .empty), timeout: timeout)
    }

    public func call(_ envelope: Envelope, payload: JSONValue, in generation: PluginTable.Generation? = nil) async throws(Problem) -> JSONValue {
        guard let plugin = (generation ?? table.current).plugins[envelope.service] else {
            throw .unknownService("\(envelope.service) is not provided here")
        }
        let request = PluginRequest(
            service: envelope.service, messageID: envelope.id, from: envelope.from, to: envelope.to, payload: payload,
            timeout: timeout)
        let outcome = await Self.withTimeout(timeout) { await Self.invoke(plugin, request) }
        switch outcome {
        case .none: throw .upstream(.timeout("no answer within \(timeout)"))
        case .some(.success(let response)): return response.payload
        case .some(.failure(let error)): throw .upstream(error)
        }
    }

    private static func invoke(_ plugin: any LienthongPlugin, _ request: PluginRequest) async -> Result<PluginResponse, PluginError> {
        do throws(PluginError) { return .success(try await plugin.handle(request)) } catch { return .failure(error) }
    }

    /// The operation's result, or nil when `timeout` passes first. On timeout the operation is
    /// cancelled but not awaited, so an adapter that ignores cancellation cannot hold the answer.
    private static func withTimeout<Value: Sendable>(
        _ timeout: Duration, _ operation: @escaping @Sendable () async -> Value
    ) async -> Value? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
            let race = FirstAnswer(continuation)
            let work = Task {
                let value = await operation()
                if race.answer(value) { race.cancelTimer() }
            }
            race.setTimer(Task {
                try? await Task.sleep(for: timeout)
                if race.answer(nil) { work.cancel() }
            })
        }
    }
}

/// Resumes a continuation with whichever answer comes first: the operation's or the timer's.
private final class FirstAnswer<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value?, Never>?
        var timer: Task<Void, Never>?
    }
    private let state: Mutex<State>

    init(_ continuation: CheckedContinuation<Value?, Never>) {
        state = Mutex(State(continuation: continuation, timer: nil))
    }

    /// Resumes with `value` if nothing answered yet; true when this call did.
    func answer(_ value: Value?) -> Bool {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
        return continuation != nil
    }

    func setTimer(_ timer: Task<Void, Never>) {
        let answered = state.withLock { state in
            state.timer = timer
            return state.continuation == nil
        }
        if answered { timer.cancel() }
    }

    func cancelTimer() {
        state.withLock { $0.timer }?.cancel()
    }
}
