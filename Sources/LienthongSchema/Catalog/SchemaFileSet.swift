/// Schemas given file by file with the services they serve, for sources that are not laid out as a
/// schema directory with an `index.json` (the schema files an adapter manifest names).
public struct SchemaFileSet: Sendable {
    /// One schema file: where it came from (for messages) and its bytes.
    public struct File: Sendable {
        public let origin: String
        public let bytes: [UInt8]

        public init(origin: String, bytes: [UInt8]) {
            self.origin = origin
            self.bytes = bytes
        }
    }

    /// One service and the `$id`s of its request and response schemas.
    public struct Service: Sendable {
        public let service: String
        public let requestSchema: String
        public let responseSchema: String

        public init(service: String, requestSchema: String, responseSchema: String) {
            self.service = service
            self.requestSchema = requestSchema
            self.responseSchema = responseSchema
        }
    }

    /// Names the set in messages (e.g. the manifest's path).
    public let name: String
    public let files: [File]
    public let services: [Service]

    public init(name: String, files: [File], services: [Service]) {
        self.name = name
        self.files = files
        self.services = services
    }

    /// The set as a source: its files plus an index listing its services, as a directory would have.
    var source: SchemaSource {
        let rows: [JSONValue] = services.map { service in
            .object(JSONObject([
                ("service", .string(service.service)),
                ("request", .object(JSONObject([("$id", .string(service.requestSchema))]))),
                ("response", .object(JSONObject([("$id", .string(service.responseSchema))]))),
            ]))
        }
        let index = JSONValue.object(JSONObject([("services", .array(rows))]))
        // A file's origin is its path, never the bare "index.json" that marks an index.
        let schemaFiles = files.map { (origin: $0.origin, relativePath: "schema:" + $0.origin, bytes: $0.bytes) }
        return SchemaSource(name: name, files: schemaFiles + [(origin: name, relativePath: "index.json", bytes: index.serializedBytes())])
    }
}
