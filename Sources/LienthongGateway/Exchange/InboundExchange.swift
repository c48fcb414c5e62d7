import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore
import Logging

/// The provider side of a synchronous exchange: one message from another gateway, from the bytes
/// received over mTLS to the signed answer. Read top to bottom, this is the flow of DESIGN.md.
public struct InboundExchange: Sendable {
    public let sizeLimit: BodySizeLimit
    public let mediaType: MediaTypeCheck
    public let decoding: BodyDecoding
    public let envelopeReader: EnvelopeReader
    public let signatureCheck: SignatureCheck
    public let replayCheck: ReplayCheck
    public let recipientCheck: RecipientCheck
    public let authorization: AgencyAuthorization
    public let parser: JSONBodyParser
    public let validation: SchemaValidation
    public let adapter: AdapterCall
    public let signing: ResponseSigning
    public let compression: PayloadCompression
    public let audit: AuditRecorder
    public let logger: Logger

    public init(
        sizeLimit: BodySizeLimit, mediaType: MediaTypeCheck, decoding: BodyDecoding, envelopeReader: EnvelopeReader,
        signatureCheck: SignatureCheck, replayCheck: ReplayCheck, recipientCheck: RecipientCheck,
        authorization: AgencyAuthorization, parser: JSONBodyParser, validation: SchemaValidation, adapter: AdapterCall,
        signing: ResponseSigning, compression: PayloadCompression, audit: AuditRecorder, logger: Logger
    ) {
        self.sizeLimit = sizeLimit
        self.mediaType = mediaType
        self.decoding = decoding
        self.envelopeReader = envelopeReader
        self.signatureCheck = signatureCheck
        self.replayCheck = replayCheck
        self.recipientCheck = recipientCheck
        self.authorization = authorization
        self.parser = parser
        self.validation = validation
        self.adapter = adapter
        self.signing = signing
        self.compression = compression
        self.audit = audit
        self.logger = logger
    }

    /// Answers one message. `tlsPeer` is the gateway of the TLS client certificate.
    public func handle(_ message: HTTPMessage, tlsPeer: TLSPeer?) async -> HTTPAnswer {
        // Set once the signature is verified: only authenticated refusals are audited, so a
        // stranger cannot fill the audit trail.
        var authenticated: (envelope: Envelope, jws: String)?
        do {
            try sizeLimit.check(message.body)
            try mediaType.check(message[header: "Content-Type"])
            let payload = try decoding.decode(message.body, contentEncoding: message[header: "Content-Encoding"])
            let request = try envelopeReader.read(message, payload: payload)
            let verified = try signatureCheck.verify(message, envelope: request, tlsPeer: tlsPeer)
            authenticated = (request, message[header: HeaderName.signature] ?? "")
            try await audit.keepSigner(of: verified)
            try await replayCheck.check(request)
            try recipientCheck.check(request)
            try authorization.authorize(request.from, for: request.service)
            let json = try parser.parse(payload)
            // One generation of adapters and schemas for the whole message, whatever a reload does meanwhile.
            let generation = adapter.table.current
            try validation.validateRequest(json, for: request.service, in: generation)

            let answer = try await adapter.call(request, payload: json, in: generation)
            try validation.validateResponse(answer, for: request.service, in: generation)
            let (response, jws) = try signing.sign(answer.serializedBytes(), answering: request)
            let (body, encoding) = try compression.encode(response.payload)
            // Request and answer are audited together, durably, before the answer leaves: one
            // commit per exchange. No answer leaves unaudited.
            try await audit.record([
                .init(request, .inbound, outcome: "accepted", jws: authenticated?.jws),
                .init(response, .outbound, outcome: "answered", jws: jws),
            ])
            return HTTPAnswer(
                status: 200, headers: WireHeaders.fields(for: response, jws: jws, contentEncoding: encoding), body: body)
        } catch {
            logger.info("refused an inbound message", metadata: ["problem": "\(error)"])
            if let authenticated {
                await recordRefusal(authenticated.envelope, jws: authenticated.jws, problem: error)
            }
            return HTTPAnswer(problem: error)
        }
    }

    private func recordRefusal(_ envelope: Envelope, jws: String, problem: Problem) async {
        do {
            try await audit.record(envelope, direction: .inbound, outcome: "rejected:\(problem.name)", jws: jws)
        } catch {
            logger.error("cannot audit a refusal", metadata: ["message": "\(envelope.id)", "error": "\(error)"])
        }
    }
}
