import Foundation
import LienthongCore

/// Sends one request to a peer gateway and returns its complete answer.
public protocol PeerTransport: Sendable {
    /// POSTs `message` to `url`. Throws `PeerTransportError` when no answer came back.
    func post(_ message: HTTPMessage, to url: URL, timeout: Duration) async throws(PeerTransportError) -> HTTPAnswer
}

/// Why a peer gave no answer.
public enum PeerTransportError: Error, Sendable, CustomStringConvertible {
    /// The connection (or TLS handshake) failed: the next URL may work.
    case unreachable(String)
    /// The peer did not answer in time.
    case timeout(String)
    /// The answer was larger than the body limit.
    case answerTooLarge(Int)

    public var description: String {
        switch self {
        case .unreachable(let reason): "unreachable: \(reason)"
        case .timeout(let reason): "timed out: \(reason)"
        case .answerTooLarge(let limit): "the answer exceeds \(limit) bytes"
        }
    }
}

/// Delivers to the provider's URLs in order, failing over to the next one when a peer cannot be
/// reached (never after it answered: the request may have been processed).
public struct PeerDelivery: Sendable {
    public let transport: any PeerTransport
    public let timeout: Duration

    public init(transport: any PeerTransport, timeout: Duration) {
        self.transport = transport
        self.timeout = timeout
    }

    /// The first answer; 502 when no URL answered, 504 when the one reached timed out.
    /// `path` is the exchange endpoint: synchronous messages, or asynchronous deliveries.
    public func deliver(
        _ message: HTTPMessage, to urls: [URL], path: String = "exchange/v1/messages"
    ) async throws(Problem) -> HTTPAnswer {
        var failures: [String] = []
        for url in urls {
            let target = url.appendingPathComponent(path)
            do { return try await transport.post(message, to: target, timeout: timeout) } catch {
                switch error {
                case .unreachable(let reason): failures.append("\(url.absoluteString): \(reason)")
                case .timeout(let reason):
                    throw Problem(
                        name: "peer-timeout", title: "The providing gateway did not answer in time", status: 504,
                        detail: "\(url.absoluteString): \(reason)")
                case .answerTooLarge: throw .peerUnavailable("\(url.absoluteString): \(error)")
                }
            }
        }
        throw .peerUnavailable("no peer answered: " + failures.joined(separator: "; "))
    }
}
