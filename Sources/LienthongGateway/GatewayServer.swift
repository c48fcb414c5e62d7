import Foundation
import LienthongStore
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Runs an assembled gateway until SIGTERM or SIGINT: both servers in one `ServiceGroup`, a
/// one-line start log naming both listen addresses, SIGHUP reloading the adapter manifests, and on
/// shutdown in-flight requests finish before the HTTP client, the adapters and the store are released.
public enum GatewayServer {
    /// Loads `configurationFile` (refusing to start on any configuration problem), opens the store
    /// (SQLite in the data directory, or the PostgreSQL database `store` names), assembles the
    /// gateway and serves until SIGTERM or SIGINT.
    ///
    /// - Throws: `ConfigurationError` with every problem of the file, `GatewayStartError` when
    ///   keys, certificates, the store or an adapter cannot be set up, or a server error.
    public static func serve(
        configurationFile: String, plugins: PluginRegistry = .builtIn, logLevel: GatewayLogLevel = .info,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws {
        var logger = Logger(label: "lienthong", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = logLevel.level
        let configuration = try ConfigurationLoader(environment: environment, plugins: plugins).load(file: configurationFile)
        let identity = try GatewayIdentity.load(from: configuration.exchange)
        let store: any StoreBackend
        do {
            store = try await StoreOpener.open(configuration.store, dataDirectory: configuration.dataDirectory, logger: logger)
        } catch {
            throw GatewayStartError("store (\(configuration.store.describe(dataDirectory: configuration.dataDirectory))): \(error)")
        }
        do {
            let released = try await store.releaseLeasesOfPreviousRun()
            if released > 0 { logger.notice("released \(released) leases left by the previous run") }
        } catch {
            await store.close()
            throw GatewayStartError("store (\(store.location)): \(error)")
        }
        let externalPlugins: ExternalPluginSet
        do {
            externalPlugins = try await ExternalPluginSet.start(
                configuration.externalPlugins, environment: environment, logger: logger)
        } catch {
            await store.close()
            throw error
        }
        let runtime: GatewayRuntime
        do {
            runtime = try GatewayRuntime.build(
                configuration: configuration, identity: identity, auditLog: store.auditLog,
                replayGuard: store.replayGuard,
                messagingStores: MessagingStores(outbox: store.outbox, inbox: store.inbox),
                plugins: externalPlugins.registry(adding: plugins), logger: logger)
        } catch {
            await externalPlugins.stop()
            await store.close()
            throw error
        }
        let manifests = configuration.plugins.manifests
        if !manifests.isEmpty {
            logger.notice("adapters from manifests: \(manifests.map { "\($0.id) \($0.version) (\($0.file))" }.joined(separator: ", "))")
        }
        try await run(runtime, logger: logger, releaseStore: {
            await externalPlugins.stop()
            await store.close()
        })
    }

    public static func run(
        _ runtime: GatewayRuntime, logger: Logger, releaseStore: @escaping @Sendable () async -> Void
    ) async throws {
        // Requests may name this gateway's certificate by thumbprint; the audit trail keeps the
        // certificate to show beside them.
        if let certificate = runtime.tls.certificateChain.first {
            do { try await runtime.outbound.audit.keep(certificate) } catch {
                await runtime.shutdown()
                await releaseStore()
                throw GatewayStartError("store: \(error)")
            }
        }
        let addresses = ListenAddresses()
        let agency = runtime.configuration.agency
        let localScheme = runtime.configuration.localAPI.clientCertificates ? "https" : "http"
        let services = try runtime.services(
            onLocalAPIRunning: { channel in
                addresses.set(local: "\(localScheme)://\(describe(channel.localAddress))") { local, exchange in
                    logger.notice("lienthong \(agency) serving: local API \(local), exchange API \(exchange)")
                }
            },
            onExchangeRunning: { channel in
                addresses.set(exchange: "https://\(describe(channel.localAddress))") { local, exchange in
                    logger.notice("lienthong \(agency) serving: local API \(local), exchange API \(exchange)")
                }
            })
        // SIGHUP reloads the adapter manifests; that service ending at shutdown must not cancel the others.
        let reload = ServiceGroupConfiguration.ServiceConfiguration(
            service: await PluginReloadService.trappingHangups(for: runtime), successTerminationBehavior: .ignore)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) } + [reload],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            await runtime.shutdown()
            await releaseStore()
            throw error
        }
        await runtime.shutdown()
        await releaseStore()
        logger.notice("lienthong \(agency) stopped")
    }

    private static func describe(_ address: SocketAddress?) -> String {
        guard let address, let port = address.port else { return "?" }
        let host = address.ipAddress ?? "?"
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// Collects the two listen addresses and reports once both are known.
private final class ListenAddresses: Sendable {
    private let state = Mutex<(local: String?, exchange: String?)>((nil, nil))

    func set(local: String? = nil, exchange: String? = nil, whenBoth report: (String, String) -> Void) {
        let both = state.withLock { state -> (String, String)? in
            if let local { state.local = local }
            if let exchange { state.exchange = exchange }
            guard let local = state.local, let exchange = state.exchange else { return nil }
            return (local, exchange)
        }
        if let both { report(both.0, both.1) }
    }
}
