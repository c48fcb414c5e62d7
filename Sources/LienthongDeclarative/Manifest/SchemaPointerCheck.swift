import LienthongJSON

/// Checks at load that a manifest's templates fit the service's schemas, so a typo is found before
/// the first request: a request-side JSON Pointer (`{/maThee}`) must name something the request
/// schema allows, and a member of the answer's mapping something the response schema allows.
/// Deliberately conservative: it only refuses what a schema rules out plainly (a member of a
/// closed object that is not declared, a step into a string or number); wherever the schema is
/// open, combined (`allOf`, `anyOf`, `oneOf`, `if`) or refers to another document, it accepts.
enum SchemaPointerCheck {
    /// A place in a schema document: the subschema and the document's root (for local `$ref`s).
    struct Position {
        let schema: JSONValue
        let root: JSONValue
        /// Where this is in the instance, for messages.
        let location: JSONPointer

        init(document: JSONValue) {
            schema = document
            root = document
            location = JSONPointer()
        }

        private init(schema: JSONValue, root: JSONValue, location: JSONPointer) {
            self.schema = schema
            self.root = root
            self.location = location
        }

        /// One step into the instance: the member `token` (or array element); `.unknown` where the
        /// schema does not say plainly.
        func step(_ token: String, what: String) -> Step {
            guard let resolved = SchemaPointerCheck.followLocalReferences(schema, root: root),
                  case .object(let object) = resolved,
                  !["allOf", "anyOf", "oneOf", "if", "patternProperties", "dependentSchemas"].contains(where: { object[$0] != nil })
            else { return .unknown }
            let type = object["type"]?.asString
            if let type, type != "object", type != "array" {
                return .refused("the \(what) schema makes \(location.isRoot ? "the \(what)" : location.description) a \(type); it has no /\(JSONPointer.escape(token))")
            }
            if let member = object["properties"]?.asObject?[token] {
                return .into(Position(schema: member, root: root, location: location.appending(token)))
            }
            if type == "array", let items = object["items"], Int(token) != nil {
                return .into(Position(schema: items, root: root, location: location.appending(token)))
            }
            guard object["additionalProperties"] == .bool(false) || object["unevaluatedProperties"] == .bool(false) else { return .unknown }
            let declared = object["properties"]?.asObject?.keys.map { location.appending($0).description } ?? []
            return .refused("the \(what) schema declares no \(location.appending(token))"
                + (declared.isEmpty ? "" : " (it declares \(declared.joined(separator: ", ")))"))
        }

        /// The schema of the elements of an array here, for `$each`; nil where it is not plain.
        var items: Position? {
            guard let resolved = SchemaPointerCheck.followLocalReferences(schema, root: root),
                  let items = resolved[key: "items"], resolved[key: "type"]?.asString == "array"
            else { return nil }
            return Position(schema: items, root: root, location: location.appending("0"))
        }
    }

    enum Step {
        case into(Position)
        case refused(String)
        case unknown
    }

    /// Why `pointer` cannot name a value of a request valid against `schema`, or nil.
    static func refusal(of pointer: JSONPointer, in schema: JSONValue) -> String? {
        var position = Position(document: schema)
        for token in pointer.tokens {
            switch position.step(token, what: "request") {
            case .into(let next): position = next
            case .refused(let reason): return reason
            case .unknown: return nil
            }
        }
        return nil
    }

    /// The schema a `$ref` within the same document leads to (a few hops at most); nil for a
    /// reference elsewhere, which this check does not follow.
    static func followLocalReferences(_ schema: JSONValue, root: JSONValue) -> JSONValue? {
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
