/// Applies a compiled schema to one instance. A value type created per validation: it owns
/// the depth counter and the dynamic scope, so concurrent validations share nothing mutable.
struct Evaluator<Sink: EvaluationSink> {
    let schema: CompiledSchema
    var sink: Sink
    private var depth = 0
    /// The schema resources entered so far, outermost first (the dynamic scope of `$dynamicRef`).
    private(set) var dynamicScope: [Int] = []

    init(schema: CompiledSchema, sink: Sink) {
        self.schema = schema
        self.sink = sink
    }

    /// Evaluates node `id` against `instance`, recording into `evaluated` what it evaluated
    /// when the caller collects that (an `unevaluated*` keyword further up needs it).
    mutating func evaluate(_ id: NodeID, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations) -> Bool {
        let node = schema.nodes[id]
        let keywords: [KeywordEntry]
        switch node.body {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            sink.fail(node, keyword: nil) { "no value is allowed here (the schema is false)" }
            return false
        case .keywords(let entries):
            keywords = entries
        }

        depth += 1
        defer { depth -= 1 }
        guard depth <= schema.maxDepth else {
            let limit = schema.maxDepth
            sink.fail(node, keyword: nil) {
                "evaluation exceeded the depth limit of \(limit) nested schemas; the instance is nested too deeply"
            }
            return false
        }

        let entersResource = schema.usesDynamicScope && dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        guard node.needsEvaluatedLocations else {
            return apply(keywords, of: node, to: instance, &evaluated)
        }
        // Own collection, so that siblings of this schema in the parent stay invisible to our
        // unevaluated* keywords; handed up only when this schema succeeded.
        var local = EvaluatedLocations.active
        let valid = apply(keywords, of: node, to: instance, &local)
        if valid { evaluated.merge(local) }
        return valid
    }

    private mutating func apply(
        _ keywords: [KeywordEntry], of node: SchemaNode, to instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        var valid = true
        for entry in keywords where !apply(entry, of: node, to: instance, &evaluated) {
            valid = false
            if !Sink.recordsErrors { return false }
        }
        return valid
    }

    private mutating func apply(
        _ entry: KeywordEntry, of node: SchemaNode, to instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        switch entry.keyword {
        case .type(let types):
            return checkType(types, entry, node, instance)
        case .constant(let expected):
            guard instance != expected else { return true }
            sink.fail(node, keyword: entry.name) { "value must be \(MessageText.json(expected))" }
            return false
        case .enumeration(let values):
            guard !values.contains(instance) else { return true }
            sink.fail(node, keyword: entry.name) {
                "value \(MessageText.json(instance)) is not one of \(MessageText.json(.array(values.values)))"
            }
            return false
        case .multipleOf, .maximum, .exclusiveMaximum, .minimum, .exclusiveMinimum:
            return checkNumber(entry, node, instance)
        case .maxLength, .minLength, .pattern, .format:
            return checkString(entry, node, instance)
        case .maxItems, .minItems, .uniqueItems:
            return checkArray(entry, node, instance)
        case .prefixItems(let children):
            return applyPrefixItems(children, entry, node, instance, &evaluated)
        case .items(let startIndex, let child):
            return applyItems(from: startIndex, child, entry, node, instance, &evaluated)
        case .contains(let rule):
            return applyContains(rule, entry, node, instance, &evaluated)
        case .unevaluatedItems(let child):
            return applyUnevaluatedItems(child, entry, node, instance, &evaluated)
        case .maxProperties, .minProperties, .required, .dependentRequired:
            return checkObject(entry, node, instance)
        case .properties(let children):
            return applyProperties(children, entry, node, instance, &evaluated)
        case .patternProperties(let children):
            return applyPatternProperties(children, entry, node, instance, &evaluated)
        case .additionalProperties(let rule):
            return applyAdditionalProperties(rule, entry, node, instance, &evaluated)
        case .propertyNames(let child):
            return applyPropertyNames(child, entry, instance)
        case .dependentSchemas(let children):
            return applyDependentSchemas(children, entry, instance, &evaluated)
        case .unevaluatedProperties(let child):
            return applyUnevaluatedProperties(child, entry, node, instance, &evaluated)
        case .reference(let target):
            sink.enterKeyword(entry.name)
            defer { sink.leaveKeyword() }
            return evaluate(target, instance, &evaluated)
        case .dynamicReference(let reference):
            sink.enterKeyword(entry.name)
            defer { sink.leaveKeyword() }
            return evaluate(dynamicTarget(of: reference), instance, &evaluated)
        case .allOf(let children):
            return applyAllOf(children, entry, instance, &evaluated)
        case .anyOf(let children):
            return applyAnyOf(children, entry, node, instance, &evaluated)
        case .oneOf(let children):
            return applyOneOf(children, entry, node, instance, &evaluated)
        case .not(let child):
            return applyNot(child, entry, node, instance)
        case .conditional(let rule):
            return applyConditional(rule, instance, &evaluated)
        }
    }

    /// The node a `$dynamicRef` / `$recursiveRef` lands on in the current dynamic scope.
    private func dynamicTarget(of reference: DynamicReference) -> NodeID {
        switch reference.resolution {
        case .staticOnly:
            return reference.initialTarget
        case .dynamicAnchor(let name):
            guard let byResource = schema.dynamicAnchors[name] else { return reference.initialTarget }
            for resource in dynamicScope {
                if let target = byResource[resource] { return target }
            }
            return reference.initialTarget
        case .recursiveAnchor:
            var target = reference.initialTarget
            for resource in dynamicScope.reversed() {
                guard let candidate = schema.recursiveAnchors[resource] else { break }
                target = candidate
            }
            return target
        }
    }

    private mutating func checkType(_ types: JSONTypeSet, _ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard !types.accepts(instance) else { return true }
        sink.fail(node, keyword: entry.name) {
            "expected \(MessageText.list(types.names)), found \(instance.typeName)"
        }
        return false
    }
}
