import ServiceLifecycle
import UnixSignals

/// Reloads the adapter manifests on every SIGHUP until the gateway shuts down. Trapping SIGHUP
/// also keeps its default action (terminate) from stopping the gateway.
struct PluginReloadService: Service {
    let runtime: GatewayRuntime

    func run() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            runtime.reloadPlugins()
        }
    }
}
