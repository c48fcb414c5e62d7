/// Reference resolution: a `$ref` value, resolved against the base URI in effect, names a
/// resource (loaded from the registry on first use) and, in its fragment, a JSON Pointer into
/// it or an anchor.
extension SchemaCompiler {
    /// The location a reference keyword's value designates.
    mutating func referenceTarget(
        _ value: JSONValue, keyword: String, at key: LocationKey, info: SchemaLocationInfo
    ) throws(SchemaCompileError) -> LocationKey {
        let keywordKey = key.appending(keyword)
        guard case .string(let text) = value else {
            throw error(
                at: keywordKey,
                .invalidKeywordValue(keyword: keyword, expected: "a URI reference string", found: value.typeName))
        }
        guard let reference = URIReference(text) else {
            throw error(at: keywordKey, .invalidURI(keyword: keyword, value: text))
        }
        let absolute = reference.resolved(against: info.baseURI)
        let unresolvable = error(at: keywordKey, .unresolvableReference(reference: text, resolved: absolute.description))
        guard let resource = try resource(at: absolute.withoutFragment, referencedFrom: keywordKey) else {
            throw unresolvable
        }
        let root = resources[resource].root
        let fragment = absolute.fragment ?? ""
        if fragment.isEmpty { return root }

        if fragment.hasPrefix("/") {
            guard let pointer = try? JSONPointer(uriFragment: fragment) else {
                throw error(at: keywordKey, .invalidURI(keyword: keyword, value: text))
            }
            var target = root
            for token in pointer.tokens { target = target.appending(token) }
            guard let targetInfo = try? locationInfo(target) else { throw unresolvable }
            switch targetInfo.value {
            case .object, .bool:
                return target
            default:
                throw error(at: keywordKey, .referenceToNonSchema(reference: text, found: targetInfo.value.typeName))
            }
        }
        let name = PercentEncoding.decode(Substring(fragment)) ?? fragment
        guard let anchored = anchors[resources[resource].uri + "#" + name] ?? anchors[absolute.withoutFragment.description + "#" + name]
        else { throw unresolvable }
        return anchored
    }

    /// The resource with absolute URI `uri`, loading the registry document (or bundled
    /// metaschema) retrieved from that URI when no loaded resource has it, or else the registry
    /// document whose root `$id` is that URI (registered under another retrieval URI).
    private mutating func resource(at uri: URIReference, referencedFrom key: LocationKey) throws(SchemaCompileError) -> Int? {
        if let known = resourceByURI[uri.description] { return known }
        if documentByURI[uri.description] == nil, let document = options.registry.document(at: uri.description) {
            _ = try loadDocument(document, retrievalURI: uri, rules: DialectRules(options.defaultDialect), isPrimary: false)
            return resourceByURI[uri.description]
        }
        guard let retrievalURI = registryKey(declaring: uri), documentByURI[retrievalURI] == nil,
            let document = options.registry.document(at: retrievalURI), let retrieval = URIReference(retrievalURI)
        else { return nil }
        _ = try loadDocument(document, retrievalURI: retrieval, rules: DialectRules(options.defaultDialect), isPrimary: false)
        return resourceByURI[uri.description]
    }

    /// The registry key of the document whose root `$id` resolves to `uri`, if any.
    private mutating func registryKey(declaring uri: URIReference) -> String? {
        if registryRootIDs == nil {
            var ids: [String: String] = [:]
            for (retrievalURI, document) in options.registry.documents {
                guard case .string(let id)? = document[key: "$id"], let base = URIReference(retrievalURI),
                    let reference = URIReference(id)
                else { continue }
                ids[reference.resolved(against: base).withoutFragment.description] = retrievalURI
            }
            registryRootIDs = ids
        }
        return registryRootIDs?[uri.description]
    }

    /// What is known about the schema at `key`. Locations the index did not visit (reached by a
    /// JSON Pointer through an unknown keyword) take the base URI and dialect of their nearest
    /// indexed ancestor.
    func locationInfo(_ key: LocationKey) throws(SchemaCompileError) -> SchemaLocationInfo {
        if let known = locations[key] { return known }
        guard let pointer = try? JSONPointer(key.pointer), let value = pointer.resolve(in: documents[key.document].root)
        else {
            throw error(at: key, .unresolvableReference(reference: "#" + key.pointer, resolved: "#" + key.pointer))
        }
        var ancestorTokens = pointer.tokens
        var remainder: [String] = []
        while let last = ancestorTokens.popLast() {
            remainder.insert(last, at: 0)
            let ancestorPointer = ancestorTokens.reduce("") { LocationKey.pointer($0, appending: $1) }
            guard let ancestor = locations[LocationKey(document: key.document, pointer: ancestorPointer)] else { continue }
            return SchemaLocationInfo(
                value: value, baseURI: ancestor.baseURI, resource: ancestor.resource,
                resourcePointer: remainder.reduce(ancestor.resourcePointer) { LocationKey.pointer($0, appending: $1) },
                rules: ancestor.rules)
        }
        // The document root is always indexed, so the loop returns before getting here.
        throw error(at: key, .unresolvableReference(reference: "#" + key.pointer, resolved: "#" + key.pointer))
    }
}
