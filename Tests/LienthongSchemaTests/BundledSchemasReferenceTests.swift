import Foundation
import LienthongSchema
import Testing

/// The gateway resolves `$ref` only within the bundle (never over the network), so every
/// reference in a bundled schema must land on a bundled file and on a location inside it.
@Suite("Bundled schema references")
struct BundledSchemasReferenceTests {
    @Test("every $ref resolves to a bundled file and an existing location in it")
    func referencesResolveInsideTheBundle() throws {
        var checked = 0
        for file in BundledSchemas.files where file.path != "index.json" {
            let schema = try #require(try BundledSchemasFixture.object(file.json), "\(file.path) is not an object")
            let base = try #require(URL(string: BundledSchemasFixture.baseURI + file.path))
            for reference in Self.references(in: schema) {
                checked += 1
                let problem = Self.resolutionProblem(of: reference, from: base)
                #expect(problem == nil, "\(file.path): $ref \(reference): \(problem ?? "")")
            }
        }
        #expect(checked > 0, "no $ref found at all: the walk is broken")
    }

    @Test("a reference to a missing definition is reported")
    func missingTargetIsReported() throws {
        let base = try #require(URL(string: BundledSchemasFixture.baseURI + "envelope/v1.json"))
        #expect(Self.resolutionProblem(of: "../common/identifiers.v1.json#/$defs/noSuchThing", from: base) != nil)
        #expect(Self.resolutionProblem(of: "../common/nothing.v1.json", from: base) != nil)
        #expect(Self.resolutionProblem(of: "../common/identifiers.v1.json#/$defs/agencyCode", from: base) == nil)
    }

    /// Every `$ref` value in schema positions; examples, enums and constants are data, not schemas.
    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            var found: [String] = []
            for (key, member) in object where !["examples", "enum", "const", "default"].contains(key) {
                if key == "$ref", let reference = member as? String {
                    found.append(reference)
                } else {
                    found += references(in: member)
                }
            }
            return found
        }
        if let array = value as? [Any] { return array.flatMap { references(in: $0) } }
        return []
    }

    /// Why `reference` does not resolve within the bundle, or nil when it does.
    static func resolutionProblem(of reference: String, from base: URL) -> String? {
        guard let absolute = URL(string: reference, relativeTo: base)?.absoluteString else {
            return "is not a URI reference"
        }
        let parts = absolute.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let document = String(parts[0])
        guard document.hasPrefix(BundledSchemasFixture.baseURI) else { return "points outside the bundle" }
        let path = String(document.dropFirst(BundledSchemasFixture.baseURI.count))
        guard let json = BundledSchemasFixture.bundled(path) else { return "\(path) is not bundled" }
        guard let target = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return "\(path) is not JSON" }
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : ""
        guard !fragment.isEmpty else { return nil }
        guard fragment.hasPrefix("/") else { return "fragment \(fragment) is not a JSON Pointer" }
        var node: Any = target
        for token in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = node as? [String: Any], let next = object[key] {
                node = next
            } else if let array = node as? [Any], let position = Int(key), array.indices.contains(position) {
                node = array[position]
            } else {
                return "\(path) has nothing at #\(fragment)"
            }
        }
        return nil
    }
}
