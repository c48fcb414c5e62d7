/// Assertions on numbers and strings. Each ignores instances of other types, as the
/// specification requires.
extension Evaluator {
    mutating func checkNumber(_ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .number(let value) = instance else { return true }
        switch entry.keyword {
        case .multipleOf(let divisor):
            guard !value.isMultiple(of: divisor) else { return true }
            sink.fail(node, keyword: entry.name) { "\(value) is not a multiple of \(divisor)" }
        case .maximum(let limit):
            guard value > limit else { return true }
            sink.fail(node, keyword: entry.name) { "\(value) is greater than the maximum of \(limit)" }
        case .exclusiveMaximum(let limit):
            guard value >= limit else { return true }
            sink.fail(node, keyword: entry.name) { "\(value) is not less than the exclusive maximum of \(limit)" }
        case .minimum(let limit):
            guard value < limit else { return true }
            sink.fail(node, keyword: entry.name) { "\(value) is less than the minimum of \(limit)" }
        case .exclusiveMinimum(let limit):
            guard value <= limit else { return true }
            sink.fail(node, keyword: entry.name) { "\(value) is not greater than the exclusive minimum of \(limit)" }
        default:
            return true
        }
        return false
    }

    mutating func checkString(_ entry: KeywordEntry, _ node: SchemaNode, _ instance: JSONValue) -> Bool {
        guard case .string(let value) = instance else { return true }
        switch entry.keyword {
        case .maxLength(let limit):
            // UTF-8 never has fewer bytes than code points: short strings need no counting.
            guard value.utf8.count > limit else { return true }
            let length = value.unicodeScalars.count
            guard length > limit else { return true }
            sink.fail(node, keyword: entry.name) {
                "string is \(length) characters long, more than the maximum length of \(limit)"
            }
        case .minLength(let limit):
            guard value.utf8.count >= limit else {
                sink.fail(node, keyword: entry.name) {
                    "string is \(value.unicodeScalars.count) characters long, less than the minimum length of \(limit)"
                }
                return false
            }
            let length = value.unicodeScalars.count
            guard length < limit else { return true }
            sink.fail(node, keyword: entry.name) {
                "string is \(length) characters long, less than the minimum length of \(limit)"
            }
        case .pattern(let regex):
            return checkPattern(regex, entry, node, value)
        case .format(let format):
            guard FormatChecker.check(format, value) == false else { return true }
            sink.fail(node, keyword: entry.name) { "\(MessageText.json(instance)) is not a valid \(format)" }
        default:
            return true
        }
        return false
    }

    private mutating func checkPattern(_ regex: ECMARegex, _ entry: KeywordEntry, _ node: SchemaNode, _ value: String) -> Bool {
        do {
            guard try !regex.matches(value) else { return true }
            sink.fail(node, keyword: entry.name) {
                "string \(MessageText.json(.string(value))) does not match the pattern /\(regex.pattern)/"
            }
        } catch {
            // Fail closed: a value we cannot check within budget is not accepted.
            sink.fail(node, keyword: entry.name) { "string could not be checked against the pattern: \(error)" }
        }
        return false
    }
}
