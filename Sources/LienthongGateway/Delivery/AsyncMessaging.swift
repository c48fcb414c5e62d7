import Foundation
import LienthongCore
import LienthongCrypto
import LienthongStore
import Logging
import ServiceLifecycle

/// The stores guaranteed delivery works on (SQLite's `GatewayStore`, or PostgreSQL).
public struct MessagingStores: Sendable {
    public let outbox: any Outbox
    public let inbox: any Inbox

    public init(outbox: any Outbox, inbox: any Inbox) {
        self.outbox = outbox
        self.inbox = inbox
    }
}

/// Everything asynchronous of one gateway: the local API's submission and queries, the exchange
/// API's delivery endpoint, and the two workers (outbox delivery, inbox hand-over).
public struct AsyncMessaging: Sendable {
    public let submission: AsyncSubmission
    public let queries: MessageQueries
    public let inbound: InboundDelivery
    public let delivery: OutboxDeliveryService
    public let dispatch: InboxDispatchService

    /// The workers to run beside the servers.
    public var services: [any Service] { [delivery, dispatch] }

    /// A lease owner unique to this process start: host, process id and a random suffix.
    public static func leaseOwner(_ role: String) -> String {
        "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(role)/"
            + UUID().uuidString.prefix(8).lowercased()
    }
}

extension GatewayRuntime {
    /// Assembles asynchronous messaging from the same stages as the synchronous pipelines.
    static func makeAsyncMessaging(
        _ stores: MessagingStores, configuration: GatewayConfiguration, inbound: InboundExchange, outbound: OutboundExchange,
        transport: any PeerTransport, logger: Logger
    ) -> AsyncMessaging {
        let settings = configuration.delivery
        let deliveryWakeUp = WakeUpSignal()
        let dispatchWakeUp = WakeUpSignal()
        let submission = AsyncSubmission(
            agency: configuration.agency, authentication: outbound.authentication, authorization: outbound.authorization,
            sizeLimit: outbound.sizeLimit, mediaType: outbound.mediaType, parser: outbound.parser,
            validation: outbound.validation, routing: outbound.routing, signing: outbound.signing, outbox: stores.outbox,
            audit: outbound.audit, deliveryWakeUp: deliveryWakeUp, logger: logger)
        let certificates = SignerCertificates(log: inbound.audit.log)
        let queries = MessageQueries(
            authentication: outbound.authentication, outbox: stores.outbox, inbox: stores.inbox, certificates: certificates,
            logger: logger)
        var receivable = configuration.services.mapValues(\.allowedAgencies)
        for (service, agencies) in settings.receive where receivable[service] == nil { receivable[service] = agencies }
        let inboundDelivery = InboundDelivery(
            agency: configuration.agency, sizeLimit: inbound.sizeLimit, mediaType: inbound.mediaType,
            decoding: inbound.decoding, envelopeReader: inbound.envelopeReader, signatureCheck: inbound.signatureCheck,
            recipientCheck: inbound.recipientCheck, authorization: AgencyAuthorization(allowed: receivable),
            parser: inbound.parser, validation: inbound.validation, signing: inbound.signing,
            compression: inbound.compression, inbox: stores.inbox,
            routes: InboxRouting(adapterServices: Set(configuration.services.keys), webhookConfigured: settings.webhook != nil),
            audit: inbound.audit, dispatchWakeUp: dispatchWakeUp, logger: logger)
        let attempt = DeliveryAttempt(
            routing: outbound.routing, compression: outbound.compression,
            delivery: PeerDelivery(transport: transport, timeout: .seconds(configuration.limits.requestTimeoutSeconds)),
            verification: outbound.verification, signing: outbound.signing)
        let delivery = OutboxDeliveryService(
            outbox: stores.outbox, attempt: attempt, settings: settings, audit: outbound.audit, wakeUp: deliveryWakeUp,
            owner: AsyncMessaging.leaseOwner("delivery"), logger: logger)
        let handOver = InboxHandOver(
            adapter: inbound.adapter, parser: inbound.parser, webhook: settings.webhook, transport: transport,
            certificates: certificates)
        let dispatch = InboxDispatchService(
            inbox: stores.inbox, handOver: handOver, settings: settings, audit: inbound.audit, wakeUp: dispatchWakeUp,
            owner: AsyncMessaging.leaseOwner("inbox"), logger: logger)
        return AsyncMessaging(
            submission: submission, queries: queries, inbound: inboundDelivery, delivery: delivery, dispatch: dispatch)
    }
}
