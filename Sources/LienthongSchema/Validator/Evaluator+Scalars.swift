/// Assertions on numbers and strings. Each ignores instances of other types, as the
/// specification requires.
extension Evaluator {
    enum Bound {
        case maximum, exclusiveMaximum, minimum, exclusiveMinimum
    }

    mutating func checkBound(
        _ bound: Bound, _ limit: JSONNumber, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue
    ) -> Bool {
        guard case .number(let value) = instance else { return true }
        switch bound {
        case .maximum:
            guard value > limit else { return true }
            sink.fail(node, keyword: name) { "\(value) is greater than the maximum of \(limit)" }
        case .exclusiveMaximum:
            guard value >= limit else { return true }
            sink.fail(node, keyword: name) { "\(value) is not less than the exclusive maximum of \(limit)" }
        case .minimum:
            guard value < limit else { return true }
            sink.fail(node, keyword: name) { "\(value) is less than the minimum of \(limit)" }
        case .exclusiveMinimum:
            guard value <= limit else { return true }
            sink.fail(node, keyword: name) { "\(value) is not greater than the exclusive minimum of \(limit)" }
        }
        return false
    }

    mutating func checkMultipleOf(_ divisor: JSONNumber, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .number(let value) = instance, !value.isMultiple(of: divisor) else { return true }
        sink.fail(node, keyword: name) { "\(value) is not a multiple of \(divisor)" }
        return false
    }

    mutating func checkMaxLength(_ limit: Int, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        // UTF-8 never has fewer bytes than code points: short strings need no counting.
        guard case .string(let value) = instance, value.utf8.count > limit else { return true }
        let length = value.unicodeScalars.count
        guard length > limit else { return true }
        sink.fail(node, keyword: name) { "string is \(length) characters long, more than the maximum length of \(limit)" }
        return false
    }

    mutating func checkMinLength(_ limit: Int, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .string(let value) = instance else { return true }
        // A code point takes one to four UTF-8 bytes, so the byte count often decides alone.
        let bytes = value.utf8.count
        if bytes >= limit {
            if (bytes + 3) / 4 >= limit { return true }
            guard value.unicodeScalars.count < limit else { return true }
        }
        sink.fail(node, keyword: name) {
            "string is \(value.unicodeScalars.count) characters long, less than the minimum length of \(limit)"
        }
        return false
    }

    mutating func checkPattern(_ regex: ECMARegex, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .string(let value) = instance else { return true }
        do {
            guard try !regex.matches(value) else { return true }
            sink.fail(node, keyword: name) {
                "string \(MessageText.json(instance)) does not match the pattern /\(regex.pattern)/"
            }
        } catch {
            // Fail closed: a value we cannot check within budget is not accepted.
            abort(node, keyword: name) { "string could not be checked against the pattern: \(error)" }
        }
        return false
    }

    mutating func checkFormat(_ format: String, _ name: StaticString, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        // Unknown formats (nil) are accepted, as the specification requires.
        guard case .string(let value) = instance, FormatChecker.check(format, value) == false else { return true }
        sink.fail(node, keyword: name) { "\(MessageText.json(instance)) is not a valid \(format)" }
        return false
    }
}
