/// Object keywords: counts, required members, and the property applicators with their
/// annotations (members are tracked by position in the instance object).
extension Evaluator {
    mutating func checkObject(_ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        switch entry.keyword {
        case .maxProperties(let limit):
            guard object.count > limit else { return true }
            sink.fail(node, keyword: entry.name) {
                "object has \(object.count) properties, more than the maximum of \(limit)"
            }
        case .minProperties(let limit):
            guard object.count < limit else { return true }
            sink.fail(node, keyword: entry.name) {
                "object has \(object.count) properties, fewer than the minimum of \(limit)"
            }
        case .required(let names):
            return checkRequired(names, in: object, entry, node, because: nil)
        case .dependentRequired(let dependencies):
            var valid = true
            for dependency in dependencies where object[dependency.property] != nil {
                if !checkRequired(dependency.required, in: object, entry, node, because: dependency.property) {
                    valid = false
                    if !Sink.recordsErrors { return false }
                }
            }
            return valid
        default:
            return true
        }
        return false
    }

    private mutating func checkRequired(
        _ names: [String], in object: JSONObject, _ entry: KeywordEntry, _ node: SchemaNode, because trigger: String?
    ) -> Bool {
        var valid = true
        for name in names where object[name] == nil {
            valid = false
            guard Sink.recordsErrors else { return false }
            sink.fail(node, keyword: entry.name) {
                if let trigger {
                    "property \(MessageText.quoted(name)) is required when \(MessageText.quoted(trigger)) is present"
                } else {
                    "required property \(MessageText.quoted(name)) is missing"
                }
            }
        }
        return valid
    }

    mutating func applyProperties(
        _ children: [String: NodeID], _ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
        defer { sink.leaveKeyword() }
        for (position, member) in object.members.enumerated() {
            guard let child = children[member.key] else { continue }
            sink.enterKeyword(member.key)
            let memberValid = applyToMember(child, member.key, member.value) {
                "property \(MessageText.quoted(member.key)) is not allowed"
            }
            sink.leaveKeyword()
            evaluated.markProperty(at: position)
            if !memberValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func applyPatternProperties(
        _ children: [(regex: ECMARegex, node: NodeID)], _ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
        defer { sink.leaveKeyword() }
        for (position, member) in object.members.enumerated() {
            for child in children {
                let matched: Bool
                do {
                    matched = try child.regex.matches(member.key)
                } catch {
                    sink.enterInstance(key: member.key)
                    sink.fail(node, keyword: entry.name) {
                        "property name could not be checked against the pattern: \(error)"
                    }
                    sink.leaveInstance()
                    valid = false
                    if !Sink.recordsErrors { return false }
                    continue
                }
                guard matched else { continue }
                sink.enterKeyword(child.regex.pattern)
                let memberValid = applyToMember(child.node, member.key, member.value) {
                    "property \(MessageText.quoted(member.key)) is not allowed (its name matches /\(child.regex.pattern)/)"
                }
                sink.leaveKeyword()
                evaluated.markProperty(at: position)
                if !memberValid {
                    valid = false
                    if !Sink.recordsErrors { return false }
                }
            }
        }
        return valid
    }

    mutating func applyAdditionalProperties(
        _ rule: AdditionalPropertiesRule, _ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
        defer { sink.leaveKeyword() }
        for (position, member) in object.members.enumerated() where !rule.covers(member.key) {
            let memberValid = applyToMember(rule.node, member.key, member.value) {
                "property \(MessageText.quoted(member.key)) is not allowed"
            }
            evaluated.markProperty(at: position)
            if !memberValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func applyUnevaluatedProperties(
        _ child: NodeID, _ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
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

    mutating func applyPropertyNames(_ child: NodeID, _ entry: KeywordEntry, _ instance: JSONValue) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
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
        _ children: [(property: String, node: NodeID)], _ entry: KeywordEntry, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .object(let object) = instance else { return true }
        var valid = true
        sink.enterKeyword(entry.name)
        defer { sink.leaveKeyword() }
        for child in children where object[child.property] != nil {
            sink.enterKeyword(child.property)
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
        if case .alwaysInvalid = childNode.body {
            sink.fail(childNode, keyword: nil, message: falseSchemaMessage)
            return false
        }
        var memberEvaluated = EvaluatedLocations.inactive
        return evaluate(child, value, &memberEvaluated)
    }
}

extension AdditionalPropertiesRule {
    /// True when `properties` or `patternProperties` beside this keyword apply to `name`.
    /// A pattern that cannot be matched within budget counts as covering: `patternProperties`
    /// already reports that failure.
    func covers(_ name: String) -> Bool {
        if coveredNames.contains(name) { return true }
        for regex in coveringPatterns {
            guard let matched = try? regex.matches(name) else { return true }
            if matched { return true }
        }
        return false
    }
}
