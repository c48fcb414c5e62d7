import BusinessRegistryPlugin
import LandPlugin
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
    /// The document axis adapter is added here when its factory exists.
    public static let builtIn = PluginRegistry([
        PopulationPluginFactory(), LandPluginFactory(), BusinessRegistryPluginFactory(),
    ])

    /// The factory for `id`, if registered.
    public func factory(id: String) -> (any LienthongPluginFactory)? { factories[id] }
}
