import Foundation
import LienthongCore
import LienthongCrypto
import LienthongSchema
import LienthongStore
import Logging

/// `POST /v1/messages`: a local system's asynchronous message, from the local API to the durable
/// outbox. Authenticated, authorised and validated like a synchronous request, signed, and stored;
/// `202` with the id and a `Location` only once the outbox has committed it. The delivery workers
/// take it from there.
public struct AsyncSubmission: Sendable {
    public let agency: AgencyCode
    public let authentication: ClientAuthentication
    public let authorization: ServiceAuthorization
    public let sizeLimit: BodySizeLimit
    public let mediaType: MediaTypeCheck
    public let parser: JSONBodyParser
    public let validation: SchemaValidation
    public let routing: PeerRouting
    public let signing: MessageSigning
    public let outbox: any Outbox
    public let audit: AuditRecorder
    /// Woken after each commit so that an idle delivery worker starts at once.
    public let deliveryWakeUp: WakeUpSignal
    public let logger: Logger

    public init(
        agency: AgencyCode, authentication: ClientAuthentication, authorization: ServiceAuthorization,
        sizeLimit: BodySizeLimit, mediaType: MediaTypeCheck, parser: JSONBodyParser, validation: SchemaValidation,
        routing: PeerRouting, signing: MessageSigning, outbox: any Outbox, audit: AuditRecorder,
        deliveryWakeUp: WakeUpSignal, logger: Logger
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
        self.outbox = outbox
        self.audit = audit
        self.deliveryWakeUp = deliveryWakeUp
        self.logger = logger
    }

    /// Accepts one submission; `certificateAgency` as for synchronous requests.
    public func handle(_ message: HTTPMessage, certificateAgency: AgencyCode? = nil, now: Date = Date()) async -> HTTPAnswer {
        do throws(Problem) {
            let client = try authentication.authenticate(message, certificateAgency: certificateAgency)
            try sizeLimit.check(message.body)
            try mediaType.check(message[header: "Content-Type"])
            let submission = try Submission(try parser.parse(message.body))
            try authorization.authorize(client, for: submission.service)
            try validation.validateRequest(submission.payload, for: submission.service)
            let (provider, _) = try routing.route(submission.service, requestedProvider: submission.to)

            let envelope = Envelope(
                from: agency, to: provider, service: submission.service, created: now,
                correlationID: submission.correlationID, payload: submission.payload.serializedBytes())
            let jws = try signing.sign(envelope)
            let stored: StoredMessage
            do {
                stored = StoredMessage(
                    id: envelope.id, from: agency, to: provider, service: envelope.service, created: envelope.created,
                    correlationID: envelope.correlationID, payload: envelope.payload, jws: jws,
                    payloadDigest: try Digest.sha256(envelope.payload))
            } catch {
                throw .internalError("cannot digest the payload: \(error)")
            }
            // The message and its "queued" record are one commit: accepted with its record or not at all.
            let record = try audit.entries(for: [.init(envelope, .outbound, outcome: "queued", jws: jws)])
            do {
                try await outbox.enqueue(stored, priority: submission.priority, client: client.name, now: now, audit: record)
            } catch {
                logger.error("the outbox refused a message", metadata: ["error": "\(error)"])
                throw .storeUnavailable("the message was not accepted: \(error)")
            }
            deliveryWakeUp.signal()
            let body = JSONValue.object(JSONObject([
                ("id", .string(envelope.id.rawValue)), ("status", .string(OutboxState.accepted.rawValue)),
            ])).serializedBytes()
            return HTTPAnswer(
                status: 202,
                headers: [("Content-Type", "application/json"), ("Location", "/v1/messages/\(envelope.id.rawValue)")],
                body: body)
        } catch {
            logger.info("refused an asynchronous submission", metadata: ["problem": "\(error)"])
            return HTTPAnswer(problem: error)
        }
    }

    /// The body of `POST /v1/messages`: `{"service", "to"?, "payload", "priority"?, "correlationId"?}`.
    struct Submission {
        var service: ServiceID
        var to: String?
        var payload: JSONValue
        var priority: MessagePriority
        var correlationID: MessageID?

        static let members: Set<String> = ["service", "to", "payload", "priority", "correlationId"]

        init(_ json: JSONValue) throws(Problem) {
            guard let object = json.asObject else { throw Self.bad("the body must be a JSON object") }
            if let unknown = object.keys.first(where: { !Self.members.contains($0) }) {
                throw Self.bad("unknown member \"\(unknown)\" (allowed: \(Self.members.sorted().joined(separator: ", ")))")
            }
            guard let serviceText = object["service"]?.asString else { throw Self.bad("\"service\" must be a string") }
            do { service = try ServiceID(parsing: serviceText) } catch { throw .unknownService("\(error)") }
            if let to = object["to"] {
                guard let text = to.asString else { throw Self.bad("\"to\" must be an agency code") }
                do { self.to = try AgencyCode(parsing: text).rawValue } catch { throw Self.bad("\"to\": \(error)") }
            }
            guard let payload = object["payload"] else { throw Self.bad("\"payload\" is missing") }
            self.payload = payload
            priority = .normal
            if let value = object["priority"] {
                guard let name = value.asString, let priority = MessagePriority(name: name) else {
                    throw Self.bad("\"priority\" must be \"low\", \"normal\" or \"high\"")
                }
                self.priority = priority
            }
            if let value = object["correlationId"] {
                guard let text = value.asString, let id = try? MessageID(parsing: text) else {
                    throw Self.bad("\"correlationId\" must be a message id (UUID)")
                }
                correlationID = id
            }
        }

        private static func bad(_ detail: String) -> Problem { .badSubmission(detail) }
    }
}
