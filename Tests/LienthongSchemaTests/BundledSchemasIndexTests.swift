import Foundation
import LienthongSchema
import Testing

/// `index.json` is how the gateway finds the schemas of a service, so every entry must point
/// at a bundled schema with the same `$id`, and every bundled schema must be reachable from it.
@Suite("Bundled schema index")
struct BundledSchemasIndexTests {
    /// The services of the four built-in adapters (DESIGN.md, "Plugins").
    static let builtInServices = [
        "population.citizen.lookup/v1", "population.citizen.verify/v1", "land.parcel.lookup/v1",
        "business.enterprise.lookup/v1", "document.edoc.send/v1", "document.status.update/v1",
    ]

    private func index() throws -> [String: Any] {
        let json = try #require(BundledSchemasFixture.bundled("index.json"), "index.json is not bundled")
        return try #require(try BundledSchemasFixture.object(json), "index.json is not a JSON object")
    }

    /// Checks one `{"$id", "path"}` entry and returns its path.
    private func checkedPath(_ entry: Any?, _ context: String) throws -> String {
        let fields = try #require(entry as? [String: Any], "\(context): not an object")
        let path = try #require(fields["path"] as? String, "\(context): no path")
        let id = try #require(fields["$id"] as? String, "\(context): no $id")
        #expect(id == BundledSchemasFixture.baseURI + path, "\(context): $id \(id) does not mirror \(path)")
        let json = try #require(BundledSchemasFixture.bundled(path), "\(context): \(path) is not bundled")
        let schema = try #require(try BundledSchemasFixture.object(json), "\(context): \(path) is not an object")
        #expect(schema["$id"] as? String == id, "\(context): \(path) declares another $id")
        return path
    }

    @Test("the index lists the built-in services once each, with request and response schemas")
    func servicesAreListed() throws {
        let services = try #require(try index()["services"] as? [[String: Any]], "services is not a list")
        let ids = services.compactMap { $0["service"] as? String }
        #expect(ids.count == services.count, "a service entry has no service id")
        #expect(Set(ids).count == ids.count, "a service is listed twice: \(ids)")
        #expect(Set(ids) == Set(Self.builtInServices), "listed services: \(ids.sorted())")
        for service in services {
            let id = service["service"] as? String ?? "?"
            let request = try checkedPath(service["request"], "\(id) request")
            let response = try checkedPath(service["response"], "\(id) response")
            #expect(request.contains(".request."), "\(id): request schema \(request) is named like a response")
            #expect(response.contains(".response."), "\(id): response schema \(response) is named like a request")
        }
    }

    @Test("every bundled schema is reachable from the index exactly once")
    func everySchemaIsIndexed() throws {
        let index = try index()
        var listed = [try checkedPath(index["envelope"], "envelope")]
        let common = try #require(index["common"] as? [Any], "common is not a list")
        for (position, entry) in common.enumerated() {
            listed.append(try checkedPath(entry, "common[\(position)]"))
        }
        for service in index["services"] as? [[String: Any]] ?? [] {
            let id = service["service"] as? String ?? "?"
            listed.append(try checkedPath(service["request"], "\(id) request"))
            listed.append(try checkedPath(service["response"], "\(id) response"))
        }
        let schemas = BundledSchemas.files.map(\.path).filter { $0 != "index.json" }
        #expect(listed.sorted() == schemas.sorted(), "index lists \(listed.sorted()), bundle holds \(schemas)")
    }
}
