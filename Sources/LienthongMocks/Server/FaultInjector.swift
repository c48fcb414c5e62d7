import Synchronization

/// Decides, request by request, which fault applies. The error-rate draw comes from a seeded
/// generator, so the same seed and the same request sequence fail the same requests.
final class FaultInjector: Sendable {
    /// What to do with one request of the system's API.
    enum Decision: Equatable {
        case answer(delayMs: Int)
        case fail(delayMs: Int)
        case down
    }

    private struct State {
        var faults: MockFaults
        var generator: SeededGenerator
    }

    private let state: Mutex<State>

    init(faults: MockFaults, seed: UInt64) {
        state = Mutex(State(faults: faults, generator: SeededGenerator(seed: seed, stream: 99, index: 0)))
    }

    var faults: MockFaults {
        get { state.withLock { $0.faults } }
    }

    func set(_ faults: MockFaults) {
        state.withLock { $0.faults = faults }
    }

    func decide() -> Decision {
        state.withLock { state in
            if state.faults.down { return .down }
            let delay = state.faults.latencyMs
            guard state.faults.errorRate > 0 else { return .answer(delayMs: delay) }
            let draw = Double.random(in: 0..<1, using: &state.generator)
            return draw < state.faults.errorRate ? .fail(delayMs: delay) : .answer(delayMs: delay)
        }
    }
}
