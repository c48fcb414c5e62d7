import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore
import Logging

/// The consumer side of a synchronous exchange: a local system's request, from the local API to
/// the provider's gateway and back. Read top to bottom, this is the flow of DESIGN.md.
public struct OutboundExchange: Sendable {
    public let agency: AgencyCode
    public let authentication: ClientAuthentication
    public let authorization: ServiceAuthorization
    public let sizeLimit: BodySizeLimit
    public let mediaType: MediaTypeCheck
    public let parser: JSONBodyParser
    public let validation: SchemaValidation
    public let routing: PeerRouting
    public let signing: MessageSigning
    public let compression: PayloadCompression
    public let delivery: PeerDelivery
    public let verification: ResponseVerification
    public let audit: AuditRecorder
    public let logger: Logger

    public init(
        agency: AgencyCode, authentication: ClientAuthentication, authorization: ServiceAuthorization,
        sizeLimit: BodySizeLimit, mediaType: MediaTypeCheck, parser: JSONBodyParser, validation: SchemaValidation,
        routing: PeerRouting, signing: MessageSigning, compression: PayloadCompression, delivery: PeerDelivery,
        verification: ResponseVerification, audit: AuditRecorder, logger: Logger
    ) {
        self.agency = agency
        self.authentication = authentication
        self.authorization = authorization
        self.sizeLimit = sizeLimit
        self.mediaType = mediaType
        self.parser = parser
        self.validation = validation
        self.routing = routing
        self.signing = signing
        self.compression = compression
        self.delivery = delivery
        self.verification = verification
        self.audit = audit
        self.logger = logger
    }

    /// Answers one local request for `serviceName` (the path of `/v1/services/{service}`);
    /// `certificateAgency` is the agency of the client's TLS certificate when the listener asks for one.
    public func handle(_ message: HTTPMessage, service serviceName: String, certificateAgency: AgencyCode? = nil) async -> HTTPAnswer {
        do throws(Problem) {
            let client = try authentication.authenticate(message, certificateAgency: certificateAgency)
            let service = try Self.service(named: serviceName)
            try authorization.authorize(client, for: service)
            try sizeLimit.check(message.body)
            try mediaType.check(message[header: "Content-Type"])
            let json = try parser.parse(message.body)
            try validation.validateRequest(json, for: service)
            let (provider, urls) = try routing.route(service, requestedProvider: message[header: HeaderName.to])

            // The client's bytes are signed and sent exactly as received.
            let request = Envelope(from: agency, to: provider, service: service, payload: message.body)
            let jws = try signing.sign(request)
            let (body, encoding) = try compression.encode(request.payload)
            let wire = HTTPMessage(headers: WireHeaders.fields(for: request, jws: jws, contentEncoding: encoding), body: body)
            let answer = try await delivery.deliver(wire, to: urls)
            guard answer.status == 200 else {
                await recordRequest(request, jws: jws, outcome: "rejected:\(answer.status)")
                return Self.relayRefusal(answer, from: provider)
            }
            let response: Envelope
            let responseJWS: String
            do throws(Problem) {
                (response, responseJWS) = try verification.verify(answer, request: request, provider: provider)
            } catch {
                await recordRequest(request, jws: jws, outcome: "rejected:\(error.name)")
                throw error
            }
            // The request and the verified answer in one durable write before the client sees it.
            try await audit.record([
                .init(request, .outbound, outcome: "delivered", jws: jws),
                .init(response, .inbound, outcome: "accepted", jws: responseJWS),
            ])
            return HTTPAnswer(status: 200, headers: WireHeaders.fields(for: response, jws: responseJWS), body: response.payload)
        } catch {
            logger.info("refused a local request", metadata: ["service": "\(serviceName)", "problem": "\(error)"])
            return HTTPAnswer(problem: error)
        }
    }

    private static func service(named name: String) throws(Problem) -> ServiceID {
        do { return try ServiceID(parsing: name) } catch { throw .unknownService("\(error)") }
    }

    /// A provider's refusal is a problem document: passed on with its status. Anything else is
    /// not something a client can use (502).
    private static func relayRefusal(_ answer: HTTPAnswer, from provider: AgencyCode) -> HTTPAnswer {
        let isProblem = answer[header: "Content-Type"]?.lowercased().hasPrefix(Problem.mediaType) ?? false
        guard isProblem, (400...599).contains(answer.status) else {
            return HTTPAnswer(problem: .peerUnavailable("\(provider) answered HTTP \(answer.status)"))
        }
        return HTTPAnswer(status: answer.status, headers: [("Content-Type", Problem.mediaType)], body: answer.body)
    }

    private func recordRequest(_ request: Envelope, jws: String, outcome: String) async {
        do { try await audit.record(request, direction: .outbound, outcome: outcome, jws: jws) } catch {
            logger.error("cannot audit an outbound request", metadata: ["message": "\(request.id)", "error": "\(error)"])
        }
    }
}
