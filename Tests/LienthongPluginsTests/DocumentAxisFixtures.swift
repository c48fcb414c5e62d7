import Foundation
import LienthongSchema

/// Example payloads of the bundled document schemas, read from `schemas/document/` so that the
/// tests exercise the same examples the schemas publish.
enum DocumentAxisFixtures {
    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    static func examples(of schemaFile: String) throws -> [JSONValue] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schemas/document/\(schemaFile)")
        let schema = try JSONParser.parse(Array(try Data(contentsOf: url)))
        guard let examples = schema[key: "examples"]?.asArray, !examples.isEmpty else {
            throw FixtureError(description: "\(schemaFile) has no examples")
        }
        return examples
    }

    static func documentExamples() throws -> [JSONValue] { try examples(of: "edoc.send.request.v1.json") }
    static func statusExamples() throws -> [JSONValue] { try examples(of: "status.update.request.v1.json") }

    /// `value` with the member at `path` (object keys) replaced by `replacement`.
    static func replacing(_ path: [String], in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let first = path.first, case .object(let object) = value else { return replacement }
        var members = object.members
        let inner = replacing(Array(path.dropFirst()), in: object[first] ?? .null, with: replacement)
        if let index = members.firstIndex(where: { $0.key == first }) {
            members[index].value = inner
        } else {
            members.append((first, inner))
        }
        return .object(JSONObject(members))
    }
}
