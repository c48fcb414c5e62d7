import AsyncHTTPClient
import Foundation
import LienthongCore
import LienthongCrypto
import LienthongPluginAPI
import LienthongSchema
import LienthongStore
import Logging
import NIOCore
import Synchronization
@testable import LienthongGateway

/// Starts gateways in-process on 127.0.0.1 with free ports and stops them at the end.
struct GatewayHarness {
    /// A running gateway: its ports, its runtime and its in-memory stores.
    struct Running: Sendable {
        let runtime: GatewayRuntime
        let localPort: Int
        let exchangePort: Int
        let auditLog: any AuditLog

        var localURL: String {
            "\(runtime.configuration.localAPI.clientCertificates ? "https" : "http")://127.0.0.1:\(localPort)"
        }
        var exchangeURL: URL {
            guard let url = URL(string: "https://127.0.0.1:\(exchangePort)") else { preconditionFailure("bad port") }
            return url
        }
    }

    static func configuration(
        agency: AgencyCode, peers: [AgencyCode: [URL]] = [:], routes: [ServiceID: AgencyCode] = [:],
        clients: [GatewayConfiguration.LocalClient] = [], services: [ServiceID: GatewayConfiguration.ProvidedService] = [:],
        compressionThreshold: Int = 8192, localClientCertificates: Bool = false,
        plugins: GatewayConfiguration.PluginSettings = .init()
    ) -> GatewayConfiguration {
        GatewayConfiguration(
            agency: agency, localAPI: .init(host: "127.0.0.1", port: 0, clientCertificates: localClientCertificates),
            exchange: .init(
                listener: .init(host: "127.0.0.1", port: 0), certificateChainFile: "(in memory)",
                privateKeyFile: "(in memory)", trustedCAFiles: []),
            peers: peers, routes: routes, clients: clients, services: services,
            limits: .init(
                maxBodyBytes: 1 << 20, maxDecompressedBytes: 1 << 20, replayWindowSeconds: 300, requestTimeoutSeconds: 20,
                upstreamTimeoutSeconds: 5, compressionThresholdBytes: compressionThreshold),
            dataDirectory: "(in memory)", plugins: plugins)
    }

    /// Runs a gateway for the duration of `body`.
    static func withGateway<Result: Sendable>(
        _ configuration: GatewayConfiguration, identity: GatewayIdentity, plugins: [String: any LienthongPluginFactory] = [:],
        messagingStores: MessagingStores? = nil, auditLog: (any AuditLog)? = nil, _ body: (Running) async throws -> Result
    ) async throws -> Result {
        // The store's own trail where there is a store: its writes append records in their transactions.
        let auditLog = auditLog ?? InMemoryAuditLog()
        var logger = Logger(label: "test-\(configuration.agency)")
        logger.logLevel = .warning
        let runtime = try GatewayRuntime.build(
            configuration: configuration, identity: identity, auditLog: auditLog, replayGuard: InMemoryReplayGuard(),
            messagingStores: messagingStores, plugins: PluginRegistry(factories: plugins), logger: logger)
        let (ports, portsContinuation) = AsyncStream<(String, Int)>.makeStream()
        let services = try runtime.services(
            onLocalAPIRunning: { portsContinuation.yield(("local", $0.localAddress?.port ?? 0)) },
            onExchangeRunning: { portsContinuation.yield(("exchange", $0.localAddress?.port ?? 0)) })
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                for service in services { group.addTask { try await service.run() } }
                var known: [String: Int] = [:]
                for await (name, port) in ports {
                    known[name] = port
                    if known.count == 2 { break }
                }
                let running = Running(
                    runtime: runtime, localPort: known["local"] ?? 0, exchangePort: known["exchange"] ?? 0, auditLog: auditLog)
                defer { group.cancelAll() }
                return try await body(running)
            }
            await runtime.shutdown()
            return result
        } catch {
            await runtime.shutdown()
            throw error
        }
    }
}

/// A fixed plugin as a factory (the harness builds plugins through the registry, as `serve` does).
struct FixedPluginFactory: LienthongPluginFactory {
    let plugin: any LienthongPlugin

    var descriptor: PluginDescriptor { plugin.descriptor }

    func make(settings: JSONValue, environment: PluginEnvironment) throws(PluginConfigurationError) -> any LienthongPlugin {
        plugin
    }
}

/// A plain HTTP client for the local API and a client speaking to exchange APIs as some identity.
struct TestClients {
    let plain: HTTPClient

    init() { plain = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup) }

    func shutdown() async { try? await plain.shutdown() }

    /// POSTs to the local API and returns status, headers and body.
    func callLocal(
        _ gateway: GatewayHarness.Running, service: String, body: String, apiKey: String?,
        headers: [(String, String)] = []
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: gateway.localURL + "/v1/services/" + service)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await plain.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPAnswer(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: Array(bytes.readableBytesView))
    }

    func get(_ url: String) async throws -> (status: Int, body: [UInt8]) {
        let response = try await plain.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Array(bytes.readableBytesView))
    }
}

/// Posts signed messages to an exchange API as `identity` (over mTLS), to attack it directly.
struct ExchangeCaller {
    let identity: GatewayIdentity
    let client: HTTPClient

    init(identity: GatewayIdentity) throws {
        self.identity = identity
        let tls = TLSSetup(
            certificateChain: identity.certificateChain, privateKey: identity.privateKey, trustedCAs: identity.trustedCAs)
        var configuration = HTTPClient.Configuration()
        configuration.tlsConfiguration = try tls.clientConfiguration()
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func shutdown() async { try? await client.shutdown() }

    /// A signed message from `envelope.from` (signed with this caller's key) and its wire headers.
    func signed(_ envelope: Envelope) throws -> HTTPMessage {
        let signer = try JWSSigner(key: identity.privateKey, certificateChain: identity.certificateChain)
        let jws = try signer.sign(envelope: envelope)
        return HTTPMessage(headers: WireHeaders.fields(for: envelope, jws: jws), body: envelope.payload)
    }

    func post(_ message: HTTPMessage, to gateway: GatewayHarness.Running) async throws(PeerTransportError) -> HTTPAnswer {
        try await post(message, to: gateway.exchangeURL.appendingPathComponent("exchange/v1/messages"))
    }

    func post(_ message: HTTPMessage, to url: URL) async throws(PeerTransportError) -> HTTPAnswer {
        try await HTTPPeerTransport(client: client, maxAnswerBytes: 1 << 20).post(message, to: url, timeout: .seconds(20))
    }
}
