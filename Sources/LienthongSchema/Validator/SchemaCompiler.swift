/// Turns a schema (and whatever it references) into a `CompiledSchema`.
///
/// Works in two steps over a work list, never recursing along the schema, so neither deep
/// schemas nor reference cycles can exhaust the stack:
/// 1. indexing: every document is walked once to find its resources (`$id`), anchors and the
///    base URI and dialect of each subschema (`SchemaCompiler+Indexing.swift`);
/// 2. compiling: starting at the root, each reachable schema location becomes one node; a
///    reference is resolved to its target location, which is compiled once and linked by index.
/// Finally, loops of in-place applicators are rejected (`ReferenceCycleDetector`).
struct SchemaCompiler {
    let options: JSONSchemaValidator.Options

    // Index.
    var documents: [SchemaDocument] = []
    var documentByURI: [String: Int] = [:]
    var locations: [LocationKey: SchemaLocationInfo] = [:]
    var resources: [SchemaResource] = []
    var resourceByURI: [String: Int] = [:]
    /// `absolute-uri#name` → location, for `$anchor`, `$dynamicAnchor` and draft-07 `$id: "#name"`.
    var anchors: [String: LocationKey] = [:]
    var dialectCache: [String: DialectRules] = [:]
    /// Root `$id` → registry key of the registry documents, built on first need.
    var registryRootIDs: [String: String]?

    // Compilation.
    var nodeIDs: [LocationKey: NodeID] = [:]
    var nodeKeys: [LocationKey] = []
    var nodes: [SchemaNode?] = []
    var pending: [NodeID] = []
    /// For each node, the nodes it applies to the same instance (cycle detection).
    var inPlaceEdges: [[NodeID]] = []
    var resourcesEntered: Set<Int> = []
    /// The `$dynamicAnchor` names `$dynamicRef`s use, numbered.
    var dynamicAnchorNames: [String: Int] = [:]
    var usesDynamicScope = false

    init(options: JSONSchemaValidator.Options) {
        self.options = options
    }

    /// Compiles `schema` (retrieved from `options.baseURI`) and everything it references.
    mutating func compile(_ schema: JSONValue) throws(SchemaCompileError) -> CompiledSchema {
        guard let baseURI = URIReference(options.baseURI), baseURI.isAbsolute else {
            throw SchemaCompileError(location: "", reason: .invalidURI(keyword: "baseURI", value: options.baseURI))
        }
        let document = try loadDocument(
            schema, retrievalURI: baseURI.withoutFragment, rules: DialectRules(options.defaultDialect), isPrimary: true)
        let root = node(at: LocationKey(document: document, pointer: ""))
        while let id = pending.popLast() {
            try compileNode(id)
        }

        // The loop above compiled every queued node (or threw), so no slot is empty and node
        // indices are unchanged by the unwrapping.
        let finished = nodes.compactMap { $0 }
        assert(finished.count == nodes.count, "every queued node is compiled")
        try ReferenceCycleDetector(edges: inPlaceEdges).check { path throws(SchemaCompileError) in
            throw cycleError(path)
        }
        return CompiledSchema(
            nodes: finished, root: root, usesDynamicScope: usesDynamicScope,
            dynamicAnchors: dynamicAnchorTable(), recursiveAnchors: recursiveAnchorTable(),
            maxDepth: options.maxEvaluationDepth)
    }

    /// The node for the schema at `key`, queued for compilation the first time it is asked for.
    mutating func node(at key: LocationKey) -> NodeID {
        if let existing = nodeIDs[key] { return existing }
        let id = nodes.count
        nodes.append(nil)
        nodeKeys.append(key)
        inPlaceEdges.append([])
        nodeIDs[key] = id
        pending.append(id)
        return id
    }

    private mutating func compileNode(_ id: NodeID) throws(SchemaCompileError) {
        let key = nodeKeys[id]
        let info = try locationInfo(key)
        enterResource(info.resource)
        let absoluteLocation =
            resources[info.resource].uri + "#" + PercentEncoding.encodeFragment(info.resourcePointer)
        switch info.value {
        case .bool(let valid):
            nodes[id] = SchemaNode(
                kind: valid ? .alwaysValid : .alwaysInvalid, resource: info.resource, absoluteLocation: absoluteLocation)
        case .object(let object):
            var keywords = KeywordCompilation(key: key, info: info, object: object)
            let entries = try keywords.compile(with: &self)
            inPlaceEdges[id] = keywords.inPlaceTargets
            nodes[id] = SchemaNode(
                kind: .keywords, keywords: entries, resource: info.resource, absoluteLocation: absoluteLocation)
        default:
            throw error(at: key, .notASchema(found: info.value.typeName))
        }
    }

    /// The first time a resource is evaluated from, its dynamic anchors (and 2019-09 recursive
    /// root) must exist as nodes, because a `$dynamicRef` elsewhere may land on them.
    private mutating func enterResource(_ resource: Int) {
        guard resourcesEntered.insert(resource).inserted else { return }
        for key in resources[resource].dynamicAnchors.values { _ = node(at: key) }
        if resources[resource].hasRecursiveAnchor { _ = node(at: resources[resource].root) }
    }

    /// The number of a `$dynamicAnchor` name used by a `$dynamicRef`.
    mutating func dynamicAnchorIndex(_ name: String) -> Int {
        if let index = dynamicAnchorNames[name] { return index }
        let index = dynamicAnchorNames.count
        dynamicAnchorNames[name] = index
        return index
    }

    private func dynamicAnchorTable() -> [[Int: NodeID]] {
        var table = [[Int: NodeID]](repeating: [:], count: dynamicAnchorNames.count)
        for resource in resourcesEntered {
            for (name, key) in resources[resource].dynamicAnchors {
                guard let index = dynamicAnchorNames[name], let id = nodeIDs[key] else { continue }
                table[index][resource] = id
            }
        }
        return table
    }

    private func recursiveAnchorTable() -> [Int: NodeID] {
        var table: [Int: NodeID] = [:]
        for resource in resourcesEntered where resources[resource].hasRecursiveAnchor {
            if let id = nodeIDs[resources[resource].root] { table[resource] = id }
        }
        return table
    }

    private func cycleError(_ path: [NodeID]) -> SchemaCompileError {
        let first = nodeKeys[path[0]]
        let names = path.map { id in
            let key = nodeKeys[id]
            return key.document == first.document ? key.pointer.isEmpty ? "#" : key.pointer : absoluteLocation(of: key)
        }
        return error(at: first, .referenceCycle(path: names))
    }

    private func absoluteLocation(of key: LocationKey) -> String {
        documents[key.document].retrievalURI + "#" + PercentEncoding.encodeFragment(key.pointer)
    }

    /// A compile error located at `key`, naming the document unless it is the primary schema.
    func error(at key: LocationKey, _ reason: SchemaCompileError.Reason) -> SchemaCompileError {
        let document = documents[key.document]
        return SchemaCompileError(
            location: key.pointer, documentURI: document.isPrimary ? nil : document.retrievalURI, reason: reason)
    }
}
