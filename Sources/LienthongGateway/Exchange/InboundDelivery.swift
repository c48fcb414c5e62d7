import Foundation
import LienthongCore
import LienthongCrypto
import LienthongSchema
import LienthongStore
import Logging

/// The receiving side of an asynchronous delivery (`POST /exchange/v1/deliveries`): verified
/// exactly like a synchronous message, but instead of refusing a seen id it stores the message in
/// the inbox keyed by id BEFORE answering, and answers with a signed receipt bound to the request
/// (correlation id and request digest). A re-delivery of the same id and payload gets the stored
/// receipt again; the same id with another payload is refused (409). There is no `Created` window
/// here: a message may legitimately be retried for days, and the inbox, not the clock, makes it
/// take effect once.
public struct InboundDelivery: Sendable {
    public let agency: AgencyCode
    public let sizeLimit: BodySizeLimit
    public let mediaType: MediaTypeCheck
    public let decoding: BodyDecoding
    public let envelopeReader: EnvelopeReader
    public let signatureCheck: SignatureCheck
    public let recipientCheck: RecipientCheck
    /// Services received asynchronously: those with an adapter and `delivery.receive`.
    public let authorization: AgencyAuthorization
    public let parser: JSONBodyParser
    public let validation: SchemaValidation
    public let signing: ResponseSigning
    public let compression: PayloadCompression
    public let inbox: any Inbox
    /// Who takes a received message of each service from the inbox.
    public let routes: InboxRouting
    public let audit: AuditRecorder
    /// Woken when a message for the adapter or the webhook was stored.
    public let dispatchWakeUp: WakeUpSignal
    public let logger: Logger

    public init(
        agency: AgencyCode, sizeLimit: BodySizeLimit, mediaType: MediaTypeCheck, decoding: BodyDecoding,
        envelopeReader: EnvelopeReader, signatureCheck: SignatureCheck, recipientCheck: RecipientCheck,
        authorization: AgencyAuthorization, parser: JSONBodyParser, validation: SchemaValidation, signing: ResponseSigning,
        compression: PayloadCompression, inbox: any Inbox, routes: InboxRouting, audit: AuditRecorder,
        dispatchWakeUp: WakeUpSignal, logger: Logger
    ) {
        self.agency = agency
        self.sizeLimit = sizeLimit
        self.mediaType = mediaType
        self.decoding = decoding
        self.envelopeReader = envelopeReader
        self.signatureCheck = signatureCheck
        self.recipientCheck = recipientCheck
        self.authorization = authorization
        self.parser = parser
        self.validation = validation
        self.signing = signing
        self.compression = compression
        self.inbox = inbox
        self.routes = routes
        self.audit = audit
        self.dispatchWakeUp = dispatchWakeUp
        self.logger = logger
    }

    /// Answers one delivery. `tlsPeer` is the gateway of the TLS client certificate.
    public func handle(_ message: HTTPMessage, tlsPeer: TLSPeer?, now: Date = Date()) async -> HTTPAnswer {
        var authenticated: (envelope: Envelope, jws: String)?
        do throws(Problem) {
            try sizeLimit.check(message.body)
            try mediaType.check(message[header: "Content-Type"])
            let payload = try decoding.decode(message.body, contentEncoding: message[header: "Content-Encoding"])
            let request = try envelopeReader.read(message, payload: payload)
            let verified = try signatureCheck.verify(message, envelope: request, tlsPeer: tlsPeer)
            let jws = message[header: HeaderName.signature] ?? ""
            authenticated = (request, jws)
            try await audit.keepSigner(of: verified)
            try recipientCheck.check(request)
            try authorization.authorize(request.from, for: request.service)
            let json = try parser.parse(payload)
            try validation.validateRequest(json, for: request.service)

            // The receipt is signed before the store so that the stored row holds exactly what is answered.
            let (receipt, receiptJWS) = try signing.sign(Self.receiptPayload(for: request, storedAt: now), answering: request)
            let stored = StoredMessage(
                id: request.id, from: request.from, to: request.to, service: request.service, created: request.created,
                correlationID: request.correlationID, payload: payload, jws: jws, payloadDigest: try Self.digest(payload))
            let route = routes.route(for: request.service)
            // The message and its two records are one commit.
            let records = try audit.entries(for: [
                .init(request, .inbound, outcome: "stored", jws: jws), .init(receipt, .outbound, outcome: "receipt", jws: receiptJWS),
            ])
            let outcome: InboxStoreOutcome
            do {
                outcome = try await inbox.store(
                    stored, receipt: DeliveryReceipt(id: receipt.id, created: receipt.created, payload: receipt.payload, jws: receiptJWS),
                    route: route, now: now, audit: records)
            } catch {
                throw Problem.storeUnavailable("the inbox cannot store the message: \(error)")
            }
            switch outcome {
            case .stored:
                if route != .client { dispatchWakeUp.signal() }
                return try answer(receipt, jws: receiptJWS)
            case .alreadyStored(let original):
                await record(request, direction: .inbound, outcome: "redelivered", jws: jws)
                let envelope = Envelope(
                    id: original.id, from: agency, to: request.from, service: request.service, created: original.created,
                    correlationID: request.id, payload: original.payload)
                return try answer(envelope, jws: original.jws)
            case .conflict:
                throw Problem.idConflict("message \(request.id) was already received with another payload or from another sender")
            }
        } catch {
            logger.info("refused an inbound delivery", metadata: ["problem": "\(error)"])
            if let authenticated {
                await record(authenticated.envelope, direction: .inbound, outcome: "rejected:\(error.name)", jws: authenticated.jws)
            }
            return HTTPAnswer(problem: error)
        }
    }

    /// Answers a batch (`DeliveryBatch`): each message handled as by `handle`, all at once, so their
    /// inbox writes share group commits; the results in the messages' order. A batch that cannot be
    /// read is refused whole (400, 413, 415) and nothing of it is stored.
    public func handle(batch: HTTPMessage, tlsPeer: TLSPeer?, now: Date = Date()) async -> HTTPAnswer {
        let messages: [HTTPMessage]
        do throws(Problem) {
            let contentType = batch[header: "Content-Type"]
            guard contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
                == DeliveryBatch.mediaType
            else {
                throw .unsupportedMediaType("Content-Type is \(contentType ?? "missing"); send \(DeliveryBatch.mediaType)")
            }
            messages = try DeliveryBatch.messages(of: batch.body)
        } catch {
            logger.info("refused a delivery batch", metadata: ["problem": "\(error)"])
            return HTTPAnswer(problem: error)
        }
        let results = await withTaskGroup(of: (Int, HTTPAnswer).self) { group in
            for (index, message) in messages.enumerated() {
                group.addTask { (index, await handle(message, tlsPeer: tlsPeer, now: now)) }
            }
            var results = [HTTPAnswer](
                repeating: HTTPAnswer(problem: .internalError("the message was not handled")), count: messages.count)
            for await (index, answer) in group { results[index] = answer }
            return results
        }
        return HTTPAnswer(
            status: 200, headers: [("Content-Type", DeliveryBatch.mediaType)], body: DeliveryBatch.encode(results: results))
    }

    /// `{"messageId": …, "status": "stored", "storedAt": …}`: what the receipt says, signed.
    static func receiptPayload(for request: Envelope, storedAt: Date) -> [UInt8] {
        JSONValue.object(JSONObject([
            ("messageId", .string(request.id.rawValue)), ("status", .string("stored")),
            ("storedAt", .string(Timestamp.format(storedAt))),
        ])).serializedBytes()
    }

    private static func digest(_ payload: [UInt8]) throws(Problem) -> [UInt8] {
        do { return try Digest.sha256(payload) } catch { throw .internalError("cannot digest the payload: \(error)") }
    }

    private func answer(_ receipt: Envelope, jws: String) throws(Problem) -> HTTPAnswer {
        let (body, encoding) = try compression.encode(receipt.payload)
        return HTTPAnswer(status: 200, headers: WireHeaders.fields(for: receipt, jws: jws, contentEncoding: encoding), body: body)
    }

    private func record(_ envelope: Envelope, direction: AuditDirection, outcome: String, jws: String) async {
        do { try await audit.record(envelope, direction: direction, outcome: outcome, jws: jws) } catch {
            logger.error("cannot audit a delivery", metadata: ["message": "\(envelope.id)", "error": "\(error)"])
        }
    }
}

/// Which inbox route a received service takes: its adapter when this gateway provides it, else the
/// webhook when one is configured, else the client inbox (`GET /v1/inbox`).
public struct InboxRouting: Sendable {
    public let adapterServices: Set<ServiceID>
    public let webhookConfigured: Bool

    public init(adapterServices: Set<ServiceID>, webhookConfigured: Bool) {
        self.adapterServices = adapterServices
        self.webhookConfigured = webhookConfigured
    }

    public func route(for service: ServiceID) -> InboxRoute {
        if adapterServices.contains(service) { return .adapter }
        return webhookConfigured ? .webhook : .client
    }
}
