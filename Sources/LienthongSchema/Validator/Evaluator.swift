/// Applies a compiled schema to one instance. A value type created per validation: it owns
/// the depth counter and the dynamic scope, so concurrent validations share nothing mutable.
struct Evaluator<Sink: EvaluationSink> {
    let schema: CompiledSchema
    var sink: Sink
    private var depth = 0
    /// Set once a check could not be completed (the depth limit, a regular expression over its
    /// matching budget). The whole validation then fails: a result that is unknown must not be
    /// turned into a pass by `not`, `if` or `oneOf` further up.
    private(set) var aborted = false
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
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            sink.fail(node, keyword: nil) { "no value is allowed here (the schema is false)" }
            return false
        case .keywords:
            break
        }

        guard !aborted else { return false }
        depth += 1
        defer { depth -= 1 }
        guard depth <= schema.maxDepth else {
            let limit = schema.maxDepth
            abort(node, keyword: nil) {
                "evaluation exceeded the depth limit of \(limit) nested schemas; the instance is nested too deeply"
            }
            return false
        }

        let entersResource = schema.usesDynamicScope && dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        guard node.needsEvaluatedLocations else {
            return apply(node.keywords, of: node, to: instance, &evaluated)
        }
        // Own collection, so that siblings of this schema in the parent stay invisible to our
        // unevaluated* keywords; handed up only when this schema succeeded.
        var local = EvaluatedLocations.active
        let valid = apply(node.keywords, of: node, to: instance, &local)
        if valid { evaluated.merge(local) }
        return valid
    }

    private mutating func apply(
        _ keywords: UnsafeBufferPointer<KeywordEntry>, of node: SchemaNode, to instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard let first = keywords.baseAddress else { return true }
        var valid = true
        for index in keywords.indices where !apply(first + index, of: node, to: instance, &evaluated) {
            valid = false
            if !Sink.recordsErrors { return false }
        }
        return valid
    }

    /// Applies keyword `index` of `entries`. The entry is read in place and only the payload of
    /// its case is bound: copying whole entries (with their reference counts) at every call
    /// showed up as a quarter of the time of `isValid`. This dispatcher binds nothing itself, so
    /// its stack frame stays small on the recursive path (unoptimised builds give every
    /// binding of a large switch its own stack slot).
    private mutating func apply(
        _ entry: UnsafePointer<KeywordEntry>, of node: SchemaNode, to instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        switch entry.pointee.category {
        case .anyType:
            return applyAnyTypeKeyword(entry, node, instance)
        case .number:
            guard case .number = instance else { return true }
            return applyNumberKeyword(entry, node, instance)
        case .string:
            guard case .string = instance else { return true }
            return applyStringKeyword(entry, node, instance)
        case .array:
            guard case .array = instance else { return true }
            return applyArrayKeyword(entry, node, instance, &evaluated)
        case .object:
            guard case .object = instance else { return true }
            return applyObjectKeyword(entry, node, instance, &evaluated)
        case .inPlace:
            return applyInPlaceKeyword(entry, node, instance, &evaluated)
        }
    }

    private mutating func applyAnyTypeKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
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
        default:
            return true
        }
    }

    private mutating func applyNumberKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
        case .multipleOf(let divisor): return checkMultipleOf(divisor, name, node, instance)
        case .maximum(let limit): return checkBound(.maximum, limit, name, node, instance)
        case .exclusiveMaximum(let limit): return checkBound(.exclusiveMaximum, limit, name, node, instance)
        case .minimum(let limit): return checkBound(.minimum, limit, name, node, instance)
        case .exclusiveMinimum(let limit): return checkBound(.exclusiveMinimum, limit, name, node, instance)
        default: return true
        }
    }

    private mutating func applyStringKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
        case .maxLength(let limit): return checkMaxLength(limit, name, node, instance)
        case .minLength(let limit): return checkMinLength(limit, name, node, instance)
        case .pattern(let regex): return checkPattern(regex, name, node, instance)
        case .format(let format): return checkFormat(format, name, node, instance)
        default: return true
        }
    }

    private mutating func applyArrayKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
        case .maxItems(let limit): return checkItemCount(maximum: limit, name, node, instance)
        case .minItems(let limit): return checkItemCount(minimum: limit, name, node, instance)
        case .uniqueItems: return checkUniqueItems(name, node, instance)
        case .prefixItems(let children): return applyPrefixItems(children, name, instance, &evaluated)
        case .items(let startIndex, let child): return applyItems(from: startIndex, child, name, instance, &evaluated)
        case .contains(let rule): return applyContains(rule, name, node, instance, &evaluated)
        case .unevaluatedItems(let child): return applyUnevaluatedItems(child, name, instance, &evaluated)
        default: return true
        }
    }

    private mutating func applyObjectKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
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
        default:
            return true
        }
    }

    private mutating func applyInPlaceKeyword(
        _ entry: UnsafePointer<KeywordEntry>, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let name = entry.pointee.name
        switch entry.pointee.keyword {
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
        default:
            return true
        }
    }

    /// Fails the whole evaluation (see `aborted`).
    mutating func abort(_ node: SchemaNode, keyword: StaticString?, message: () -> String) {
        aborted = true
        sink.failEvaluation(node, keyword: keyword, message: message)
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
