/// Compiles the keywords of one schema object into `KeywordEntry`s, in evaluation order:
/// cheap assertions first (so the fast path fails early), then in-place applicators, then
/// child applicators, and `unevaluated*` last because they depend on all the others.
struct KeywordCompilation {
    let key: LocationKey
    let info: SchemaLocationInfo
    let object: JSONObject
    /// Nodes applied to the same instance (`$ref`, `allOf`, …), for cycle detection.
    var inPlaceTargets: [NodeID] = []

    // The compiled keywords by evaluation stage (see the type's comment).
    var assertions: [KeywordEntry] = []
    var inPlace: [KeywordEntry] = []
    var children: [KeywordEntry] = []
    var unevaluated: [KeywordEntry] = []

    init(key: LocationKey, info: SchemaLocationInfo, object: JSONObject) {
        self.key = key
        self.info = info
        self.object = object
    }

    var dialect: SchemaDialect { info.rules.dialect }
    func has(_ vocabulary: Vocabularies) -> Bool { info.rules.has(vocabulary) }

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
                resolution = .dynamicAnchor(compiler.dynamicAnchorIndex(name))
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
}
