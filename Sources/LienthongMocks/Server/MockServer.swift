import Hummingbird
import HummingbirdTLS
import LienthongSchema
import Logging
import NIOCore
import ServiceLifecycle

/// Hosts one `MockSystem` over HTTP: the system's routes behind the fault middleware, and the
/// `/_mock/*` control API (stats, faults, reset, samples).
///
/// ```swift
/// let server = MockServer(system: PopulationSystem(data: data), port: 0)
/// try await server.run { port in print("listening on \(port)") }
/// ```
public struct MockServer: Sendable {
    public let system: any MockSystem
    public let host: String
    public let port: Int
    public let stats: MockStats
    /// Serves https with this certificate when set, plain http otherwise.
    public let tls: MockTLS?
    private let injector: FaultInjector
    private let logger: Logger

    /// - Parameters:
    ///   - port: TCP port; 0 picks a free one (reported to `run`'s `onListening`).
    ///   - seed: seeds the error-rate draws, so fault runs are reproducible.
    ///   - tls: the certificate to serve https with; nil serves plain http.
    public init(
        system: any MockSystem, host: String = "127.0.0.1", port: Int, faults: MockFaults = .none, seed: UInt64 = 0,
        tls: MockTLS? = nil, logger: Logger = Logger(label: "lienthong.mock")
    ) {
        self.system = system
        self.host = host
        self.port = port
        self.tls = tls
        self.stats = MockStats()
        self.injector = FaultInjector(faults: faults, seed: seed)
        var logger = logger
        logger[metadataKey: "mock"] = .string(system.name)
        self.logger = logger
    }

    /// The faults in force now.
    public var faults: MockFaults { injector.faults }

    /// Changes the faults at run time (the same as `POST /_mock/faults`).
    public func setFaults(_ faults: MockFaults) throws(MockFaultsError) {
        injector.set(try faults.validated())
    }

    /// Serves until the task is cancelled, then stops gracefully (requests in flight finish).
    /// `onListening` receives the bound port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [try makeApplication(onListening: onListening)], gracefulShutdownSignals: [], logger: logger))
        // The group runs in its own task: cancelling ours must shut it down gracefully, whereas a
        // cancelled ServiceGroup cancels its services mid-request.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully (for the command line).
    public func runUntilSignalled(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await makeApplication(onListening: onListening).runService()
    }

    private func makeApplication(onListening: @escaping @Sendable (Int) async -> Void) throws -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: FaultMiddleware(injector: injector, stats: stats, internalErrorBody: system.internalErrorBody()))
        MockControlRoutes.add(to: router, system: system, stats: stats, injector: injector)
        system.addRoutes(to: router, stats: stats)
        let logger = self.logger
        let faults = injector.faults
        return Application(
            router: router, server: try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration) } ?? .http1(),
            configuration: .init(address: .hostname(host, port: port), serverName: "lienthong-mock-\(system.name)"),
            onServerRunning: { channel in
                let boundPort = channel.localAddress?.port ?? 0
                logger.info("mock listening", metadata: ["port": "\(boundPort)", "faults": "\(faults)"])
                await onListening(boundPort)
            },
            logger: logger)
    }
}
