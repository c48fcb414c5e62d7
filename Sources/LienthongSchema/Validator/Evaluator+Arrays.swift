/// Array keywords: counts, uniqueness, and the item applicators with their annotations.
extension Evaluator {
    mutating func checkItemCount(
        maximum: Int? = nil, minimum: Int? = nil, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        guard case .array(let items) = instance else { return true }
        if let maximum, items.count > maximum {
            sink.fail(node, keyword: name) { "array has \(items.count) items, more than the maximum of \(maximum)" }
            return false
        }
        if let minimum, items.count < minimum {
            sink.fail(node, keyword: name) { "array has \(items.count) items, fewer than the minimum of \(minimum)" }
            return false
        }
        return true
    }

    mutating func checkUniqueItems(_ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .array(let items) = instance, let (first, second) = Self.firstDuplicate(in: items) else { return true }
        sink.fail(node, keyword: name) { "array items \(first) and \(second) are equal; items must be unique" }
        return false
    }

    /// The indices of the first pair of equal items (by JSON Schema equality), if any.
    static func firstDuplicate(in items: [JSONValue]) -> (Int, Int)? {
        if items.count <= 16 {
            for second in items.indices {
                for first in 0..<second where items[first] == items[second] { return (first, second) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            if let first = seen.updateValue(index, forKey: item) { return (first, index) }
        }
        return nil
    }

    mutating func applyPrefixItems(
        _ children: [NodeID], _ name: StaticString, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .array(let items) = instance else { return true }
        let count = min(items.count, children.count)
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for index in 0..<count where !applyItem(children[index], keywordIndex: index, items[index], at: index) {
            valid = false
            if !Sink.recordsErrors { return false }
        }
        evaluated.markItems(below: count)
        return valid
    }

    mutating func applyItems(
        from startIndex: Int, _ child: NodeID, _ name: StaticString, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .array(let items) = instance, startIndex < items.count else { return true }
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for index in startIndex..<items.count where !applyItem(child, keywordIndex: nil, items[index], at: index) {
            valid = false
            if !Sink.recordsErrors { return false }
        }
        evaluated.markItems(below: items.count)
        return valid
    }

    mutating func applyUnevaluatedItems(
        _ child: NodeID, _ name: StaticString, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .array(let items) = instance else { return true }
        var valid = true
        sink.enterKeyword(name)
        defer { sink.leaveKeyword() }
        for index in items.indices where !evaluated.isItemEvaluated(at: index) {
            if !applyItem(child, keywordIndex: nil, items[index], at: index) {
                valid = false
                if !Sink.recordsErrors { return false }
            }
        }
        evaluated.markItems(below: items.count)
        return valid
    }

    mutating func applyContains(
        _ rule: ContainsRule, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue,
        _ evaluated: inout EvaluatedLocations
    ) -> Bool {
        guard case .array(let items) = instance else { return true }
        // Every item must be tried when the matches are annotations or an upper bound applies.
        let checksAll = evaluated.isActive || rule.maximum != nil || rule.minimum == 0
        var matches = 0
        sink.enterKeyword(name)
        for (index, item) in items.enumerated() {
            let mark = sink.errorCount
            var itemEvaluated = EvaluatedLocations.inactive
            sink.enterInstance(index: index)
            let matched = evaluate(rule.node, item, &itemEvaluated)
            sink.leaveInstance()
            // Items that do not match are not errors: only the count is.
            sink.discardErrors(after: mark)
            guard matched else { continue }
            matches += 1
            if rule.annotatesItems { evaluated.markItem(at: index) }
            if !checksAll && matches >= rule.minimum { break }
        }
        sink.leaveKeyword()

        if matches < rule.minimum {
            let keyword = rule.minimumGiven ? "minContains" : name
            sink.fail(node, keyword: keyword) {
                matches == 0
                    ? "no item matches the 'contains' schema"
                    : "\(matches) item\(matches == 1 ? "" : "s") match the 'contains' schema, at least \(rule.minimum) required"
            }
            return false
        }
        if let maximum = rule.maximum, matches > maximum {
            sink.fail(node, keyword: "maxContains") {
                "\(matches) items match the 'contains' schema, at most \(maximum) allowed"
            }
            return false
        }
        return true
    }

    /// Applies `child` to one item, with the item's index as the instance location and, for
    /// `prefixItems`, the subschema's index in the keyword location.
    private mutating func applyItem(_ child: NodeID, keywordIndex: Int?, _ item: JSONValue, at index: Int) -> Bool {
        if let keywordIndex { sink.enterKeyword(index: keywordIndex) }
        sink.enterInstance(index: index)
        var itemEvaluated = EvaluatedLocations.inactive
        let valid = evaluate(child, item, &itemEvaluated)
        sink.leaveInstance()
        if keywordIndex != nil { sink.leaveKeyword() }
        return valid
    }
}
