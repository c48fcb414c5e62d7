import BusinessRegistryPlugin
import DocumentAxisPlugin
import LandPlugin
import LienthongDeclarative
import LienthongPluginAPI
import PopulationPlugin

/// The adapters a gateway can use, by descriptor id (`adapter: population` in the configuration).
public struct PluginRegistry: Sendable {
    public let factories: [String: any LienthongPluginFactory]

    public init(factories: [String: any LienthongPluginFactory]) {
        self.factories = factories
    }

    /// A registry of `factories`, keyed by their descriptor ids.
    public init(_ factories: [any LienthongPluginFactory]) {
        self.init(factories: Dictionary(factories.map { ($0.descriptor.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The adapters built into the gateway (their targets live under `Plugins/`).
    public static let builtIn = PluginRegistry([
        PopulationPluginFactory(), LandPluginFactory(), BusinessRegistryPluginFactory(), DocumentAxisPluginFactory(),
    ])

    /// This registry with `more` factories added (a later id replaces an earlier one).
    public func adding(_ more: [any LienthongPluginFactory]) -> PluginRegistry {
        var factories = self.factories
        for factory in more { factories[factory.descriptor.id] = factory }
        return PluginRegistry(factories: factories)
    }

    /// This registry with the adapters `manifests` declare.
    public func adding(manifests: [AdapterManifest]) -> PluginRegistry {
        adding(manifests.map { DeclarativeAdapterFactory(manifest: $0) })
    }

    /// The factory for `id`, if registered.
    public func factory(id: String) -> (any LienthongPluginFactory)? { factories[id] }
}
