import Foundation
import LienthongDeclarative
import LienthongYAML

/// A temporary directory holding manifests and schema files, removed by `remove()`.
struct ManifestFiles {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("manifests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/schemas", withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A request and a response schema that accept any object, with `$id`s under `name`.
    func writeOpenSchemas(_ name: String) throws {
        for kind in ["request", "response"] {
            try write("schemas/\(name).\(kind).json", """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://schemas.test.vn/\(name).\(kind).json", "type": "object"}
                """)
        }
    }

    /// Loads the manifest `name`.
    func load(_ name: String) throws -> AdapterManifest {
        try ManifestLoader().load(file: directory + "/" + name)
    }

    /// The issues loading `name` reports, as `file:line:column: path: reason` without the directory
    /// (empty when it loads).
    func issues(_ name: String) -> [String] {
        do throws(ConfigurationError) {
            _ = try ManifestLoader().load(file: directory + "/" + name)
            return []
        } catch {
            return error.issues.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        }
    }
}

/// The repository's root, for the examples.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}
