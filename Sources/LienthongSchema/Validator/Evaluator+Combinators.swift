/// In-place applicators: subschemas applied to the same instance. Their annotations flow to the
/// enclosing schema only from subschemas that succeeded.
extension Evaluator {
    mutating func applyAllOf(
        _ children: [NodeID], _ name: StaticString, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for (index, child) in children.enumerated() {
            sink.enterKeyword(index: index)
            // A failing branch fails this schema too, so its annotations can go straight in.
            let childValid = evaluate(child, instance, &evaluated)
            sink.leaveKeyword()
            if !childValid {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        return valid
    }

    mutating func applyAnyOf(
        _ children: [NodeID], _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let mark = sink.errorCount
        var anyValid = false
        sink.enterKeyword(name)
        for (index, child) in children.enumerated() {
            var branch = evaluated.isActive ? EvaluatedLocations.active : .inactive
            sink.enterKeyword(index: index)
            let childValid = evaluate(child, instance, &branch)
            sink.leaveKeyword()
            guard childValid else { continue }
            anyValid = true
            evaluated.merge(branch)
            // Later branches matter only for their annotations.
            if !evaluated.isActive { break }
        }
        sink.leaveKeyword()
        if anyValid {
            sink.discardErrors(after: mark)
            return true
        }
        sink.fail(node, keyword: name, at: mark) {
            "value does not match any of the \(children.count) schemas in 'anyOf'"
        }
        return false
    }

    mutating func applyOneOf(
        _ children: [NodeID], _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        let mark = sink.errorCount
        var firstMatch: Int?
        var secondMatch: Int?
        var matchEvaluated = EvaluatedLocations.inactive
        sink.enterKeyword(name)
        for (index, child) in children.enumerated() {
            var branch = evaluated.isActive ? EvaluatedLocations.active : .inactive
            sink.enterKeyword(index: index)
            let childValid = evaluate(child, instance, &branch)
            sink.leaveKeyword()
            guard childValid else { continue }
            if firstMatch == nil {
                firstMatch = index
                matchEvaluated = branch
            } else {
                secondMatch = index
                break
            }
        }
        sink.leaveKeyword()

        guard let firstMatch else {
            // The failing branches' errors stay: they say why nothing matched.
            sink.fail(node, keyword: name, at: mark) {
                "value does not match any of the \(children.count) schemas in 'oneOf'"
            }
            return false
        }
        sink.discardErrors(after: mark)
        if let secondMatch {
            sink.fail(node, keyword: name) {
                "value matches more than one schema in 'oneOf' (at least \(firstMatch) and \(secondMatch)); exactly one is required"
            }
            return false
        }
        evaluated.merge(matchEvaluated)
        return true
    }

    mutating func applyNot(_ child: NodeID, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        let mark = sink.errorCount
        var ignored = EvaluatedLocations.inactive
        sink.enterKeyword(name)
        let childValid = evaluate(child, instance, &ignored)
        sink.leaveKeyword()
        sink.discardErrors(after: mark)
        guard childValid else { return true }
        sink.fail(node, keyword: name) { "value must not match the schema in 'not'" }
        return false
    }

    mutating func applyConditional(_ rule: ConditionalRule, _ instance: JSONValue, _ evaluated: inout EvaluatedLocations) -> Bool {
        let mark = sink.errorCount
        var conditionEvaluated = evaluated.isActive ? EvaluatedLocations.active : .inactive
        sink.enterKeyword("if")
        let conditionHolds = evaluate(rule.condition, instance, &conditionEvaluated)
        sink.leaveKeyword()
        // `if` is not an assertion: its failures are never errors.
        sink.discardErrors(after: mark)
        if conditionHolds {
            evaluated.merge(conditionEvaluated)
            guard let then = rule.then else { return true }
            sink.enterKeyword("then")
            defer { sink.leaveKeyword() }
            return evaluate(then, instance, &evaluated)
        }
        guard let otherwise = rule.otherwise else { return true }
        sink.enterKeyword("else")
        defer { sink.leaveKeyword() }
        return evaluate(otherwise, instance, &evaluated)
    }
}
