import LienthongGateway
import LienthongStore
import Logging

/// One gateway of the demo assembled from its generated configuration, with its store.
struct DemoGateway: Sendable {
    let name: String
    let runtime: GatewayRuntime
    let store: GatewayStore

    /// Loads the configuration (ignoring the environment: the demo is self-contained), opens the
    /// store and assembles the gateway; on failure nothing is left open.
    static func assemble(name: String, configurationFile: String, logger: Logger) async throws -> DemoGateway {
        do {
            let configuration = try ConfigurationLoader(environment: [:], plugins: .builtIn).load(file: configurationFile)
            let identity = try GatewayIdentity.load(from: configuration.exchange)
            let store = try await GatewayStore.open(dataDirectory: configuration.dataDirectory)
            do {
                let runtime = try GatewayRuntime.build(
                    configuration: configuration, identity: identity, auditLog: store.auditLog,
                    replayGuard: store.replayGuard,
                    messagingStores: MessagingStores(outbox: store.outbox, inbox: store.inbox), plugins: .builtIn,
                    logger: logger)
                return DemoGateway(name: name, runtime: runtime, store: store)
            } catch {
                await store.close()
                throw error
            }
        } catch {
            throw CommandFailure("cannot start the \(name) gateway (\(configurationFile)): \(error)")
        }
    }

    /// Releases the adapters, the HTTP client and the store; after the servers stopped.
    func release() async {
        await runtime.shutdown()
        await store.close()
    }
}
