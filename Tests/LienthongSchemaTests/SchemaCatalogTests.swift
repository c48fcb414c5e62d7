import Foundation
import Testing
@testable import LienthongSchema

@Suite("Schema catalog: the bundled schemas through our own validator")
struct SchemaCatalogTests {
    static let schemasDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas")

    /// Loaded once: compiling every bundled schema per parameterised case would be wasted work.
    static let shared = Result { try SchemaCatalog.load() }

    @Test func bundledCatalogHasEveryService() throws {
        let catalog = try Self.shared.get()
        #expect(catalog.services.keys.sorted() == [
            "business.enterprise.lookup/v1", "document.edoc.send/v1", "document.status.update/v1",
            "land.parcel.lookup/v1", "population.citizen.lookup/v1", "population.citizen.verify/v1",
        ])
        #expect(catalog.schema(id: "https://schemas.lienthong.vn/envelope/v1.json") != nil)
        #expect(catalog.entries.allSatisfy { $0.origin.hasPrefix("bundled:") })
    }

    /// Every `examples` entry of every bundled schema must validate against that schema.
    @Test func everyExampleValidates() throws {
        let catalog = try Self.shared.get()
        var checked = 0
        for entry in catalog.entries {
            let path = String(entry.origin.dropFirst("bundled:".count))
            let file = try #require(BundledSchemas.files.first { $0.path == path })
            let document = try JSONParser.parse(file.json)
            for example in document[key: "examples"]?.asArray ?? [] {
                let result = entry.validator.validate(example)
                #expect(result.isValid, "example of \(entry.id) is invalid: \(result.errors)")
                checked += 1
            }
        }
        #expect(checked >= 2 * 13, "each service schema carries at least two examples")
    }

    struct KnownBad: Sendable, CustomTestStringConvertible {
        let file: String
        let schema: String
        let why: String
        let expectedKeywordLocation: String
        var testDescription: String { file }
    }

    static let knownBad: [KnownBad] = {
        let listing = schemasDirectory.appendingPathComponent("testdata/invalid.json")
        guard let data = FileManager.default.contents(atPath: listing.path),
              let rows = try? JSONParser.parse(Array(data)).asArray
        else { return [] }
        return rows.compactMap { row in
            guard let file = row[key: "file"]?.asString, let schema = row[key: "schema"]?.asString,
                  let why = row[key: "why"]?.asString,
                  let location = row[key: "expectedKeywordLocationContains"]?.asString
            else { return nil }
            return KnownBad(file: file, schema: schema, why: why, expectedKeywordLocation: location)
        }
    }()

    @Test func knownBadListingIsPresent() {
        #expect(Self.knownBad.count >= 30)
    }

    /// Each known-bad instance must fail, and for the stated reason.
    @Test(arguments: knownBad)
    func knownBadInstanceFailsForItsReason(_ bad: KnownBad) throws {
        let catalog = try Self.shared.get()
        let entry = try #require(catalog.schema(id: bad.schema))
        let data = try #require(FileManager.default.contents(
            atPath: Self.schemasDirectory.appendingPathComponent("testdata/\(bad.file)").path))
        let result = entry.validator.validate(try JSONParser.parse(Array(data)))
        #expect(!result.isValid, "\(bad.file) should be invalid: \(bad.why)")
        #expect(!entry.validator.isValid(try JSONParser.parse(Array(data))))
        #expect(
            result.errors.contains { $0.keywordLocation.contains(bad.expectedKeywordLocation) },
            "\(bad.file): no error at \(bad.expectedKeywordLocation); got \(result.errors.map(\.keywordLocation))")
    }

    @Test func formatIsAssertedByDefaultInTheGateway() throws {
        let catalog = try SchemaCatalog.load()
        let verify = try #require(catalog.schemas(forService: "population.citizen.verify/v1"))
        let badDate: JSONValue = ["SoDinhDanh": "001192004567", "HoVaTen": "Trần Thị Bích Ngọc", "NgayThangNamSinh": "1992-02-30"]
        #expect(!verify.request.validator.isValid(badDate))
    }
}

@Suite("Schema catalog: refusing broken schema directories")
struct SchemaCatalogErrorTests {
    private func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    @Test func loadsAnExtraDirectoryThatRefersToBundledSchemas() throws {
        let root = try directory([
            "insurance/book.lookup.request.v1.json": """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "$id": "https://schemas.example.vn/insurance/book.lookup.request.v1.json",
                 "type": "object", "required": ["SoDinhDanh"],
                 "properties": {"SoDinhDanh": {"$ref": "https://schemas.lienthong.vn/common/identifiers.v1.json#/$defs/soDinhDanh"}}}
                """,
            "insurance/book.lookup.response.v1.json": #"{"$id": "https://schemas.example.vn/insurance/book.lookup.response.v1.json", "type": "object"}"#,
            "index.json": """
                {"services": [{"service": "insurance.book.lookup/v1",
                  "request": {"$id": "https://schemas.example.vn/insurance/book.lookup.request.v1.json"},
                  "response": {"$id": "https://schemas.example.vn/insurance/book.lookup.response.v1.json"}}]}
                """,
            "testdata/ignored.json": "not json at all",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let catalog = try SchemaCatalog.load(directories: [root])
        let service = try #require(catalog.schemas(forService: "insurance.book.lookup/v1"))
        #expect(service.request.validator.isValid(["SoDinhDanh": "001192004567"]))
        #expect(!service.request.validator.isValid(["SoDinhDanh": "12345"]))
        #expect(catalog.services.count == 7)
    }

    @Test(arguments: [
        ("broken.json", #"{"$id": "https://x.vn/a.json", "type": "object",}"#, "is not valid JSON: line 1, column"),
        ("noid.json", #"{"type": "object"}"#, "has no absolute \"$id\""),
        ("badref.json", #"{"$id": "https://x.vn/b.json", "$ref": "https://x.vn/missing.json"}"#, "unresolvable reference"),
        ("badkeyword.json", #"{"$id": "https://x.vn/c.json", "minimum": "eighteen"}"#, "'minimum' must be"),
        ("dup.json", #"{"$id": "https://schemas.lienthong.vn/envelope/v1.json"}"#, "redefines \"$id\""),
    ])
    func refusesABrokenSchemaNamingTheFile(_ name: String, _ contents: String, _ reason: String) throws {
        let root = try directory([name: contents])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: SchemaCatalogError.self) { try SchemaCatalog.load(directories: [root]) }
        #expect(error?.origin.hasSuffix("/\(name)") == true, "origin was \(error?.origin ?? "nil")")
        #expect(error?.reason.contains(reason) == true, "reason was \(error?.reason ?? "nil")")
    }

    @Test func refusesAnIndexNamingAMissingSchema() throws {
        let root = try directory([
            "index.json": #"{"services": [{"service": "a.b.c/v1", "request": {"$id": "https://x.vn/nope.json"}, "response": {"$id": "https://x.vn/nope.json"}}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let error = #expect(throws: SchemaCatalogError.self) { try SchemaCatalog.load(directories: [root]) }
        #expect(error?.description.contains("service a.b.c/v1 names request schema https://x.vn/nope.json, which is not loaded") == true)
    }

    @Test func refusesAMissingDirectory() {
        let error = #expect(throws: SchemaCatalogError.self) {
            try SchemaCatalog.load(directories: [URL(fileURLWithPath: "/nonexistent/schemas")])
        }
        #expect(error?.description == "/nonexistent/schemas: is not a directory")
    }
}
