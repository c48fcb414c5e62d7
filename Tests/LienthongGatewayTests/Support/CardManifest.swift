import Foundation
import LienthongDeclarative

/// A temporary directory with a declarative adapter for a test card registry: its manifest
/// (`test-cards.yaml`, rewritten to simulate an operator's edits) and its two schemas.
struct CardManifest {
    static let service = "test.card.lookup/v1"
    static let validRequest = #"{"maThe": "DN4010123456789"}"#

    let directory: String
    var file: String { directory + "/test-cards.yaml" }

    init(version: String = "1.0.0") throws {
        directory = NSTemporaryDirectory() + "lienthong-manifests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/schemas", withIntermediateDirectories: true)
        try write("schemas/card.request.json", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.test.vn/card.request.json",
             "type": "object", "properties": {"maThe": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{13}$"}},
             "required": ["maThe"], "additionalProperties": false}
            """)
        try write("schemas/card.response.json", """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.test.vn/card.response.json",
             "type": "object", "properties": {"maThe": {"type": "string"}, "hoTen": {"type": "string"}, "mappedBy": {"type": "string"}},
             "required": ["maThe", "hoTen", "mappedBy"], "additionalProperties": false}
            """)
        try writeManifest(version: version)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The manifest of `version`; its answers say which version mapped them (`mappedBy`).
    func writeManifest(version: String) throws {
        try write("test-cards.yaml", """
            id: test-cards
            version: \(version)
            summary: Test card registry
            upstream:
              baseURL: http://127.0.0.1:9/not-used     # the ministry's settings give the real one
              timeoutMs: 5000
            services:
              \(Self.service):
                requestSchema: schemas/card.request.json
                responseSchema: schemas/card.response.json
                request:
                  method: GET
                  path: /cards/{/maThe}
                response:
                  body:
                    maThe: "{/data/ma_the}"
                    hoTen: "{/data/ho_ten}"
                    mappedBy: "\(version)"
                errors:
                  notFound: [404]
                  message: "{/error?}"
            """)
    }

    /// A manifest with an error on line 7 (`retries: 99`).
    func writeBrokenManifest() throws {
        try writeManifest(version: "9.9.9")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try write("test-cards.yaml", text.replacingOccurrences(of: "  timeoutMs: 5000\n", with: "  timeoutMs: 5000\n  retries: 99\n"))
    }

    func manifests() throws -> [AdapterManifest] { try ManifestLoader().load(paths: [directory]) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
}
