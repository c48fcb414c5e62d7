import LienthongCore
import LienthongDeclarative
import LienthongPluginAPI
import LienthongSchema
import Synchronization

/// The adapters and schemas the gateway serves with, replaced as a whole when manifests are
/// reloaded (SIGHUP). A message takes the current generation once and uses it from request
/// validation to response validation, so a reload never changes the schemas or the adapter under a
/// message in flight: it finishes on the version it started with, and the old generation goes
/// away when its last message does.
public final class PluginTable: Sendable {
    /// One consistent set of adapters and schemas.
    public struct Generation: Sendable {
        /// 1 at start, one more at every successful reload.
        public let number: Int
        /// The adapter of each provided service.
        public let plugins: [ServiceID: any LienthongPlugin]
        /// The bundled schemas, the configured schema directories and the manifests' schemas.
        public let catalog: SchemaCatalog
        /// The manifests this generation was built from.
        public let manifests: [AdapterManifest]

        public init(number: Int, plugins: [ServiceID: any LienthongPlugin], catalog: SchemaCatalog, manifests: [AdapterManifest] = []) {
            self.number = number
            self.plugins = plugins
            self.catalog = catalog
            self.manifests = manifests
        }
    }

    private let state: Mutex<Generation>

    public init(_ first: Generation) { state = Mutex(first) }

    /// A table that is never reloaded.
    public convenience init(plugins: [ServiceID: any LienthongPlugin], catalog: SchemaCatalog) {
        self.init(Generation(number: 1, plugins: plugins, catalog: catalog))
    }

    /// The generation new messages use.
    public var current: Generation { state.withLock { $0 } }

    /// Installs the next generation; messages that already took the previous one keep it.
    @discardableResult
    public func install(plugins: [ServiceID: any LienthongPlugin], catalog: SchemaCatalog, manifests: [AdapterManifest]) -> Generation {
        state.withLock { current in
            current = Generation(number: current.number + 1, plugins: plugins, catalog: catalog, manifests: manifests)
            return current
        }
    }
}
