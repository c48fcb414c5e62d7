/// Equality as JSON Schema defines it for `const`, `enum` and `uniqueItems`: numbers by
/// mathematical value, objects regardless of member order, and strings code point by code point.
///
/// Swift's `String ==` (and so `JSONValue ==`) treats canonically equivalent strings as equal
/// ("ä" precomposed equals "a" + combining diaeresis), which JSON Schema does not, so strings are
/// compared on their UTF-8 bytes here.
enum SchemaEquality {
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.number(let left), .number(let right)):
            return left == right
        case (.string(let left), .string(let right)):
            return equal(left, right)
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return false }
            for index in left.indices where !equal(left[index], right[index]) { return false }
            return true
        case (.object(let left), .object(let right)):
            return equal(left, right)
        default:
            return false
        }
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    private static func equal(_ lhs: JSONObject, _ rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count <= 8 {
            for member in lhs.members {
                guard let match = rhs.members.first(where: { equal($0.key, member.key) }), equal(match.value, member.value)
                else { return false }
            }
            return true
        }
        var byKey: [ExactString: JSONValue] = [:]
        byKey.reserveCapacity(rhs.count)
        for member in rhs.members { byKey[ExactString(member.key)] = member.value }
        for member in lhs.members {
            guard let value = byKey[ExactString(member.key)], equal(value, member.value) else { return false }
        }
        return true
    }
}

/// A JSON value hashed as usual but compared with `SchemaEquality`. Swift's hash of a string is
/// equal for canonically equivalent strings, hence also for code-point-equal ones: consistent.
struct SchemaEqualValue: Hashable {
    let value: JSONValue

    static func == (lhs: SchemaEqualValue, rhs: SchemaEqualValue) -> Bool {
        SchemaEquality.equal(lhs.value, rhs.value)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// A string compared code point by code point.
private struct ExactString: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool { SchemaEquality.equal(lhs.text, rhs.text) }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
