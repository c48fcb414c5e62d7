import ServiceLifecycle
import UnixSignals

/// Reloads the adapter manifests on every SIGHUP until the gateway shuts down.
struct PluginReloadService: Service {
    let runtime: GatewayRuntime
    /// Created before the servers start, so SIGHUP is trapped (and no longer terminates the
    /// process) from the moment the gateway announces it is serving.
    let hangups: UnixSignalsSequence

    static func trappingHangups(for runtime: GatewayRuntime) async -> PluginReloadService {
        PluginReloadService(runtime: runtime, hangups: await UnixSignalsSequence(trapping: .sighup))
    }

    func run() async {
        for await _ in hangups.cancelOnGracefulShutdown() {
            runtime.reloadPlugins()
        }
    }
}
