import Foundation

/// The schemas a gateway validates messages against: the bundled ones (compiled into the binary
/// from `schemas/`) and any directories the configuration adds. Every schema is compiled once, at
/// start-up; a schema that does not parse or compile stops the start with the file and the reason.
///
/// A directory is read like the bundled set: every `*.json` file below it (except `testdata/`) is a
/// schema with an absolute `$id`, and an `index.json` at its top may map services to request and
/// response schemas. A later source may add services but not redefine a schema `$id`.
public struct SchemaCatalog: Sendable {
    /// One compiled schema and where it came from.
    public struct Entry: Sendable {
        /// The schema's `$id`.
        public let id: String
        /// `bundled:<path>` for a bundled schema, else the file's path.
        public let origin: String
        public let title: String?
        public let validator: JSONSchemaValidator
    }

    /// The request and response schemas of one service.
    public struct ServiceSchemas: Sendable {
        public let service: String
        public let request: Entry
        public let response: Entry
    }

    /// All schemas, ordered by `$id`.
    public let entries: [Entry]
    /// Services by service id (`population.citizen.lookup/v1`).
    public let services: [String: ServiceSchemas]
    private let byID: [String: Entry]

    /// The schema whose `$id` is `id`.
    public func schema(id: String) -> Entry? { byID[id] }

    /// The request and response schemas of `service`.
    public func schemas(forService service: String) -> ServiceSchemas? { services[service] }

    /// Loads and compiles the bundled schemas and those in `directories`.
    ///
    /// - Parameter formatAssertion: whether `format` is checked (the gateway checks it: a
    ///   malformed date of birth is a bad message, not an annotation).
    /// - Parameter fileSets: further schemas given file by file with their services (adapter
    ///   manifests), loaded after the directories.
    public static func load(
        directories: [URL] = [], fileSets: [SchemaFileSet] = [], includeBundled: Bool = true, formatAssertion: Bool = true
    ) throws(SchemaCatalogError) -> SchemaCatalog {
        var sources: [SchemaSource] = []
        if includeBundled {
            sources.append(SchemaSource(
                name: "bundled schemas",
                files: BundledSchemas.files.map { (origin: "bundled:\($0.path)", relativePath: $0.path, bytes: Array($0.json.utf8)) }))
        }
        for directory in directories { sources.append(try SchemaSource.read(directory: directory)) }
        sources.append(contentsOf: fileSets.map(\.source))
        return try SchemaCatalogBuilder(formatAssertion: formatAssertion).build(sources)
    }

    /// A catalog with no schemas (for stages built without one, e.g. in tests).
    public static let empty = SchemaCatalog(entries: [], services: [:], registry: SchemaRegistrySource())

    /// A registry holding every schema of the catalog, for compiling other schemas that `$ref` them
    /// (e.g. a user's schema given to `lienthong schema validate`).
    public let registry: SchemaRegistrySource

    init(entries: [Entry], services: [String: ServiceSchemas], registry: SchemaRegistrySource) {
        self.entries = entries.sorted { $0.id < $1.id }
        self.services = services
        self.registry = registry
        self.byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Why the schema catalog could not be built: the file and the reason.
public struct SchemaCatalogError: Error, Sendable, CustomStringConvertible {
    /// The file (or `bundled:<path>`) at fault, or the directory when it cannot be read.
    public let origin: String
    public let reason: String

    public init(origin: String, reason: String) {
        self.origin = origin
        self.reason = reason
    }

    public var description: String { "\(origin): \(reason)" }
}

/// The JSON files of one source of schemas, before parsing.
struct SchemaSource: Sendable {
    let name: String
    let files: [(origin: String, relativePath: String, bytes: [UInt8])]

    static func read(directory: URL) throws(SchemaCatalogError) -> SchemaSource {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SchemaCatalogError(origin: directory.path, reason: "is not a directory")
        }
        guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SchemaCatalogError(origin: directory.path, reason: "cannot be read")
        }
        let root = directory.standardizedFileURL.path
        var files: [(String, String, [UInt8])] = []
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : url.lastPathComponent
            if relative.split(separator: "/").first == "testdata" {
                enumerator.skipDescendants()
                continue
            }
            guard url.pathExtension == "json" else { continue }
            guard let data = manager.contents(atPath: path) else {
                throw SchemaCatalogError(origin: path, reason: "cannot be read")
            }
            files.append((path, relative, Array(data)))
        }
        files.sort { $0.1 < $1.1 }
        return SchemaSource(name: directory.path, files: files)
    }
}
