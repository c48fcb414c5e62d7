/// Object keywords: counts, required members, and the property applicators with their
/// annotations (members are tracked by position in the instance object).
extension Evaluator {
    mutating func checkPropertyCount(
        maximum: Int? = nil, minimum: Int? = nil, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        if let maximum, object.count > maximum {
            sink.fail(node, keyword: name) { "object has \(object.count) properties, more than the maximum of \(maximum)" }
            return false
        }
        if let minimum, object.count < minimum {
            sink.fail(node, keyword: name) { "object has \(object.count) properties, fewer than the minimum of \(minimum)" }
            return false
        }
        return true
    }

    mutating func checkDependentRequired(
        _ dependencies: [(property: String, required: [String])], _ name: StaticString, _ node: SchemaNode,
        _ instance: JSONValue
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        for dependency in dependencies where object[dependency.property] != nil {
            if !checkRequired(dependency.required, in: object, name, node, because: dependency.property) {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func checkRequired(
        _ names: [String], in object: JSONObject, _ name: StaticString, _ node: SchemaNode, because trigger: String?
    ) -> Bool {
        var valid = true
        for property in names where object[property] == nil {
            valid = false
            guard Sink.recordsErrors else { return false }
            sink.fail(node, keyword: name) {
                if let trigger {
                    "property \(MessageText.quoted(property)) is required when \(MessageText.quoted(trigger)) is present"
                } else {
                    "required property \(MessageText.quoted(property)) is missing"
                }
            }
        }
        return valid
    }

    /// `properties`, `patternProperties` and `additionalProperties` in one pass: each member
    /// goes to its `properties` subschema and every matching pattern's, or else to
    /// `additionalProperties`.
    mutating func applyMembers(
        _ rule: MemberRule, _ node: SchemaNode, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        var seenEntries: UInt64 = 0
        let members = object.members
        // Indices, not `enumerated()`: iterating would copy every (key, value) pair.
        for position in members.indices {
            let key = members[position].key
            var covered = false
            if let table = rule.properties, let entry = table.entry(for: key) {
                covered = true
                if entry < 64 { seenEntries |= 1 << UInt64(entry) }
                sink.enterKeyword("properties")
                sink.enterKeyword(member: key)
                let memberValid = applyToMember(table.node(at: entry), key, members[position].value) {
                    "property \(MessageText.quoted(key)) is not allowed"
                }
                sink.leaveKeyword()
                sink.leaveKeyword()
                if !memberValid {
                    valid = false
                    if !Sink.recordsErrors { return false }
                }
            }
            if !rule.patterns.isEmpty {
                switch applyPatterns(rule.patterns, node, key, members[position].value) {
                case .noMatch: break
                case .matched(let patternsValid):
                    covered = true
                    if !patternsValid {
                        valid = false
                        if !Sink.recordsErrors { return false }
                    }
                }
            }
            if !covered, let additional = rule.additional {
                covered = true
                sink.enterKeyword("additionalProperties")
                let memberValid = applyToMember(additional, key, members[position].value) {
                    "property \(MessageText.quoted(key)) is not allowed"
                }
                sink.leaveKeyword()
                if !memberValid {
                    valid = false
                    if !Sink.recordsErrors { return false }
                }
            }
            if covered { evaluated.markProperty(at: position) }
        }
        if rule.requiredMask & ~seenEntries != 0 {
            valid = false
            guard Sink.recordsErrors, let table = rule.properties else { return false }
            for entry in rule.requiredEntries where seenEntries & (1 << UInt64(entry)) == 0 {
                sink.fail(node, keyword: "required") {
                    "required property \(MessageText.quoted(table.names[entry])) is missing"
                }
            }
        }
        return valid
    }

    private enum PatternOutcome {
        case noMatch
        case matched(valid: Bool)
    }

    /// Applies every `patternProperties` subschema whose pattern matches `key`. A pattern that
    /// cannot be evaluated within its budget fails the member (fail closed) and counts as a match,
    /// so that `additionalProperties` does not report the member a second time.
    private mutating func applyPatterns(
        _ patterns: [(regex: ECMARegex, node: NodeID)], _ node: SchemaNode, _ key: String, _ value: JSONValue
    ) -> PatternOutcome {
        var matchedAny = false
        var valid = true
        for pattern in patterns {
            let matched: Bool
            do {
                matched = try pattern.regex.matches(key)
            } catch {
                matchedAny = true
                valid = false
                sink.enterInstance(key: key)
                abort(node, keyword: "patternProperties") {
                    "property name could not be checked against the pattern: \(error)"
                }
                sink.leaveInstance()
                if !Sink.recordsErrors { return .matched(valid: false) }
                continue
            }
            guard matched else { continue }
            matchedAny = true
            sink.enterKeyword("patternProperties")
            sink.enterKeyword(member: pattern.regex.pattern)
            let memberValid = applyToMember(pattern.node, key, value) {
                "property \(MessageText.quoted(key)) is not allowed (its name matches /\(pattern.regex.pattern)/)"
            }
            sink.leaveKeyword()
            sink.leaveKeyword()
            if !memberValid {
                valid = false
                if !Sink.recordsErrors { return .matched(valid: false) }
            }
        }
        return matchedAny ? .matched(valid: valid) : .noMatch
    }

    mutating func applyUnevaluatedProperties(
        _ child: NodeID, _ name: StaticString, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for (position, member) in object.members.enumerated() where !evaluated.isPropertyEvaluated(at: position) {
            let memberValid = applyToMember(child, member.key, member.value) {
                "property \(MessageText.quoted(member.key)) is not allowed (no other keyword accepts it)"
            }
            evaluated.markProperty(at: position)
            if !memberValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func applyPropertyNames(_ child: NodeID, _ name: StaticString, _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for member in object.members {
            var nameEvaluated = EvaluatedLocations.inactive
            sink.enterInstance(key: member.key)
            let nameValid = evaluate(child, .string(member.key), &nameEvaluated)
            sink.leaveInstance()
            if !nameValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func applyDependentSchemas(
        _ children: [(property: String, node: NodeID)], _ name: StaticString, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for child in children where object[child.property] != nil {
            sink.enterKeyword(member: child.property)
            let childValid = evaluate(child.node, instance, &evaluated)
            sink.leaveKeyword()
            if !childValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    /// Applies `child` to one member value. A `false` subschema gets a message naming the
    /// property instead of the generic one.
    private mutating func applyToMember(
        _ child: NodeID, _ key: String, _ value: JSONValue, falseSchemaMessage: () -> String
    ) -> Bool {
        sink.enterInstance(key: key)
        defer { sink.leaveInstance() }
        let childNode = schema.nodes[child]
        if case .alwaysInvalid = childNode.kind {
            sink.fail(childNode, keyword: nil, message: falseSchemaMessage)
            return false
        }
        var memberEvaluated = EvaluatedLocations.inactive
        return evaluate(child, value, &memberEvaluated)
    }
}
