import Foundation
import LienthongDeclarative
import LienthongGateway
import LienthongSchema

/// Checks manifests as the gateway loads them, then compiles their schemas and notes secrets that
/// this environment does not provide; prints a summary of each adapter.
struct ManifestCheck {
    let path: String

    func run() throws {
        let manifests: [AdapterManifest]
        do {
            manifests = try ManifestLoader(reservedIDs: Set(PluginRegistry.builtIn.factories.keys)).load(paths: [path])
        } catch {
            throw CommandFailure("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in \(path):\n\(error)")
        }
        guard !manifests.isEmpty else { throw CommandFailure("\(path) holds no manifest (*.yaml, *.yml)") }
        let catalog: SchemaCatalog
        do {
            catalog = try SchemaCatalog.load(fileSets: manifests.map(\.schemaFileSet))
        } catch {
            throw CommandFailure("schemas: \(error)")
        }
        let mismatches = manifests.flatMap { $0.catalogMismatches(in: catalog) }
        guard mismatches.isEmpty else {
            throw CommandFailure(mismatches.joined(separator: "\n") + "\n(only the bundled schemas are known here)")
        }
        for manifest in manifests { print(Self.summary(of: manifest)) }
        for note in manifests.flatMap(Self.secretNotes) { print("note: \(note)") }
        print(manifests.count == 1 ? "manifest OK" : "\(manifests.count) manifests OK")
    }

    static func summary(of manifest: AdapterManifest) -> String {
        var lines = ["\(manifest.id) \(manifest.version) (\(manifest.file)): \(manifest.summary)"]
        let upstream = manifest.upstream
        lines.append("  upstream \(upstream.baseURL), attempt timeout \(upstream.timeout), retries \(upstream.retries)")
        for service in manifest.services {
            let request = service.request
            lines.append("  \(service.service): \(request.method.rawValue) \(request.path) → \(service.response.format.rawValue) answer"
                + (service.retries > 0 ? ", retries \(service.retries)" : ""))
            lines.append("    request schema  \(service.requestSchemaID)")
            lines.append("    response schema \(service.responseSchemaID)")
        }
        return lines.joined(separator: "\n")
    }

    /// Secrets the adapter could not read here (they are read when the gateway starts or reloads).
    static func secretNotes(of manifest: AdapterManifest) -> [String] {
        manifest.secrets.sorted(by: { $0.key < $1.key }).compactMap { name, source in
            switch source {
            case .environment(let variable):
                ProcessInfo.processInfo.environment[variable] == nil
                    ? "\(manifest.id): secret \(name) needs environment variable \(variable), which is not set here" : nil
            case .file(let file):
                FileManager.default.isReadableFile(atPath: file) ? nil : "\(manifest.id): secret \(name) needs file \(file), which is not readable here"
            }
        }
    }
}
