/// A place in a loaded document: the document's index and an escaped JSON Pointer into it.
struct LocationKey: Hashable, Sendable {
    let document: Int
    let pointer: String

    func appending(_ tokens: String...) -> LocationKey {
        var pointer = self.pointer
        for token in tokens { pointer = Self.pointer(pointer, appending: token) }
        return LocationKey(document: document, pointer: pointer)
    }

    /// The escaped pointer text `pointer` with `token` appended.
    static func pointer(_ pointer: String, appending token: String) -> String {
        pointer + "/" + JSONPointer.escape(token)
    }
}

/// What the index knows about one schema location.
struct SchemaLocationInfo {
    let value: JSONValue
    /// The base URI in effect inside this schema (after its own `$id`), absolute, no fragment.
    let baseURI: URIReference
    /// The schema resource the location belongs to.
    let resource: Int
    /// The location's pointer relative to its resource's root, for canonical absolute URIs.
    let resourcePointer: String
    let rules: DialectRules
}

/// A schema resource: a schema with an absolute URI of its own (`$id`, or a document's
/// retrieval URI), which is the unit of `$dynamicRef`'s dynamic scope.
struct SchemaResource {
    let uri: String
    let root: LocationKey
    var dynamicAnchors: [String: LocationKey] = [:]
    var hasRecursiveAnchor = false
}

/// A loaded JSON document: the schema being compiled, a registry document or a metaschema.
struct SchemaDocument {
    let retrievalURI: String
    let root: JSONValue
    /// True for the schema handed to the validator (its errors carry no document URI).
    let isPrimary: Bool
}
