import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A small upstream system for the tests: a Hummingbird server on 127.0.0.1, port 0, that records
/// every request and answers with what `respond` returns.
final class UpstreamStub: Sendable {
    struct Received: Sendable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Answer: Sendable {
        var status: Int
        var contentType: String = "application/json"
        var body: String
        /// Waits this long before answering (to provoke timeouts).
        var delay: Duration = .zero
    }

    private let log = Mutex<[Received]>([])
    let respond: @Sendable (Received, Int) -> Answer

    init(respond: @escaping @Sendable (Received, Int) -> Answer) { self.respond = respond }

    /// Every request received so far, in order.
    var received: [Received] { log.withLock { $0 } }

    /// Runs the stub for the duration of `body`, which gets its base URL.
    static func run<Result: Sendable>(
        respond: @escaping @Sendable (_ request: Received, _ attempt: Int) -> Answer,
        _ body: (_ baseURL: String, _ stub: UpstreamStub) async throws -> Result
    ) async throws -> Result {
        let stub = UpstreamStub(respond: respond)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder { (request: Request, _: BasicRequestContext) in
            try await stub.answer(request)
        }
        var logger = Logger(label: "upstream-stub")
        // Stopping the stub by cancellation logs the connections it drops; nothing to see.
        logger.logLevel = .critical
        let application = Application(
            responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.run() }
            defer { group.cancelAll() }
            var port = 0
            for await bound in ports {
                port = bound
                break
            }
            return try await body("http://127.0.0.1:\(port)", stub)
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
        let received = Received(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
            body: String(buffer: bytes))
        let attempt = log.withLock { log in
            log.append(received)
            return log.count
        }
        let answer = respond(received, attempt)
        if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
