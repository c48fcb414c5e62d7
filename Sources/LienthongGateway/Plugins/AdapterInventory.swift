import LienthongCore
import LienthongPluginAPI

/// Every adapter a configuration uses or declares, with its version, kind and services: what
/// `lienthong plugin list` prints.
public struct AdapterInventory: Sendable {
    /// Where an adapter comes from.
    public enum Kind: String, Sendable {
        case builtIn = "built-in"
        case manifest
        /// An external plugin: its version and services are known from its descriptor once it
        /// runs, so the inventory lists the services the configuration gives it.
        case external
    }

    public struct Entry: Sendable {
        public let id: String
        public let version: String
        public let kind: Kind
        public let summary: String
        /// The manifest file, for declared adapters; the command, for external plugins.
        public let source: String?
        public let services: [ServiceID]
        /// The services this configuration provides through the adapter.
        public let usedFor: Set<ServiceID>
    }

    public let entries: [Entry]

    /// The built-in adapters the configuration's services use, every adapter its manifests declare,
    /// and its external plugins.
    public init(configuration: GatewayConfiguration, builtIn: PluginRegistry = .builtIn) {
        var usedFor: [String: Set<ServiceID>] = [:]
        for (service, provided) in configuration.services { usedFor[provided.adapter, default: []].insert(service) }
        var entries: [Entry] = []
        for (id, factory) in builtIn.factories where usedFor[id] != nil {
            let descriptor = factory.descriptor
            entries.append(Entry(
                id: id, version: descriptor.version, kind: .builtIn, summary: descriptor.summary, source: nil,
                services: descriptor.services.map(\.service), usedFor: usedFor[id] ?? []))
        }
        for manifest in configuration.plugins.manifests {
            entries.append(Entry(
                id: manifest.id, version: manifest.version, kind: .manifest, summary: manifest.summary, source: manifest.file,
                services: manifest.services.map(\.service), usedFor: usedFor[manifest.id] ?? []))
        }
        for plugin in configuration.externalPlugins {
            let services = (usedFor[plugin.id] ?? []).sorted()
            entries.append(Entry(
                id: plugin.id, version: "(from its descriptor; lienthong plugin check)", kind: .external,
                summary: "external plugin", source: plugin.command.joined(separator: " "), services: services,
                usedFor: usedFor[plugin.id] ?? []))
        }
        self.entries = entries.sorted { $0.id < $1.id }
    }
}
