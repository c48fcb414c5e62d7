/// Schema documents the validator may load by URI when a `$ref` or `$schema` leaves the schema
/// being compiled. Nothing is ever fetched from the network: a reference is resolved against
/// these documents and the bundled metaschemas, or it is a compile error.
public struct SchemaRegistrySource: Sendable {
    /// Documents by absolute URI, without fragment, normalised (lower-case scheme and host).
    public private(set) var documents: [String: JSONValue]

    /// A registry holding `documents`, keyed by their absolute retrieval URIs
    /// (e.g. `http://localhost:1234/draft2020-12/integer.json`). Keys that are not absolute
    /// URIs are kept as written and can only be found by exactly that text.
    public init(_ documents: [String: JSONValue] = [:]) {
        self.documents = [:]
        for (uri, document) in documents { register(document, at: uri) }
    }

    /// Adds or replaces the document retrieved from `uri`.
    public mutating func register(_ document: JSONValue, at uri: String) {
        documents[Self.key(uri)] = document
    }

    /// The document registered at `uri`, else the bundled metaschema with that URI.
    func document(at uri: String) -> JSONValue? {
        let key = Self.key(uri)
        return documents[key] ?? BundledMetaschemas.document(at: key)
    }

    static func key(_ uri: String) -> String {
        guard let reference = URIReference(uri), reference.isAbsolute else { return uri }
        return reference.withoutFragment.description
    }
}
