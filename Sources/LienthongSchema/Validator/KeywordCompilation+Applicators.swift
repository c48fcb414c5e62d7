/// Applicator keywords: subschemas applied to the same instance, to members and to items.
extension KeywordCompilation {
    // MARK: - Applicators on the same instance

    mutating func compileInPlaceApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
        if let nodes = try subschemaArray("allOf", &compiler) {
            inPlace.append(KeywordEntry(name: "allOf", keyword: .allOf(nodes)))
            inPlaceTargets += nodes
        }
        if let nodes = try subschemaArray("anyOf", &compiler) {
            inPlace.append(KeywordEntry(name: "anyOf", keyword: .anyOf(nodes)))
            inPlaceTargets += nodes
        }
        if let nodes = try subschemaArray("oneOf", &compiler) {
            inPlace.append(KeywordEntry(name: "oneOf", keyword: .oneOf(nodes)))
            inPlaceTargets += nodes
        }
        if let node = try subschema("not", &compiler) {
            inPlace.append(KeywordEntry(name: "not", keyword: .not(node)))
            inPlaceTargets.append(node)
        }
        if let condition = try subschema("if", &compiler) {
            let then = try subschema("then", &compiler)
            let otherwise = try subschema("else", &compiler)
            inPlace.append(
                KeywordEntry(name: "if", keyword: .conditional(.init(condition: condition, then: then, otherwise: otherwise))))
            inPlaceTargets += [condition, then, otherwise].compactMap { $0 }
        }
        if dialect != .draft07, let map = try subschemaMap("dependentSchemas", &compiler), !map.isEmpty {
            inPlace.append(KeywordEntry(name: "dependentSchemas", keyword: .dependentSchemas(map)))
            inPlaceTargets += map.map(\.node)
        }
        try compileDependencies(&compiler)
    }

    /// `dependencies` (draft-07; kept by later metaschemas for compatibility): each value is a
    /// list of required names or a schema.
    private mutating func compileDependencies(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
        guard let value = object["dependencies"] else { return }
        guard case .object(let dependencies) = value else {
            throw compiler.error(
                at: key.appending("dependencies"),
                .invalidKeywordValue(keyword: "dependencies", expected: "an object", found: value.typeName))
        }
        var required: [(property: String, required: [String])] = []
        var schemas: [(property: String, node: NodeID)] = []
        for member in dependencies {
            let memberKey = key.appending("dependencies", member.key)
            switch member.value {
            case .array(let items):
                var names: [String] = []
                for item in items {
                    guard case .string(let name) = item else {
                        throw compiler.error(
                            at: memberKey,
                            .invalidKeywordValue(
                                keyword: "dependencies", expected: "an array of strings or a schema",
                                found: "an array holding \(item.typeName)"))
                    }
                    names.append(name)
                }
                required.append((member.key, names))
            default:
                schemas.append((member.key, compiler.node(at: memberKey)))
            }
        }
        if !required.isEmpty { assertions.append(KeywordEntry(name: "dependencies", keyword: .dependentRequired(required))) }
        if !schemas.isEmpty {
            inPlace.append(KeywordEntry(name: "dependencies", keyword: .dependentSchemas(schemas)))
            inPlaceTargets += schemas.map(\.node)
        }
    }

    // MARK: - Applicators on members and items

    mutating func compileObjectApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
        let properties = try subschemaMap("properties", &compiler)
        var patterns: [(regex: ECMARegex, node: NodeID)] = []
        if let map = try subschemaMap("patternProperties", &compiler) {
            let reader = KeywordReader(key: key, object: object, documentURI: compiler.documentURI(of: key))
            for entry in map {
                patterns.append((try reader.regex(entry.property, at: ["patternProperties", entry.property]), entry.node))
            }
        }
        let additional = try subschema("additionalProperties", &compiler)
        if properties?.isEmpty == false || !patterns.isEmpty || additional != nil {
            let table = properties.flatMap { $0.isEmpty ? nil : PropertyTable($0.map { (name: $0.property, node: $0.node) }) }
            var requiredEntries: [Int] = []
            if let index = assertions.firstIndex(where: { $0.name.description == "required" }),
                case .required(let names) = assertions[index].keyword,
                let entries = MemberRule.foldableRequired(names, into: table)
            {
                requiredEntries = entries
                assertions.remove(at: index)
            }
            let rule = MemberRule(
                properties: table, patterns: patterns, additional: additional, requiredEntries: requiredEntries)
            let name: StaticString = table != nil ? "properties" : patterns.isEmpty ? "additionalProperties" : "patternProperties"
            children.append(KeywordEntry(name: name, keyword: .members(rule)))
        }
        if let node = try subschema("propertyNames", &compiler) {
            children.append(KeywordEntry(name: "propertyNames", keyword: .propertyNames(node)))
        }
    }

    mutating func compileArrayApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
        if dialect == .draft2020_12 {
            var prefixCount = 0
            if let nodes = try subschemaArray("prefixItems", &compiler) {
                prefixCount = nodes.count
                children.append(KeywordEntry(name: "prefixItems", keyword: .prefixItems(nodes)))
            }
            if let node = try subschema("items", &compiler) {
                children.append(KeywordEntry(name: "items", keyword: .items(startIndex: prefixCount, node)))
            }
        } else if case .array = object["items"] {
            // Draft-07 / 2019-09 tuple form: "additionalItems" covers the items after the tuple.
            if let nodes = try subschemaArray("items", &compiler, allowEmpty: true) {
                children.append(KeywordEntry(name: "items", keyword: .prefixItems(nodes)))
                if let node = try subschema("additionalItems", &compiler) {
                    children.append(KeywordEntry(name: "additionalItems", keyword: .items(startIndex: nodes.count, node)))
                }
            }
        } else if let node = try subschema("items", &compiler) {
            children.append(KeywordEntry(name: "items", keyword: .items(startIndex: 0, node)))
        }

        if let node = try subschema("contains", &compiler) {
            let reader = KeywordReader(key: key, object: object, documentURI: compiler.documentURI(of: key))
            let hasBounds = dialect != .draft07 && has(.validation)
            let minimum = hasBounds ? try reader.count("minContains") : nil
            let maximum = hasBounds ? try reader.count("maxContains") : nil
            let rule = ContainsRule(
                node: node, minimum: minimum ?? 1, minimumGiven: minimum != nil, maximum: maximum,
                annotatesItems: dialect == .draft2020_12)
            children.append(KeywordEntry(name: "contains", keyword: .contains(rule)))
        }
    }

    // MARK: - Subschema helpers

    func subschema(_ name: String, _ compiler: inout SchemaCompiler) throws(SchemaCompileError) -> NodeID? {
        guard object[name] != nil else { return nil }
        return compiler.node(at: key.appending(name))
    }

    private func subschemaArray(
        _ name: String, _ compiler: inout SchemaCompiler, allowEmpty: Bool = false
    ) throws(SchemaCompileError) -> [NodeID]? {
        guard let value = object[name] else { return nil }
        guard case .array(let items) = value, allowEmpty || !items.isEmpty else {
            throw compiler.error(
                at: key.appending(name),
                .invalidKeywordValue(
                    keyword: name, expected: "a non-empty array of schemas",
                    found: value == .array([]) ? "an empty array" : value.typeName))
        }
        return items.indices.map { compiler.node(at: key.appending(name, String($0))) }
    }

    private func subschemaMap(
        _ name: String, _ compiler: inout SchemaCompiler
    ) throws(SchemaCompileError) -> [(property: String, node: NodeID)]? {
        guard let value = object[name] else { return nil }
        guard case .object(let members) = value else {
            throw compiler.error(
                at: key.appending(name),
                .invalidKeywordValue(keyword: name, expected: "an object of schemas", found: value.typeName))
        }
        return members.map { (property: $0.key, node: compiler.node(at: key.appending(name, $0.key))) }
    }
}
