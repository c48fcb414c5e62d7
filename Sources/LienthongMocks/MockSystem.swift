import Hummingbird
import Synchronization

/// CONTRACT between the mock server (which hosts systems, injects faults and serves `/_mock/*`)
/// and each mock national system (which adds its own routes, speaking that system's protocol).
public protocol MockSystem: Sendable {
    /// The name used on the command line: `population`, `land`, `business`, `document-axis`.
    var name: String { get }
    /// Adds the system's routes. Handlers count what they answered with `stats.count(_:)`, using
    /// one key per kind of request and outcome (e.g. `citizen.lookup`, `citizen.lookup.not-found`).
    func addRoutes(to router: Router<BasicRequestContext>, stats: MockStats)
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
