/// Indexing: one walk over each loaded document through the keywords that hold subschemas,
/// recording schema resources (`$id`), anchors and, for each subschema, its base URI, resource
/// and dialect. Values under other keywords (`enum`, `const`, unknown keywords) are data, so an
/// `$id` or `$anchor` inside them identifies nothing.
extension SchemaCompiler {
    private struct PendingSchema {
        let pointer: String
        let value: JSONValue
        let baseURI: URIReference
        let resource: Int?
        let resourcePointer: String
        let rules: DialectRules
    }

    /// Loads and indexes `root`, retrieved from `retrievalURI`; returns the document index.
    mutating func loadDocument(
        _ root: JSONValue, retrievalURI: URIReference, rules: DialectRules, isPrimary: Bool
    ) throws(SchemaCompileError) -> Int {
        let document = documents.count
        documents.append(SchemaDocument(retrievalURI: retrievalURI.description, root: root, isPrimary: isPrimary))
        documentByURI[retrievalURI.description] = document
        var stack = [
            PendingSchema(pointer: "", value: root, baseURI: retrievalURI, resource: nil, resourcePointer: "", rules: rules)
        ]
        while let schema = stack.popLast() {
            try index(schema, in: document, retrievalURI: retrievalURI, pushingChildrenOnto: &stack)
        }
        return document
    }

    private mutating func index(
        _ schema: PendingSchema, in document: Int, retrievalURI: URIReference, pushingChildrenOnto stack: inout [PendingSchema]
    ) throws(SchemaCompileError) {
        let key = LocationKey(document: document, pointer: schema.pointer)
        let isDocumentRoot = schema.resource == nil
        guard case .object(let object) = schema.value else {
            // Boolean schemas (and non-schemas, reported when compiled) only need their place.
            let resource = schema.resource ?? addResource(uri: retrievalURI, root: key)
            locations[key] = SchemaLocationInfo(
                value: schema.value, baseURI: schema.baseURI, resource: resource,
                resourcePointer: schema.resourcePointer, rules: schema.rules)
            return
        }
        let reader = KeywordReader(key: key, object: object, documentURI: documentURI(of: key))

        var rules = schema.rules
        if let metaschema = try reader.string("$schema"), isDocumentRoot || object["$id"] != nil {
            rules = try dialectRules(forMetaschema: metaschema, at: key.appending("$schema"))
        }

        // Identification: "$id" may start a new resource; draft-07 "$id": "#name" is an anchor.
        var baseURI = schema.baseURI
        var newResourceURI: URIReference?
        var anchorNames: [String] = []
        if let id = try reader.string("$id"), !(rules.dialect == .draft07 && object["$ref"] != nil) {
            guard let reference = URIReference(id) else {
                throw error(at: key.appending("$id"), .invalidURI(keyword: "$id", value: id))
            }
            let resolved = reference.resolved(against: baseURI)
            let fragment = resolved.fragment ?? ""
            if rules.dialect == .draft07 {
                if !id.hasPrefix("#") { newResourceURI = resolved.withoutFragment }
                if !fragment.isEmpty && !fragment.hasPrefix("/") { anchorNames.append(fragment) }
            } else {
                guard fragment.isEmpty else { throw error(at: key.appending("$id"), .identifierWithFragment(id)) }
                newResourceURI = resolved.withoutFragment
            }
        }

        var resource = schema.resource ?? -1
        var resourcePointer = schema.resourcePointer
        if isDocumentRoot || newResourceURI != nil {
            let uri = newResourceURI ?? retrievalURI
            resource = addResource(uri: uri, root: key)
            if isDocumentRoot && uri != retrievalURI && resourceByURI[retrievalURI.description] == nil {
                resourceByURI[retrievalURI.description] = resource
            }
            baseURI = uri
            resourcePointer = ""
        }

        if rules.dialect != .draft07, let anchor = try reader.string("$anchor") { anchorNames.append(anchor) }
        if rules.dialect == .draft2020_12, let anchor = try reader.string("$dynamicAnchor") {
            anchorNames.append(anchor)
            if resources[resource].dynamicAnchors[anchor] == nil { resources[resource].dynamicAnchors[anchor] = key }
        }
        if rules.dialect == .draft2019_09, resourcePointer.isEmpty, try reader.boolean("$recursiveAnchor") == true {
            resources[resource].hasRecursiveAnchor = true
        }
        for name in anchorNames {
            let anchorURI = baseURI.description + "#" + name
            if anchors[anchorURI] == nil { anchors[anchorURI] = key }
        }

        locations[key] = SchemaLocationInfo(
            value: schema.value, baseURI: baseURI, resource: resource, resourcePointer: resourcePointer, rules: rules)

        for (tokens, child) in Self.subschemas(of: object, dialect: rules.dialect) {
            var pointer = schema.pointer
            var childResourcePointer = resourcePointer
            for token in tokens {
                pointer = LocationKey.pointer(pointer, appending: token)
                childResourcePointer = LocationKey.pointer(childResourcePointer, appending: token)
            }
            stack.append(
                PendingSchema(
                    pointer: pointer, value: child, baseURI: baseURI, resource: resource,
                    resourcePointer: childResourcePointer, rules: rules))
        }
    }

    /// Registers a resource; when two resources claim one URI, the first keeps it.
    private mutating func addResource(uri: URIReference, root: LocationKey) -> Int {
        let id = resources.count
        resources.append(SchemaResource(uri: uri.description, root: root))
        if resourceByURI[uri.description] == nil { resourceByURI[uri.description] = id }
        return id
    }

    /// The subschemas directly inside `object`, with the pointer tokens leading to each.
    private static func subschemas(of object: JSONObject, dialect: SchemaDialect) -> [([String], JSONValue)] {
        var found: [([String], JSONValue)] = []
        for member in object {
            switch (member.key, member.value) {
            case ("additionalProperties", _), ("propertyNames", _), ("contains", _), ("not", _), ("if", _),
                ("then", _), ("else", _), ("additionalItems", _):
                found.append(([member.key], member.value))
            case ("unevaluatedProperties", _), ("unevaluatedItems", _), ("contentSchema", _):
                if dialect != .draft07 { found.append(([member.key], member.value)) }
            case ("items", .array(let items)), ("prefixItems", .array(let items)), ("allOf", .array(let items)),
                ("anyOf", .array(let items)), ("oneOf", .array(let items)):
                for (index, item) in items.enumerated() { found.append(([member.key, String(index)], item)) }
            case ("items", _):
                found.append(([member.key], member.value))
            case ("definitions", .object(let members)), ("properties", .object(let members)),
                ("patternProperties", .object(let members)):
                for child in members { found.append(([member.key, child.key], child.value)) }
            case ("$defs", .object(let members)), ("dependentSchemas", .object(let members)):
                if dialect != .draft07 {
                    for child in members { found.append(([member.key, child.key], child.value)) }
                }
            case ("dependencies", .object(let members)):
                for child in members {
                    if case .array = child.value { continue }
                    found.append(([member.key, child.key], child.value))
                }
            default:
                continue
            }
        }
        return found
    }

    /// The rules a `$schema` value selects: a known dialect, or a custom metaschema from the
    /// registry whose own `$schema` gives the dialect and whose `$vocabulary` the keywords.
    mutating func dialectRules(forMetaschema text: String, at key: LocationKey) throws(SchemaCompileError) -> DialectRules {
        var visited: [String] = []
        return try dialectRules(forMetaschema: text, at: key, visited: &visited)
    }

    private mutating func dialectRules(
        forMetaschema text: String, at key: LocationKey, visited: inout [String]
    ) throws(SchemaCompileError) -> DialectRules {
        if let dialect = SchemaDialect(metaschemaURI: text) { return DialectRules(dialect) }
        guard let reference = URIReference(text), reference.isAbsolute else {
            throw error(at: key, .invalidURI(keyword: "$schema", value: text))
        }
        let uri = reference.withoutFragment.description
        if let cached = dialectCache[uri] { return cached }
        guard !visited.contains(uri), visited.count < 8 else { throw error(at: key, .metaschemaChainTooLong(text)) }
        visited.append(uri)
        guard case .object(let metaschema) = options.registry.document(at: uri) else {
            throw error(at: key, .unknownMetaschema(text))
        }

        var base = DialectRules(options.defaultDialect)
        // A metaschema naming itself as its own `$schema` gets the default dialect.
        if case .string(let parent) = metaschema["$schema"], SchemaRegistrySource.key(parent) != uri {
            base = try dialectRules(forMetaschema: parent, at: key, visited: &visited)
        }
        var rules = base
        if case .object(let vocabularies) = metaschema["$vocabulary"] {
            var enabled: Vocabularies = .core
            for (vocabulary, required) in vocabularies {
                if let known = Vocabularies.named(vocabulary, in: base.dialect) {
                    enabled.insert(known)
                } else if required == .bool(true) {
                    throw error(at: key, .unsupportedVocabulary(vocabulary))
                }
            }
            rules = DialectRules(base.dialect, vocabularies: enabled)
        }
        dialectCache[uri] = rules
        return rules
    }

    /// The document URI to name in errors at `key`: nil for the schema given to the validator.
    func documentURI(of key: LocationKey) -> String? {
        let document = documents[key.document]
        return document.isPrimary ? nil : document.retrievalURI
    }
}
