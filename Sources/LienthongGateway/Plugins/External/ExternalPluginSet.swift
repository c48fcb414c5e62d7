import AsyncHTTPClient
import Foundation
import LienthongPluginAPI
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The external plugins of one gateway (`plugins.external`), started together before the gateway
/// is assembled and stopped after it: their factories join the plugin registry under their ids.
public final class ExternalPluginSet: Sendable {
    /// One factory per started plugin, carrying the descriptor the plugin served.
    public let factories: [ExternalPluginFactory]
    private let supervisors: [ExternalPluginSupervisor]
    private let socketDirectories: [String]
    private let httpClient: HTTPClient
    private let logger: Logger

    private init(
        factories: [ExternalPluginFactory], supervisors: [ExternalPluginSupervisor], socketDirectories: [String],
        httpClient: HTTPClient, logger: Logger
    ) {
        self.factories = factories
        self.supervisors = supervisors
        self.socketDirectories = socketDirectories
        self.httpClient = httpClient
        self.logger = logger
    }

    /// Starts every plugin in `configurations`, or none: when one fails to start, those already
    /// started are stopped and the error names the plugin, the reason and its last lines on
    /// standard error.
    ///
    /// - Parameter environment: the gateway's environment; plugins get only part of it (see
    ///   `ExternalPluginConfiguration.environment`).
    public static func start(
        _ configurations: [ExternalPluginConfiguration], environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger
    ) async throws(GatewayStartError) -> ExternalPluginSet {
        let httpClient = makeHTTPClient()
        let client = ExternalPluginClient(httpClient: httpClient)
        var factories: [ExternalPluginFactory] = []
        var supervisors: [ExternalPluginSupervisor] = []
        var directories: [String] = []
        func abandon() async {
            for supervisor in supervisors { await supervisor.stop() }
            for directory in directories { rmdir(directory) }
            try? await httpClient.shutdown()
        }
        for configuration in configurations.sorted(by: { $0.id < $1.id }) {
            let directory: String
            do { directory = try makeSocketDirectory(for: configuration.id, environment: environment) } catch {
                await abandon()
                throw GatewayStartError("plugins.external.\(configuration.id): \(error)")
            }
            directories.append(directory)
            let launcher = ExternalPluginLauncher(
                configuration: configuration, gatewayEnvironment: environment, socketDirectory: directory, client: client,
                logger: logger)
            let supervisor = ExternalPluginSupervisor(configuration: configuration, launcher: launcher, logger: logger)
            supervisors.append(supervisor)
            do {
                let descriptor = try await supervisor.start()
                factories.append(ExternalPluginFactory(descriptor: descriptor, supervisor: supervisor, client: client))
            } catch {
                await abandon()
                throw GatewayStartError("plugins.external.\(configuration.id): \(error)")
            }
        }
        return ExternalPluginSet(
            factories: factories, supervisors: supervisors, socketDirectories: directories, httpClient: httpClient,
            logger: logger)
    }

    /// `base` with the external plugins added under their ids.
    public func registry(adding base: PluginRegistry) -> PluginRegistry {
        var factories = base.factories
        for factory in self.factories { factories[factory.descriptor.id] = factory }
        return PluginRegistry(factories: factories)
    }

    /// Stops every plugin (SIGTERM, then SIGKILL after its grace period), removes their sockets and
    /// socket directories, and releases the HTTP client. Call once, after the gateway stopped.
    public func stop() async {
        await withTaskGroup(of: Void.self) { group in
            for supervisor in supervisors { group.addTask { await supervisor.stop() } }
        }
        for directory in socketDirectories where rmdir(directory) != 0 {
            logger.warning("cannot remove the plugin socket directory \(directory): \(String(cString: strerror(errno)))")
        }
        do { try await httpClient.shutdown() } catch {
            logger.warning("plugin HTTP client shutdown failed", metadata: ["error": "\(error)"])
        }
    }

    /// The client for plugin sockets: HTTP/1.1, no redirects, bodies as sent.
    static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.httpVersion = .http1Only
        // A local socket connects at once or not at all: a missing or refused socket means the
        // plugin is down, and the call should fail (502) instead of retrying until its timeout.
        configuration.timeout.connect = .seconds(1)
        configuration.connectionPool.retryConnectionEstablishment = false
        // Below the 5 s keep-alive timeout common in HTTP servers (Node's default), so that the
        // gateway does not reuse a connection the plugin is about to close.
        configuration.connectionPool.idleTimeout = .seconds(4)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// A fresh directory, mode 0700, for one plugin's socket: under systemd's `RUNTIME_DIRECTORY`
    /// (`RuntimeDirectory=` in the unit; safe from /tmp cleaners), else `TMPDIR`, else /tmp; /tmp
    /// also when the socket path would exceed the Unix socket limit.
    static func makeSocketDirectory(for id: String, environment: [String: String]) throws(PluginProcessError) -> String {
        let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map(String.init)
        var base = (runtime ?? environment["TMPDIR"]).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "/tmp"
        let suffix = "/lienthong-\(id.prefix(24))-XXXXXX/plugin.sock"
        if base.isEmpty || !base.hasPrefix("/") || (base + suffix).utf8.count > PluginHandshake.maxSocketPathBytes { base = "/tmp" }
        var template = Array("\(base)/lienthong-\(id.prefix(24))-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard created != nil else {
            throw PluginProcessError("cannot create a socket directory under \(base): \(String(cString: strerror(errno)))")
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
