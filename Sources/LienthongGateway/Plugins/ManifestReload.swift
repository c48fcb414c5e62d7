import Foundation
import LienthongCore
import LienthongDeclarative
import LienthongPluginAPI
import LienthongSchema

/// Builds the next plugin-table generation from the manifests as they are on disk now: the
/// services that use a manifest's adapter get a new plugin (secrets read again), every other
/// adapter (built-in, external) carries over unchanged, and the catalog is rebuilt with the new
/// manifests' schemas. Nothing is installed unless everything checks out.
struct ManifestReload: Sendable {
    let configuration: GatewayConfiguration
    /// The adapters that do not come from manifests.
    let registry: PluginRegistry
    let environment: PluginEnvironment
    let table: PluginTable

    /// Names the configuration in problems that are about it rather than about a manifest.
    static let configurationFile = "configuration"

    func run() throws(ConfigurationError) -> PluginTable.Generation {
        let manifests = try ManifestLoader(reservedIDs: Set(registry.factories.keys)).load(paths: configuration.plugins.manifestPaths)
        let current = table.current
        let declared = Dictionary(manifests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let before = Set(current.manifests.map(\.id))
        var issues: [ConfigurationIssue] = []
        func report(_ service: ServiceID, _ message: String) {
            issues.append(ConfigurationIssue(
                file: Self.configurationFile, line: nil, column: nil, path: "services.\"\(service)\"", message: message))
        }

        var plugins = current.plugins
        var made: [String: any LienthongPlugin] = [:]
        for (service, provided) in configuration.services.sorted(by: { $0.key < $1.key })
        where before.contains(provided.adapter) || declared[provided.adapter] != nil {
            guard let manifest = declared[provided.adapter] else {
                report(service, "adapter \"\(provided.adapter)\" is no longer declared by any manifest")
                continue
            }
            guard manifest.mapping(for: service) != nil else {
                report(service, "adapter \"\(provided.adapter)\" (\(manifest.file)) no longer provides \(service)")
                continue
            }
            // Services with the same adapter and settings share one plugin, as at start.
            let key = provided.adapter + "\u{0}" + provided.settings.serialized()
            if let shared = made[key] {
                plugins[service] = shared
                continue
            }
            do throws(PluginConfigurationError) {
                let plugin = try DeclarativeAdapterFactory(manifest: manifest).make(settings: provided.settings, environment: environment)
                made[key] = plugin
                plugins[service] = plugin
            } catch {
                report(service, "\(error)")
            }
        }

        let catalog: SchemaCatalog
        do throws(SchemaCatalogError) {
            catalog = try SchemaCatalog.load(
                directories: configuration.schemaDirectories.map { URL(fileURLWithPath: $0) }, fileSets: manifests.map(\.schemaFileSet))
            for mismatch in manifests.flatMap({ $0.catalogMismatches(in: catalog) }) {
                issues.append(ConfigurationIssue(file: Self.configurationFile, line: nil, column: nil, path: "plugins.manifests", message: mismatch))
            }
            let needed = Set(configuration.routes.keys).union(configuration.services.keys)
            for service in needed.sorted() where catalog.schemas(forService: service.rawValue) == nil {
                report(service, "no request/response schemas for \(service) any more")
            }
        } catch {
            issues.append(ConfigurationIssue(file: error.origin, line: nil, column: nil, path: "", message: error.reason))
            throw ConfigurationError(issues: issues)
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return table.install(plugins: plugins, catalog: catalog, manifests: manifests)
    }
}
