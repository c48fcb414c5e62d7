import LienthongJSON

/// Checks at load that a request-side JSON Pointer names something the service's request schema
/// allows, so a typo (`{/maThee}`) is found before the first request. Deliberately conservative:
/// it only refuses what the schema rules out plainly (a member of a closed object that is not
/// declared, a step into a string or number); wherever the schema is open, combined (`allOf`,
/// `anyOf`, `oneOf`, `if`) or refers to another document, the pointer is accepted.
enum SchemaPointerCheck {
    /// Why `pointer` cannot name a value of an instance of `schema`, or nil.
    static func refusal(of pointer: JSONPointer, in schema: JSONValue) -> String? {
        var current = schema
        var walked = JSONPointer()
        for token in pointer.tokens {
            guard let resolved = followLocalReferences(current, root: schema),
                  case .object(let object) = resolved,
                  !["allOf", "anyOf", "oneOf", "if", "patternProperties", "dependentSchemas"].contains(where: { object[$0] != nil })
            else { return nil }
            let type = object["type"]?.asString
            if let type, type != "object", type != "array" {
                return "the request schema makes \(walked.isRoot ? "the request" : walked.description) a \(type); it has no /\(JSONPointer.escape(token))"
            }
            if let member = object["properties"]?.asObject?[token] {
                current = member
            } else if type == "array", let items = object["items"], Int(token) != nil {
                current = items
            } else if object["additionalProperties"] == .bool(false) || object["unevaluatedProperties"] == .bool(false) {
                let declared = object["properties"]?.asObject?.keys.map { walked.appending($0).description } ?? []
                let place = walked.appending(token).description
                return "the request schema declares no \(place)"
                    + (declared.isEmpty ? "" : " (it declares \(declared.joined(separator: ", ")))")
            } else {
                return nil
            }
            walked.append(token)
        }
        return nil
    }

    /// The schema a `$ref` within the same document leads to (a few hops at most); nil for a
    /// reference elsewhere, which this check does not follow.
    private static func followLocalReferences(_ schema: JSONValue, root: JSONValue) -> JSONValue? {
        var current = schema
        for _ in 0..<16 {
            guard let reference = current[key: "$ref"]?.asString else { return current }
            guard reference.hasPrefix("#"), let pointer = try? JSONPointer(uriFragment: reference),
                  let target = pointer.resolve(in: root)
            else { return nil }
            current = target
        }
        return nil
    }
}
