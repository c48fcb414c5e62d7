/// Keyword dispatch: first on the keyword's category (a byte, which also skips keywords meant
/// for other instance types), then on the keyword itself, binding only its payload.
extension Evaluator {
    /// Applies the keyword `entry` points at. The entry is read in place and only the payload
    /// of its case is bound: copying whole entries (with their reference counts) at every call
    /// showed up as a quarter of the time of `isValid`. This dispatcher binds nothing itself, so
    /// its stack frame stays small on the recursive path (unoptimised builds give every
    /// binding of a large switch its own stack slot).
    mutating func apply(
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

    private mutating func checkType(_ types: JSONTypeSet, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard !types.accepts(instance) else { return true }
        sink.fail(node, keyword: name) {
            "expected \(MessageText.list(types.names)), found \(instance.typeName)"
        }
        return false
    }
}
