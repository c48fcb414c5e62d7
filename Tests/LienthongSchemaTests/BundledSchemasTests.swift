import Foundation
import LienthongSchema
import Testing

/// The bundle compiled into the binary must be exactly what `schemas/` holds, or the gateway
/// validates against stale schemas without anyone noticing.
@Suite("Bundled schemas match schemas/")
struct BundledSchemasTests {
    @Test("every file under schemas/ except testdata/ is bundled, and nothing else")
    func bundleIsComplete() throws {
        let onDisk = try BundledSchemasFixture.sourceFiles()
        let bundled = Set(BundledSchemas.files.map(\.path))
        let missing = onDisk.keys.filter { !bundled.contains($0) }.sorted()
        #expect(missing.isEmpty, "not in the bundle: \(missing); \(BundledSchemasFixture.staleHint)")
        let removed = bundled.filter { onDisk[$0] == nil }.sorted()
        #expect(removed.isEmpty, "bundled but not in schemas/: \(removed); \(BundledSchemasFixture.staleHint)")
        #expect(!bundled.contains { $0.hasPrefix("testdata/") }, "known-bad test instances must not ship")
    }

    @Test("each bundled file is byte-identical to its source")
    func bundleIsByteIdentical() throws {
        let onDisk = try BundledSchemasFixture.sourceFiles()
        for file in BundledSchemas.files {
            guard let source = onDisk[file.path] else { continue }  // reported by bundleIsComplete
            let bundled = Array(file.json.utf8)
            // Compare first and report an offset: printing both arrays would bury the message.
            let identical = bundled == source
            let offset = zip(bundled, source).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(bundled.count, source.count)
            #expect(
                identical,
                """
                \(file.path) differs from schemas/\(file.path) from byte \(offset) \
                (\(bundled.count) bytes bundled, \(source.count) on disk); \(BundledSchemasFixture.staleHint)
                """)
        }
    }

    @Test("paths are unique and sorted, so the generated file is deterministic")
    func pathsAreSortedAndUnique() {
        let paths = BundledSchemas.files.map(\.path)
        #expect(paths == paths.sorted(), "paths are not sorted; \(BundledSchemasFixture.staleHint)")
        #expect(Set(paths).count == paths.count, "a path is bundled twice")
    }

    @Test("every bundled file is JSON")
    func everyFileParses() {
        for file in BundledSchemas.files {
            #expect(throws: Never.self, "\(file.path) is not JSON") {
                _ = try JSONSerialization.jsonObject(with: Data(file.json.utf8))
            }
        }
    }

    @Test("every schema declares draft 2020-12, an $id mirroring its path, a title and a description")
    func schemasDeclareIdentity() throws {
        for file in BundledSchemas.files where file.path != "index.json" {
            let schema = try #require(
                try BundledSchemasFixture.object(file.json), "\(file.path) is not a JSON object")
            #expect(schema["$schema"] as? String == BundledSchemasFixture.dialect, "\(file.path): wrong $schema")
            #expect(
                schema["$id"] as? String == BundledSchemasFixture.baseURI + file.path,
                "\(file.path): $id must be \(BundledSchemasFixture.baseURI + file.path)")
            #expect((schema["title"] as? String)?.isEmpty == false, "\(file.path): missing title")
            #expect((schema["description"] as? String)?.isEmpty == false, "\(file.path): missing description")
        }
    }
}

/// Reading the source tree and the bundle for the `BundledSchemas*Tests` suites.
enum BundledSchemasFixture {
    static let staleHint = "run python3 scripts/bundle-schemas.py"
    static let baseURI = "https://schemas.lienthong.vn/"
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// `schemas/` of the package this test file belongs to, found from the source path so the
    /// test works from any working directory.
    static var schemasDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // LienthongSchemaTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("schemas", isDirectory: true)
    }

    /// The bytes of every regular file under `schemas/` except `testdata/`, by path relative to `schemas/`.
    static func sourceFiles() throws -> [String: [UInt8]] {
        let root = schemasDirectory
        let manager = FileManager.default
        var files: [String: [UInt8]] = [:]
        for path in try manager.subpathsOfDirectory(atPath: root.path) {
            guard path != "testdata", !path.hasPrefix("testdata/") else { continue }
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            files[path] = Array(try Data(contentsOf: url))
        }
        return files
    }

    /// The bundled file at `path`, if any.
    static func bundled(_ path: String) -> String? {
        BundledSchemas.files.first { $0.path == path }?.json
    }

    /// Parses `json` and returns it when it is an object.
    static func object(_ json: String) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    }
}
