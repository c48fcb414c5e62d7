import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// An upstream system for the declarative-adapter tests: a Hummingbird server on 127.0.0.1, port
/// 0, answering every request with what the async `respond` returns (which may wait on a `Gate`).
enum UpstreamServer {
    struct Received: Sendable {
        let method: String
        let path: String
        let query: String
        let body: String
    }

    struct Answer: Sendable {
        var status: Int
        var contentType = "application/json"
        var body: String
    }

    static func run<Result: Sendable>(
        respond: @escaping @Sendable (Received) async -> Answer, _ body: (_ baseURL: String) async throws -> Result
    ) async throws -> Result {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let responder = CallbackResponder { (request: Request, _: BasicRequestContext) in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let answer = await respond(Received(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", body: String(buffer: bytes)))
            var fields = HTTPFields()
            fields[.contentType] = answer.contentType
            return Response(status: .init(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        var logger = Logger(label: "upstream")
        // Stopping the server by cancellation logs the connections it drops; nothing to see.
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
            return try await body("http://127.0.0.1:\(port)")
        }
    }
}

/// Holds requests until opened, and tells when one has arrived: a deterministic "request in flight".
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))
    let arrivals: AsyncStream<Void>
    private let arrived: AsyncStream<Void>.Continuation

    init() { (arrivals, arrived) = AsyncStream<Void>.makeStream() }

    /// Waits until `open()` (returns at once when already open).
    func pass() async {
        arrived.yield()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiting.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiting = state.withLock { state in
            state.open = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }
}
