import AsyncHTTPClient
import Foundation
import Hummingbird
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// A gateway assembled from its configuration: both pipelines, the pooled HTTP client that calls
/// peers, and the adapters. `services` gives the two servers to run in a `ServiceGroup`;
/// `shutdown` releases the client and the adapters once they have stopped.
public struct GatewayRuntime: Sendable {
    public let configuration: GatewayConfiguration
    public let inbound: InboundExchange
    public let outbound: OutboundExchange
    public let httpClient: HTTPClient
    public let plugins: [any LienthongPlugin]
    /// Asynchronous messaging (outbox, inbox, workers); nil when built without messaging stores,
    /// in which case `/v1/messages`, `/v1/inbox` and `/exchange/v1/deliveries` are not served.
    public let messaging: AsyncMessaging?
    let tls: TLSSetup
    let logger: Logger

    /// Assembles a gateway. On failure nothing is left running.
    public static func build(
        configuration: GatewayConfiguration, identity: GatewayIdentity, auditLog: any AuditLog,
        replayGuard: any ReplayGuard, messagingStores: MessagingStores? = nil, plugins registry: PluginRegistry,
        logger: Logger
    ) throws(GatewayStartError) -> GatewayRuntime {
        let trustStore: TrustStore
        do { trustStore = try TrustStore(certificates: identity.trustedCAs) } catch {
            throw GatewayStartError("trusted CAs: \(error)")
        }
        let signer: JWSSigner
        do { signer = try JWSSigner(key: identity.privateKey, certificateChain: identity.certificateChain) } catch {
            throw GatewayStartError("signing identity: \(error)")
        }
        let catalog: SchemaCatalog
        do { catalog = try SchemaCatalog.load(directories: configuration.schemaDirectories.map { URL(fileURLWithPath: $0) }) } catch {
            throw GatewayStartError("schemas: \(error)")
        }
        let tls = TLSSetup(certificateChain: identity.certificateChain, privateKey: identity.privateKey, trustedCAs: identity.trustedCAs)
        var clientConfiguration = HTTPClient.Configuration()
        do { clientConfiguration.tlsConfiguration = try tls.clientConfiguration() } catch {
            throw GatewayStartError("TLS client configuration: \(error)")
        }
        // Without a connect timeout the client keeps retrying a refused connection until the whole
        // request deadline: a peer that is down would hold a delivery slot (and delay failover to
        // the next URL) for requestTimeoutSeconds instead of failing fast.
        clientConfiguration.timeout.connect = .seconds(Int64(min(5, configuration.limits.requestTimeoutSeconds)))
        // HTTP/1.1 carries one request per connection at a time: allow as many connections to a
        // peer as deliveries may be in flight to it (the client's default is 8).
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit =
            max(8, configuration.delivery.perPeerConcurrency)
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)

        let plugins: (byService: [ServiceID: any LienthongPlugin], all: [any LienthongPlugin])
        do {
            plugins = try makePlugins(
                configuration.services, registry: registry,
                environment: PluginEnvironment(httpClient: httpClient, logger: logger))
        } catch {
            // Not syncShutdown: this may run on an event loop (the CLI runs Swift concurrency on
            // NIO's threads), where blocking on the client's own loops would deadlock.
            httpClient.shutdown { _ in }
            throw error
        }

        let limits = configuration.limits
        let verifier = JWSVerifier(trustStore: trustStore)
        let decoding = BodyDecoding(maxDecompressedBytes: limits.maxDecompressedBytes)
        let validation = SchemaValidation(catalog: catalog)
        let parser = JSONBodyParser(maxBytes: limits.maxDecompressedBytes)
        let audit = AuditRecorder(log: auditLog, retention: configuration.audit)
        let inbound = InboundExchange(
            sizeLimit: BodySizeLimit(maxBytes: limits.maxBodyBytes), mediaType: MediaTypeCheck(), decoding: decoding,
            envelopeReader: EnvelopeReader(), signatureCheck: SignatureCheck(verifier: verifier),
            replayCheck: ReplayCheck(replayGuard: replayGuard, windowSeconds: limits.replayWindowSeconds),
            recipientCheck: RecipientCheck(agency: configuration.agency),
            authorization: AgencyAuthorization(allowed: configuration.services.mapValues(\.allowedAgencies)),
            parser: parser, validation: validation,
            adapter: AdapterCall(plugins: plugins.byService, timeout: .seconds(limits.upstreamTimeoutSeconds)),
            signing: ResponseSigning(signer: signer, agency: configuration.agency),
            compression: PayloadCompression(thresholdBytes: limits.compressionThresholdBytes), audit: audit, logger: logger)
        let transport = HTTPPeerTransport(client: httpClient, maxAnswerBytes: limits.maxBodyBytes)
        let outbound = OutboundExchange(
            agency: configuration.agency, authentication: ClientAuthentication(clients: configuration.clients),
            authorization: ServiceAuthorization(), sizeLimit: BodySizeLimit(maxBytes: limits.maxBodyBytes),
            mediaType: MediaTypeCheck(), parser: parser, validation: validation,
            routing: PeerRouting(routes: configuration.routes, peers: configuration.peers),
            signing: MessageSigning(signer: signer),
            compression: PayloadCompression(thresholdBytes: limits.compressionThresholdBytes),
            delivery: PeerDelivery(transport: transport, timeout: .seconds(limits.requestTimeoutSeconds)),
            verification: ResponseVerification(verifier: verifier, decoding: decoding), audit: audit, logger: logger)
        let messaging = messagingStores.map {
            makeAsyncMessaging(
                $0, configuration: configuration, inbound: inbound, outbound: outbound, transport: transport, logger: logger)
        }
        return GatewayRuntime(
            configuration: configuration, inbound: inbound, outbound: outbound, httpClient: httpClient,
            plugins: plugins.all, messaging: messaging, tls: tls, logger: logger)
    }

    /// One plugin per adapter and settings, shared by the services that use the same pair.
    private static func makePlugins(
        _ services: [ServiceID: GatewayConfiguration.ProvidedService], registry: PluginRegistry,
        environment: PluginEnvironment
    ) throws(GatewayStartError) -> (byService: [ServiceID: any LienthongPlugin], all: [any LienthongPlugin]) {
        var byService: [ServiceID: any LienthongPlugin] = [:]
        var byAdapterAndSettings: [String: any LienthongPlugin] = [:]
        for (service, provided) in services.sorted(by: { $0.key < $1.key }) {
            let key = provided.adapter + "\u{0}" + provided.settings.serialized()
            if let existing = byAdapterAndSettings[key] {
                byService[service] = existing
                continue
            }
            guard let factory = registry.factory(id: provided.adapter) else {
                throw GatewayStartError("services.\(service): no adapter \"\(provided.adapter)\"")
            }
            let plugin: any LienthongPlugin
            do { plugin = try factory.make(settings: provided.settings, environment: environment) } catch {
                throw GatewayStartError("services.\(service): \(error)")
            }
            byAdapterAndSettings[key] = plugin
            byService[service] = plugin
        }
        return (byService, Array(byAdapterAndSettings.values))
    }

    /// The local API and exchange API servers, and the delivery workers when messaging is on, to
    /// run in a `ServiceGroup`.
    public func services(
        onLocalAPIRunning: @escaping @Sendable (any Channel) async -> Void = { _ in },
        onExchangeRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws(GatewayStartError) -> [any Service] {
        let serverTLS: NIOSSL.TLSConfiguration
        do { serverTLS = try tls.serverConfiguration() } catch { throw GatewayStartError("TLS server configuration: \(error)") }
        let limits = configuration.limits
        let local: any Service
        let exchange: any Service
        do {
            local = try LocalAPIServer.application(
                outbound: outbound, messaging: messaging, agency: configuration.agency, listener: configuration.localAPI,
                tls: configuration.localAPI.clientCertificates ? serverTLS : nil, maxBodyBytes: limits.maxBodyBytes,
                logger: logger, onServerRunning: onLocalAPIRunning)
            exchange = try ExchangeServer.application(
                inbound: inbound, deliveries: messaging?.inbound, listener: configuration.exchange.listener, tls: serverTLS,
                maxBodyBytes: limits.maxBodyBytes, logger: logger, onServerRunning: onExchangeRunning)
        } catch {
            throw GatewayStartError("servers: \(error)")
        }
        return [local, exchange] + (messaging?.services ?? [])
    }

    /// Releases the HTTP client and the adapters; call after the servers stopped.
    public func shutdown() async {
        for plugin in plugins { await plugin.shutdown() }
        do { try await httpClient.shutdown() } catch {
            logger.warning("HTTP client shutdown failed", metadata: ["error": "\(error)"])
        }
    }
}
