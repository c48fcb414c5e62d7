import LienthongMocks
import ServiceLifecycle

/// A mock national system as a `Service`, so it runs and stops in the demo's `ServiceGroup`.
struct MockService: Service {
    let server: MockServer
    let onListening: @Sendable (Int) async -> Void

    func run() async throws {
        // The group's graceful shutdown cancels the mock, which then stops gracefully itself.
        do {
            try await cancelWhenGracefulShutdown { [server, onListening] in
                try await server.run(onListening: onListening)
            }
        } catch is CancellationError {
            return
        }
    }
}
