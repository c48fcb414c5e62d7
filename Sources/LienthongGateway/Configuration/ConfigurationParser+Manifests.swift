import Foundation
import LienthongDeclarative

/// The `plugins.manifests` section: adapter manifests (declarative HTTP adapters).
///
///     plugins:
///       manifests:                       # files, or directories whose *.yaml / *.yml are read
///         - adapters/health-insurance.yaml
///         - /etc/lienthong/adapters
extension ConfigurationParser {
    /// Reads `manifests` under `plugins` (the section may hold other kinds of plugin; the caller
    /// finishes it). Each manifest is read and checked now, its problems reported at their place
    /// in the manifest file. `reservedIDs`: adapter ids taken by built-in adapters and external
    /// plugins, which a manifest may not reuse.
    func manifestSection(_ plugins: MappingReader, reservedIDs: Set<String>) -> GatewayConfiguration.PluginSettings {
        var paths: [String] = []
        for item in plugins.strings("manifests") ?? [] {
            let resolved = manifestPath(item.text)
            if FileManager.default.fileExists(atPath: resolved) { paths.append(resolved) } else {
                reader.report("file or directory \(resolved) does not exist", at: item.node, path: "plugins.manifests")
            }
        }
        let manifests: [AdapterManifest]
        do { manifests = try ManifestLoader(reservedIDs: reservedIDs).load(paths: paths) } catch {
            reader.append(error.issues)
            manifests = []
        }
        return GatewayConfiguration.PluginSettings(manifestPaths: paths, manifests: manifests)
    }

    /// A manifest path relative to the configuration file's directory.
    private func manifestPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }
}
