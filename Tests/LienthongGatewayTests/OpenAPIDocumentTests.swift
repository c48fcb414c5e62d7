import Foundation
import LienthongSchema
import Testing
@testable import LienthongGateway

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("the served copy equals docs/openapi.json and is an OpenAPI 3.1 document of the local API")
    func servedCopyMatchesRepository() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/openapi.json")
        let repository = try String(contentsOf: file, encoding: .utf8)
        #expect(repository.trimmingCharacters(in: .whitespacesAndNewlines)
            == OpenAPIDocument.json.trimmingCharacters(in: .whitespacesAndNewlines))
        let document = try JSONParser.parse(OpenAPIDocument.json)
        #expect(document.asObject?["openapi"] == .string("3.1.0"))
        let paths = try #require(document.asObject?["paths"]?.asObject)
        #expect(paths.keys.contains("/v1/services/{system.resource.action}/{version}"))
        #expect(paths.keys.contains("/health"))
        for path in ["/v1/messages", "/v1/messages/{id}", "/v1/inbox", "/v1/inbox/{id}", "/v1/inbox/{id}/ack"] {
            #expect(paths.keys.contains(path), "\(path) is documented")
        }
    }
}
