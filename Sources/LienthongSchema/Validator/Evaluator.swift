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
        keywords.withUnsafeBufferPointer { entries in
            var valid = true
            for index in entries.indices where !apply(entries, index, of: node, to: instance, &evaluated) {
                valid = false
                if !Sink.recordsErrors { return false }
            }
            return valid
        }
    }

    /// Applies keyword `index` of `entries`. The entry is read in place through the buffer and
    /// only the payload of its case is bound: copying whole entries (with their reference
    /// counts) at every call showed up as a quarter of the time of `isValid`.
    private mutating func apply(
        _ entries: UnsafeBufferPointer<KeywordEntry>, _ index: Int, of node: SchemaNode, to instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let name = entries[index].name
        switch entries[index].keyword {
        case .type(let types):
            return checkType(types, name, node, instance)
        case .constant(let expected):
            guard instance != expected else { return true }
            sink.fail(node, keyword: name) { "value must be \(MessageText.json(expected))" }
            return false
        case .enumeration(let values):
            guard !values.contains(instance) else { return true }
            sink.fail(node, keyword: name) {
                "value \(MessageText.json(instance)) is not one of \(MessageText.json(.array(values.values)))"
            }
            return false
        case .multipleOf(let divisor):
            return checkMultipleOf(divisor, name, node, instance)
        case .maximum(let limit):
            return checkBound(.maximum, limit, name, node, instance)
        case .exclusiveMaximum(let limit):
            return checkBound(.exclusiveMaximum, limit, name, node, instance)
        case .minimum(let limit):
            return checkBound(.minimum, limit, name, node, instance)
        case .exclusiveMinimum(let limit):
            return checkBound(.exclusiveMinimum, limit, name, node, instance)
        case .maxLength(let limit):
            return checkMaxLength(limit, name, node, instance)
        case .minLength(let limit):
            return checkMinLength(limit, name, node, instance)
        case .pattern(let regex):
            return checkPattern(regex, name, node, instance)
        case .format(let format):
            return checkFormat(format, name, node, instance)
        case .maxItems(let limit):
            return checkItemCount(maximum: limit, name, node, instance)
        case .minItems(let limit):
            return checkItemCount(minimum: limit, name, node, instance)
        case .uniqueItems:
            return checkUniqueItems(name, node, instance)
        case .prefixItems(let children):
            return applyPrefixItems(children, name, instance, &evaluated)
        case .items(let startIndex, let child):
            return applyItems(from: startIndex, child, name, instance, &evaluated)
        case .contains(let rule):
            return applyContains(rule, name, node, instance, &evaluated)
        case .unevaluatedItems(let child):
            return applyUnevaluatedItems(child, name, instance, &evaluated)
        case .maxProperties(let limit):
            return checkPropertyCount(maximum: limit, name, node, instance)
        case .minProperties(let limit):
            return checkPropertyCount(minimum: limit, name, node, instance)
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            return checkRequired(names, in: object, name, node, because: nil)
        case .dependentRequired(let dependencies):
            return checkDependentRequired(dependencies, name, node, instance)
        case .members(let rule):
            return applyMembers(rule, node, instance, &evaluated)
        case .propertyNames(let child):
            return applyPropertyNames(child, name, instance)
        case .dependentSchemas(let children):
            return applyDependentSchemas(children, name, instance, &evaluated)
        case .unevaluatedProperties(let child):
            return applyUnevaluatedProperties(child, name, instance, &evaluated)
        case .reference(let target):
            sink.enterKeyword(name)
            defer { sink.leaveKeyword() }
            return evaluate(target, instance, &evaluated)
        case .dynamicReference(let reference):
            sink.enterKeyword(name)
            defer { sink.leaveKeyword() }
            return evaluate(dynamicTarget(of: reference), instance, &evaluated)
        case .allOf(let children):
            return applyAllOf(children, name, instance, &evaluated)
        case .anyOf(let children):
            return applyAnyOf(children, name, node, instance, &evaluated)
        case .oneOf(let children):
            return applyOneOf(children, name, node, instance, &evaluated)
        case .not(let child):
            return applyNot(child, name, node, instance)
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

    private mutating func checkType(_ types: JSONTypeSet, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard !types.accepts(instance) else { return true }
        sink.fail(node, keyword: name) {
            "expected \(MessageText.list(types.names)), found \(instance.typeName)"
        }
        return false
    }
}
