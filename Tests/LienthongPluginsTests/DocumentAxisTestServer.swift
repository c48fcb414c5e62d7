import Hummingbird
import LienthongMocks
import Logging
import NIOCore

/// Hosts the document axis mock on 127.0.0.1 and a free port for the duration of a test.
enum DocumentAxisTestServer {
    struct StartError: Error, CustomStringConvertible {
        var description: String { "the mock server did not report its port" }
    }

    /// Runs `body` with the base URL and counters of a running mock, then stops the server.
    /// - Parameter delay: how long every request waits before it is handled (a slow upstream).
    static func withMock<T: Sendable>(
        seed: DocumentAxisSeed = .standard, maxMessageBytes: Int = DocumentAxisMock.defaultMaxMessageBytes, delay: Duration? = nil,
        _ body: @Sendable (_ baseURL: String, _ stats: MockStats) async throws -> T
    ) async throws -> T {
        let stats = MockStats()
        let router = Router()
        if let delay { router.add(middleware: DelayMiddleware(delay: delay)) }
        DocumentAxisMock(seed: seed, maxMessageBytes: maxMessageBytes).addRoutes(to: router, stats: stats)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "document-axis-mock")
        // Stopping the server by cancellation logs an error per open connection; not a test failure.
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let server = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            server.cancel()
            _ = await server.result
            throw StartError()
        }
        do {
            let result = try await body("http://127.0.0.1:\(port)", stats)
            server.cancel()
            _ = await server.result
            return result
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
    }

    /// The URL of a mock that has been started and stopped again: nothing listens there now.
    static func stoppedServerURL() async throws -> String {
        try await withMock { baseURL, _ in baseURL }
    }
}

/// Holds every request for a while before passing it on, like an overloaded upstream system.
struct DelayMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let delay: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await Task.sleep(for: delay)
        return try await next(request, context)
    }
}
