/// Compiles the keywords of one schema object into `KeywordEntry`s, in evaluation order:
/// cheap assertions first (so the fast path fails early), then in-place applicators, then
/// child applicators, and `unevaluated*` last because they depend on all the others.
struct KeywordCompilation {
    let key: LocationKey
    let info: SchemaLocationInfo
    let object: JSONObject
    /// Nodes applied to the same instance (`$ref`, `allOf`, …), for cycle detection.
    private(set) var inPlaceTargets: [NodeID] = []

    private var assertions: [KeywordEntry] = []
    private var inPlace: [KeywordEntry] = []
    private var children: [KeywordEntry] = []
    private var unevaluated: [KeywordEntry] = []

    init(key: LocationKey, info: SchemaLocationInfo, object: JSONObject) {
        self.key = key
        self.info = info
        self.object = object
    }

    private var dialect: SchemaDialect { info.rules.dialect }
    private func has(_ vocabulary: Vocabularies) -> Bool { info.rules.has(vocabulary) }

    mutating func compile(with compiler: inout SchemaCompiler) throws(SchemaCompileError) -> [KeywordEntry] {
        // Draft-07: "$ref" makes every sibling keyword be ignored.
        if dialect == .draft07, object["$ref"] != nil {
            try compileReferences(&compiler)
            return inPlace
        }
        let reader = KeywordReader(key: key, object: object, documentURI: compiler.documentURI(of: key))
        if has(.validation) { try compileValidation(reader) }
        if has(.formatAssertion) || (has(.formatAnnotation) && compiler.options.formatAssertion) {
            if let format = try reader.string("format") { assertions.append(KeywordEntry(name: "format", keyword: .format(format))) }
        }
        try compileReferences(&compiler)
        if has(.applicator) {
            try compileInPlaceApplicators(&compiler)
            try compileObjectApplicators(&compiler)
            try compileArrayApplicators(&compiler)
        }
        if has(.unevaluated) && dialect != .draft07 {
            if let node = try subschema("unevaluatedProperties", &compiler) {
                unevaluated.append(KeywordEntry(name: "unevaluatedProperties", keyword: .unevaluatedProperties(node)))
            }
            if let node = try subschema("unevaluatedItems", &compiler) {
                unevaluated.append(KeywordEntry(name: "unevaluatedItems", keyword: .unevaluatedItems(node)))
            }
        }
        return assertions + inPlace + children + unevaluated
    }

    // MARK: - Validation vocabulary

    private mutating func compileValidation(_ reader: KeywordReader) throws(SchemaCompileError) {
        if let types = try reader.typeSet("type") { assert("type", .type(types)) }
        if let value = object["const"] { assert("const", .constant(value)) }
        if let values = try reader.array("enum") { assert("enum", .enumeration(EnumerationValues(values))) }

        if let divisor = try reader.number("multipleOf") {
            guard divisor > JSONNumber(0) else {
                throw reader.invalid("multipleOf", expected: "a number greater than 0", found: divisor.description)
            }
            assert("multipleOf", .multipleOf(divisor))
        }
        if let limit = try reader.number("maximum") { assert("maximum", .maximum(limit)) }
        if let limit = try reader.number("exclusiveMaximum") { assert("exclusiveMaximum", .exclusiveMaximum(limit)) }
        if let limit = try reader.number("minimum") { assert("minimum", .minimum(limit)) }
        if let limit = try reader.number("exclusiveMinimum") { assert("exclusiveMinimum", .exclusiveMinimum(limit)) }

        if let limit = try reader.count("maxLength") { assert("maxLength", .maxLength(limit)) }
        if let limit = try reader.count("minLength") { assert("minLength", .minLength(limit)) }
        if let pattern = try reader.string("pattern") { assert("pattern", .pattern(try reader.regex(pattern, at: ["pattern"]))) }

        if let limit = try reader.count("maxItems") { assert("maxItems", .maxItems(limit)) }
        if let limit = try reader.count("minItems") { assert("minItems", .minItems(limit)) }
        if try reader.boolean("uniqueItems") == true { assert("uniqueItems", .uniqueItems) }

        if let limit = try reader.count("maxProperties") { assert("maxProperties", .maxProperties(limit)) }
        if let limit = try reader.count("minProperties") { assert("minProperties", .minProperties(limit)) }
        if let names = try reader.stringArray("required"), !names.isEmpty { assert("required", .required(names)) }
        if dialect != .draft07, let dependencies = try reader.stringArrayMap("dependentRequired"), !dependencies.isEmpty {
            assert("dependentRequired", .dependentRequired(dependencies.map { (property: $0.key, required: $0.value) }))
        }
    }

    private mutating func assert(_ name: StaticString, _ keyword: CompiledKeyword) {
        assertions.append(KeywordEntry(name: name, keyword: keyword))
    }

    // MARK: - References

    private mutating func compileReferences(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
        if let reference = object["$ref"] {
            let target = try compiler.referenceTarget(reference, keyword: "$ref", at: key, info: info)
            let node = compiler.node(at: target)
            inPlace.append(KeywordEntry(name: "$ref", keyword: .reference(node)))
            inPlaceTargets.append(node)
        }
        if dialect == .draft2020_12, let reference = object["$dynamicRef"] {
            let target = try compiler.referenceTarget(reference, keyword: "$dynamicRef", at: key, info: info)
            let node = compiler.node(at: target)
            var resolution = DynamicReference.Resolution.staticOnly
            // "Bookending": the reference is dynamic only when its initial target declares a
            // $dynamicAnchor of the same name as the reference's fragment.
            if case .string(let text) = reference, let name = Self.plainNameFragment(text),
                case .object(let targetObject) = try compiler.locationInfo(target).value,
                targetObject["$dynamicAnchor"] == .string(name)
            {
                resolution = .dynamicAnchor(name)
                compiler.usesDynamicScope = true
            }
            inPlace.append(
                KeywordEntry(name: "$dynamicRef", keyword: .dynamicReference(.init(initialTarget: node, resolution: resolution))))
            inPlaceTargets.append(node)
        }
        if dialect == .draft2019_09, let reference = object["$recursiveRef"] {
            let target = try compiler.referenceTarget(reference, keyword: "$recursiveRef", at: key, info: info)
            let node = compiler.node(at: target)
            var resolution = DynamicReference.Resolution.staticOnly
            if case .object(let targetObject) = try compiler.locationInfo(target).value,
                targetObject["$recursiveAnchor"] == .bool(true)
            {
                resolution = .recursiveAnchor
                compiler.usesDynamicScope = true
            }
            inPlace.append(
                KeywordEntry(name: "$recursiveRef", keyword: .dynamicReference(.init(initialTarget: node, resolution: resolution))))
            inPlaceTargets.append(node)
        }
    }

    /// The anchor name in a reference like `other.json#name`; nil for pointers and no fragment.
    private static func plainNameFragment(_ reference: String) -> String? {
        guard let hash = reference.firstIndex(of: "#") else { return nil }
        let fragment = reference[reference.index(after: hash)...]
        guard !fragment.isEmpty, !fragment.hasPrefix("/") else { return nil }
        return String(fragment)
    }

    // MARK: - Applicators on the same instance

    private mutating func compileInPlaceApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
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

    private mutating func compileObjectApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
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

    private mutating func compileArrayApplicators(_ compiler: inout SchemaCompiler) throws(SchemaCompileError) {
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

    private func subschema(_ name: String, _ compiler: inout SchemaCompiler) throws(SchemaCompileError) -> NodeID? {
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
