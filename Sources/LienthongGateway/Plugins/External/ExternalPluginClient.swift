import AsyncHTTPClient
import Foundation
import LienthongPluginAPI
import LienthongSchema
import NIOCore
import NIOHTTP1

/// HTTP/1.1 over a plugin's Unix socket, with a deadline and a size limit on every call.
struct ExternalPluginClient: Sendable {
    /// Pooled; keyed by socket path, so a restarted plugin gets fresh connections.
    let httpClient: HTTPClient

    /// One exchange with the plugin, or why it failed.
    struct Answer: Sendable {
        let status: Int
        let body: [UInt8]
    }

    /// How a call failed before a complete answer arrived.
    enum Failure: Error, Sendable, CustomStringConvertible {
        /// No complete answer within the deadline.
        case timeout(Duration)
        /// The answer is larger than the limit.
        case tooLarge(Int)
        /// The socket refused the connection, or the connection closed before the answer.
        case connection(String)

        var description: String {
            switch self {
            case .timeout(let limit): "no answer within \(limit)"
            case .tooLarge(let limit): "the answer is larger than \(limit) bytes"
            case .connection(let reason): reason
            }
        }
    }

    /// `GET /descriptor`.
    func descriptor(socketPath: String, timeout: Duration, maxBytes: Int) async throws(Failure) -> Answer {
        try await exchange(method: .GET, path: "/descriptor", socketPath: socketPath, body: nil, timeout: timeout, maxBytes: maxBytes)
    }

    /// `POST /handle` with `body`.
    func handle(socketPath: String, body: [UInt8], timeout: Duration, maxBytes: Int) async throws(Failure) -> Answer {
        try await exchange(method: .POST, path: "/handle", socketPath: socketPath, body: body, timeout: timeout, maxBytes: maxBytes)
    }

    private func exchange(
        method: HTTPMethod, path: String, socketPath: String, body: [UInt8]?, timeout: Duration, maxBytes: Int
    ) async throws(Failure) -> Answer {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw .connection("cannot form a URL for the socket \(socketPath)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers.add(name: "Lienthong-Plugin-Protocol", value: String(PluginHandshake.supportedVersion))
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let components = timeout.components
        let nanoseconds = components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(nanoseconds))
            let collected: ByteBuffer
            do { collected = try await response.body.collect(upTo: maxBytes) } catch is NIOTooManyBytesError {
                throw Failure.tooLarge(maxBytes)
            }
            return Answer(status: Int(response.status.code), body: Array(collected.readableBytesView))
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .cancelled {
            throw .timeout(timeout)
        } catch is CancellationError {
            throw .timeout(timeout)
        } catch let error as HTTPClientError where error == .remoteConnectionClosed {
            throw .connection("the plugin closed the connection before answering")
        } catch {
            throw .connection("\(error)")
        }
    }
}
