import Foundation
import LienthongCore
import LienthongCrypto
import LienthongSchema
import LienthongStore

/// One attempt to deliver an outbox message: send it, signed bytes unchanged, to the recipient's
/// gateway on `/exchange/v1/deliveries`, and verify the receipt that comes back. The one exception
/// is a JWS that names by thumbprint a certificate this gateway no longer presents (see
/// `signature(for:)`).
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
    /// How this gateway signs now; nil sends every stored JWS as it is.
    public let signing: MessageSigning?

    public init(
        routing: PeerRouting, compression: PayloadCompression, delivery: PeerDelivery, verification: ResponseVerification,
        signing: MessageSigning? = nil
    ) {
        self.routing = routing
        self.compression = compression
        self.delivery = delivery
        self.verification = verification
        self.signing = signing
    }

    public func send(_ message: StoredMessage) async -> Outcome {
        guard let urls = routing.peers[message.to], !urls.isEmpty else {
            return .failed(reason: "no peer gateway is configured for \(message.to)", permanent: false)
        }
        do {
            let answer = try await delivery.deliver(try wire(message), to: urls, path: Self.path)
            return outcome(of: answer, for: message)
        } catch {
            return .failed(reason: "\(error.name): \(error.detail)", permanent: false)
        }
    }

    /// Sends messages to one recipient in one request (`DeliveryBatch`) and returns their outcomes
    /// in order, each as `send` would have (one message, or messages for several recipients, are
    /// sent one request each): a refused message fails alone, while a batch that got
    /// no answer, or a refusal of the whole batch, fails them all. A peer that does not take the
    /// batch (`DeliveryBatch.fallbackStatuses`) gets the messages one by one instead.
    public func send(batch messages: [StoredMessage]) async -> [Outcome] {
        guard let recipient = messages.first?.to, messages.count > 1, messages.allSatisfy({ $0.to == recipient }) else {
            return await sendEach(messages)
        }
        guard let urls = routing.peers[recipient], !urls.isEmpty else {
            return messages.map { _ in .failed(reason: "no peer gateway is configured for \(recipient)", permanent: false) }
        }
        var outcomes = [Outcome?](repeating: nil, count: messages.count)
        var sent: [(index: Int, wire: HTTPMessage)] = []
        for (index, message) in messages.enumerated() {
            do { sent.append((index, try wire(message))) } catch {
                outcomes[index] = .failed(reason: "\(error.name): \(error.detail)", permanent: false)
            }
        }
        // Nothing left to send when no message could be encoded: an empty batch is refused anyway.
        guard !sent.isEmpty else { return outcomes.map { $0 ?? .failed(reason: "not sent", permanent: false) } }
        let request = HTTPMessage(
            headers: [("Content-Type", DeliveryBatch.mediaType)], body: DeliveryBatch.encode(messages: sent.map(\.wire)))
        do throws(Problem) {
            let answer = try await delivery.deliver(request, to: urls, path: DeliveryBatch.path)
            if DeliveryBatch.fallbackStatuses.contains(answer.status) {
                return await sendEach(messages)
            }
            guard answer.status == 200 else { throw Problem.peerUnavailable("the batch was refused: \(Self.describe(answer))") }
            let results = try DeliveryBatch.results(of: answer.body, count: sent.count)
            for (result, item) in zip(results, sent) { outcomes[item.index] = outcome(of: result, for: messages[item.index]) }
        } catch {
            let reason = "\(error.name): \(error.detail)"
            for item in sent { outcomes[item.index] = .failed(reason: reason, permanent: false) }
        }
        return outcomes.map { $0 ?? .failed(reason: "not sent", permanent: false) }
    }

    /// The messages sent one request each, all at once.
    private func sendEach(_ messages: [StoredMessage]) async -> [Outcome] {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            for (index, message) in messages.enumerated() { group.addTask { (index, await send(message)) } }
            var outcomes = [Outcome](repeating: .failed(reason: "not sent", permanent: false), count: messages.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes
        }
    }

    /// The request a stored message is delivered as: its signed headers and its (compressed) payload.
    private func wire(_ message: StoredMessage) throws(Problem) -> HTTPMessage {
        let (body, encoding) = try compression.encode(message.payload)
        return HTTPMessage(
            headers: WireHeaders.fields(for: Self.envelope(of: message), jws: try signature(for: message), contentEncoding: encoding),
            body: body)
    }

    /// The JWS a stored message goes out with: the one made at submission, unless it names by
    /// thumbprint a certificate this gateway no longer signs with that way (renewed since, or
    /// `exchange.signerCertificate` set to chain). The receiver checks a thumbprint only against
    /// the TLS client certificate, so such a JWS could never be delivered: the same envelope is
    /// signed again. The receipt binds the id and the payload's digest, so it proves the same.
    func signature(for message: StoredMessage) throws(Problem) -> String {
        guard let signing, let named = JWSHeader.unverifiedCertificateThumbprint(of: message.jws),
              !signing.namesCertificate(byThumbprint: named)
        else { return message.jws }
        return try signing.sign(Self.envelope(of: message))
    }

    /// What the receiver's answer to one message means: its verified receipt, or why it failed.
    private func outcome(of answer: HTTPAnswer, for message: StoredMessage) -> Outcome {
        guard answer.status == 200 else {
            return .failed(reason: Self.describe(answer), permanent: Self.permanentStatuses.contains(answer.status))
        }
        do throws(Problem) {
            let (receipt, jws) = try verification.verify(answer, request: Self.envelope(of: message), provider: message.to)
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
