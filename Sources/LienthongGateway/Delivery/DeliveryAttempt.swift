import Foundation
import LienthongCore
import LienthongSchema
import LienthongStore

/// One attempt to deliver an outbox message: send it, signed bytes unchanged, to the recipient's
/// gateway on `/exchange/v1/deliveries`, and verify the receipt that comes back.
public struct DeliveryAttempt: Sendable {
    /// How an attempt ended.
    public enum Outcome: Sendable {
        /// The receiver stored it; this is its verified receipt (envelope and JWS).
        case delivered(receipt: Envelope, jws: String)
        /// It failed; `permanent` when sending the same bytes again cannot succeed.
        case failed(reason: String, permanent: Bool)
    }

    /// The exchange endpoint for asynchronous deliveries.
    public static let path = "exchange/v1/deliveries"

    /// Refusals about the message itself: malformed, conflicting, too large, wrong media type or
    /// outside its schema. Anything else (401/403 from a peer's configuration, 5xx, no answer)
    /// may pass later.
    static let permanentStatuses: Set<Int> = [400, 404, 409, 413, 415, 422]

    public let routing: PeerRouting
    public let compression: PayloadCompression
    public let delivery: PeerDelivery
    public let verification: ResponseVerification

    public init(routing: PeerRouting, compression: PayloadCompression, delivery: PeerDelivery, verification: ResponseVerification) {
        self.routing = routing
        self.compression = compression
        self.delivery = delivery
        self.verification = verification
    }

    public func send(_ message: StoredMessage) async -> Outcome {
        let envelope = Self.envelope(of: message)
        guard let urls = routing.peers[message.to], !urls.isEmpty else {
            return .failed(reason: "no peer gateway is configured for \(message.to)", permanent: false)
        }
        do {
            let (body, encoding) = try compression.encode(message.payload)
            let wire = HTTPMessage(headers: WireHeaders.fields(for: envelope, jws: message.jws, contentEncoding: encoding), body: body)
            let answer = try await delivery.deliver(wire, to: urls, path: Self.path)
            guard answer.status == 200 else {
                return .failed(reason: Self.describe(answer), permanent: Self.permanentStatuses.contains(answer.status))
            }
            let (receipt, jws) = try verification.verify(answer, request: envelope, provider: message.to)
            return .delivered(receipt: receipt, jws: jws)
        } catch {
            return .failed(reason: "\(error.name): \(error.detail)", permanent: false)
        }
    }

    /// The envelope a stored message was signed as.
    static func envelope(of message: StoredMessage) -> Envelope {
        Envelope(
            id: message.id, from: message.from, to: message.to, service: message.service, created: message.created,
            correlationID: message.correlationID, payload: message.payload)
    }

    /// `HTTP 422 schema-violation: …` from a problem answer, or the status alone.
    static func describe(_ answer: HTTPAnswer) -> String {
        let isProblem = answer[header: "Content-Type"]?.lowercased().hasPrefix(Problem.mediaType) ?? false
        guard isProblem, let document = try? JSONParser.parse(answer.body), let type = document[key: "type"]?.asString else {
            return "HTTP \(answer.status)"
        }
        let name = type.split(separator: "/").last.map(String.init) ?? type
        let detail = document[key: "detail"]?.asString.map { ": \($0)" } ?? ""
        return "HTTP \(answer.status) \(name)\(String(detail.prefix(500)))"
    }
}
