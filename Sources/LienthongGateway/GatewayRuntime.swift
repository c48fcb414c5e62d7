import AsyncHTTPClient
import Foundation
import Hummingbird
import LienthongCore
import LienthongCrypto
import LienthongDeclarative
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
    /// The adapters and schemas in service; `reloadPlugins` installs a new generation.
    public let pluginTable: PluginTable
    let manifestReload: ManifestReload
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
        let manifests = configuration.plugins.manifests
        let catalog: SchemaCatalog
        do {
            catalog = try SchemaCatalog.load(
                directories: configuration.schemaDirectories.map { URL(fileURLWithPath: $0) }, fileSets: manifests.map(\.schemaFileSet))
        } catch {
            throw GatewayStartError("schemas: \(error)")
        }
        let tls = TLSSetup(certificateChain: identity.certificateChain, privateKey: identity.privateKey, trustedCAs: identity.trustedCAs)
        let clientConfiguration: HTTPClient.Configuration
        do { clientConfiguration = try Self.peerClientConfiguration(configuration, tls: tls) } catch {
            throw GatewayStartError("TLS client configuration: \(error)")
        }
        let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)

        let plugins: (byService: [ServiceID: any LienthongPlugin], all: [any LienthongPlugin])
        do {
            plugins = try makePlugins(
                configuration.services, registry: registry.adding(manifests: manifests),
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
        let table = PluginTable(PluginTable.Generation(number: 1, plugins: plugins.byService, catalog: catalog, manifests: manifests))
        let validation = SchemaValidation(table: table)
        let parser = JSONBodyParser(maxBytes: limits.maxDecompressedBytes)
        let audit = AuditRecorder(log: auditLog, retention: configuration.audit)
        let inbound = InboundExchange(
            sizeLimit: BodySizeLimit(maxBytes: limits.maxBodyBytes), mediaType: MediaTypeCheck(), decoding: decoding,
            envelopeReader: EnvelopeReader(), signatureCheck: SignatureCheck(verifier: verifier),
            replayCheck: ReplayCheck(replayGuard: replayGuard, windowSeconds: limits.replayWindowSeconds),
            recipientCheck: RecipientCheck(agency: configuration.agency),
            authorization: AgencyAuthorization(allowed: configuration.services.mapValues(\.allowedAgencies)),
            parser: parser, validation: validation,
            adapter: AdapterCall(table: table, timeout: .seconds(limits.upstreamTimeoutSeconds)),
            signing: ResponseSigning(signer: signer, agency: configuration.agency),
            compression: PayloadCompression(thresholdBytes: limits.compressionThresholdBytes), audit: audit, logger: logger)
        let transport = HTTPPeerTransport(client: httpClient, maxAnswerBytes: limits.maxBodyBytes)
        let outbound = OutboundExchange(
            agency: configuration.agency, authentication: ClientAuthentication(clients: configuration.clients),
            authorization: ServiceAuthorization(), sizeLimit: BodySizeLimit(maxBytes: limits.maxBodyBytes),
            mediaType: MediaTypeCheck(), parser: parser, validation: validation,
            routing: PeerRouting(routes: configuration.routes, peers: configuration.peers),
            signing: MessageSigning(
                signer: signer, certificate: Self.requestCertificateReference(
                    configuration.exchange.signerCertificate, chain: identity.certificateChain, trustedCAs: identity.trustedCAs)),
            compression: PayloadCompression(thresholdBytes: limits.compressionThresholdBytes),
            delivery: PeerDelivery(transport: transport, timeout: .seconds(limits.requestTimeoutSeconds)),
            verification: ResponseVerification(verifier: verifier, decoding: decoding), audit: audit, logger: logger)
        let messaging = messagingStores.map {
            makeAsyncMessaging(
                $0, configuration: configuration, inbound: inbound, outbound: outbound, transport: transport, logger: logger)
        }
        let reload = ManifestReload(
            configuration: configuration, registry: registry, environment: PluginEnvironment(httpClient: httpClient, logger: logger),
            table: table)
        return GatewayRuntime(
            configuration: configuration, inbound: inbound, outbound: outbound, httpClient: httpClient,
            plugins: plugins.all, pluginTable: table, manifestReload: reload, messaging: messaging, tls: tls, logger: logger)
    }

    /// Reads `plugins.manifests` again and, when every manifest is good and still fits the
    /// configured services, installs a new generation of adapters and schemas (what SIGHUP does).
    /// Otherwise logs every problem with its file, line and reason and keeps the current generation.
    @discardableResult
    public func reloadPlugins() -> Result<PluginTable.Generation, ConfigurationError> {
        let current = pluginTable.current.number
        do throws(ConfigurationError) {
            let generation = try manifestReload.run()
            let adapters = generation.manifests.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
            logger.notice("plugins reloaded: generation \(generation.number) in service (\(adapters.isEmpty ? "no manifests" : adapters))")
            return .success(generation)
        } catch {
            for issue in error.issues { logger.error("manifest reload refused: \(issue)") }
            logger.error("manifest reload refused (\(error.issues.count) problems); generation \(current) stays in service")
            return .failure(error)
        }
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
            // The loader checks built-in adapters; an external plugin's descriptor is known only now.
            guard factory.descriptor.services.contains(where: { $0.service == service }) else {
                let offered = factory.descriptor.services.map(\.service.rawValue).joined(separator: ", ")
                throw GatewayStartError(
                    "services.\(service): adapter \"\(provided.adapter)\" does not provide it (it provides \(offered))")
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

    /// How requests and deliveries name the signing certificate. By thumbprint only when nothing
    /// in the chain file after the certificate is needed to verify it: the receiver resolves the
    /// thumbprint against the TLS client certificate, which reaches it without the rest. A CA
    /// this gateway trusts itself (the root `lienthong keys issue` appends) is taken as one its
    /// peers trust too; anything else, such as an intermediate, sends the chain.
    static func requestCertificateReference(
        _ setting: GatewayConfiguration.SignerCertificate, chain: [Certificate], trustedCAs: [Certificate]
    ) -> JWSSigner.CertificateReference {
        setting == .thumbprint && chain.dropFirst().allSatisfy(trustedCAs.contains) ? .thumbprint : .chain
    }

    /// The HTTP client for peers (and the adapters' upstreams): mTLS identity, timeouts, pool size
    /// and the HTTP version the configuration asks for.
    static func peerClientConfiguration(_ configuration: GatewayConfiguration, tls: TLSSetup) throws -> HTTPClient.Configuration {
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.tlsConfiguration = try tls.clientConfiguration()
        // Without a connect timeout the client keeps retrying a refused connection until the whole
        // request deadline: a peer that is down would hold a delivery slot (and delay failover to
        // the next URL) for requestTimeoutSeconds instead of failing fast.
        clientConfiguration.timeout.connect = .seconds(Int64(min(5, configuration.limits.requestTimeoutSeconds)))
        // HTTP/1.1 carries one request per connection at a time: allow as many connections to a
        // peer as deliveries may be in flight to it (the client's default is 8).
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit =
            max(8, configuration.delivery.perPeerConcurrency)
        if !configuration.exchange.outboundHTTP2 { clientConfiguration.httpVersion = .http1Only }
        return clientConfiguration
    }
}
