import Hummingbird
import LienthongSchema
import Synchronization

/// CONTRACT between the mock server (which hosts systems, injects faults and serves `/_mock/*`)
/// and each mock national system (which adds its own routes, speaking that system's protocol).
public protocol MockSystem: Sendable {
    /// The name used on the command line: `population`, `land`, `business`, `document-axis`.
    var name: String { get }
    /// Adds the system's routes. Handlers count what they answered with `stats.count(_:)`, using
    /// one key per kind of request and outcome (e.g. `citizen.lookup`, `citizen.lookup.not-found`).
    func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats)

    /// The body of a 500 answer in the system's own error shape, used when the server injects an
    /// error (see `MockFaults.errorRate`).
    func internalErrorBody() -> JSONValue

    /// A few identifiers that exist in the system's data, per kind, served at `GET /_mock/samples`
    /// so tests and demos can ask for records that exist.
    func samples() -> JSONValue
}

extension MockSystem {
    public func internalErrorBody() -> JSONValue { ["error": "internal server error"] }
    public func samples() -> JSONValue { [:] }
}

/// Counters of what a mock answered, served at `GET /_mock/stats`.
public final class MockStats: Sendable {
    private let counters = Mutex<[String: Int]>([:])

    public init() {}

    public func count(_ kind: String) {
        counters.withLock { $0[kind, default: 0] += 1 }
    }

    public func snapshot() -> [String: Int] {
        counters.withLock { $0 }
    }

    public func reset() {
        counters.withLock { $0.removeAll() }
    }
}
