import Foundation
import LienthongYAML

/// Loads manifests from files and directories (every `*.yaml` and `*.yml` directly inside, in
/// name order, hidden files excepted), reporting every problem of every file at once. Refuses two manifests with the same
/// adapter id, an id that a built-in adapter already has, and a service declared twice.
public struct ManifestLoader: Sendable {
    /// Adapter ids that are taken (the built-in adapters).
    public let reservedIDs: Set<String>

    public init(reservedIDs: Set<String> = []) { self.reservedIDs = reservedIDs }

    /// The manifests at `paths` (files or directories), or every problem found.
    public func load(paths: [String]) throws(ConfigurationError) -> [AdapterManifest] {
        var issues: [ConfigurationIssue] = []
        var manifests: [AdapterManifest] = []
        for path in paths {
            for file in Self.manifestFiles(at: path, issues: &issues) {
                do throws(ConfigurationError) { manifests.append(try load(file: file)) } catch {
                    issues.append(contentsOf: error.issues)
                }
            }
        }
        issues.append(contentsOf: conflicts(among: manifests))
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return manifests
    }

    /// One manifest file.
    public func load(file: String) throws(ConfigurationError) -> AdapterManifest {
        let root = try YAMLDocument.read(file: file)
        let reader = YAMLReader(file: file)
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        let manifest = ManifestParser(reader: reader, directory: directory).parse(root)
        guard reader.issues.isEmpty, let manifest else { throw ConfigurationError(issues: reader.issues) }
        return manifest
    }

    /// The files a path stands for: itself, or the YAML files directly inside a directory.
    static func manifestFiles(at path: String, issues: inout [ConfigurationIssue]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            issues.append(ConfigurationIssue(file: path, line: nil, column: nil, path: "", message: "no such file or directory"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            issues.append(ConfigurationIssue(file: path, line: nil, column: nil, path: "", message: "the directory cannot be read"))
            return []
        }
        // Hidden files (editors' backups) are not manifests.
        return names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
            .map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
    }

    private func conflicts(among manifests: [AdapterManifest]) -> [ConfigurationIssue] {
        var issues: [ConfigurationIssue] = []
        var byID: [String: AdapterManifest] = [:]
        var byService: [String: AdapterManifest] = [:]
        for manifest in manifests {
            func issue(_ message: String) -> ConfigurationIssue {
                ConfigurationIssue(file: manifest.file, line: manifest.idLine, column: manifest.idColumn, path: "id", message: message)
            }
            if reservedIDs.contains(manifest.id) {
                issues.append(issue("\"\(manifest.id)\" is the id of a built-in adapter; choose another"))
            }
            if let earlier = byID[manifest.id] {
                issues.append(issue("adapter \"\(manifest.id)\" is already declared by \(earlier.file)"))
            } else {
                byID[manifest.id] = manifest
            }
            for mapping in manifest.services {
                if let earlier = byService[mapping.service.rawValue], earlier.file != manifest.file {
                    issues.append(issue("service \(mapping.service) is already declared by \(earlier.file)"))
                } else {
                    byService[mapping.service.rawValue] = manifest
                }
            }
        }
        return issues
    }
}
