import LienthongPluginAPI
import LienthongSchema
import Testing
@testable import LienthongGateway

@Suite("Problem documents")
struct ProblemTests {
    @Test("a problem serialises as RFC 9457 with a stable type")
    func document() throws {
        let problem = Problem.schemaViolation("bad", errors: [
            ValidationError(instanceLocation: "/SoDinhDanh", keywordLocation: "/properties/SoDinhDanh/pattern",
                            absoluteKeywordLocation: "x", message: "does not match"),
        ])
        let parsed = try JSONParser.parse(problem.body)
        #expect(parsed.asObject?["type"] == .string("https://lienthong.vn/problems/schema-violation"))
        #expect(parsed.asObject?["status"] == .number(JSONNumber(422)))
        #expect(parsed.asObject?["title"]?.asString?.isEmpty == false)
        #expect(parsed.asObject?["detail"] == .string("bad"))
        let error = parsed.asObject?["errors"]?.asArray?.first?.asObject
        #expect(error?["instanceLocation"] == .string("/SoDinhDanh"))
        #expect(error?["keywordLocation"] == .string("/properties/SoDinhDanh/pattern"))
        #expect(error?["message"] == .string("does not match"))
        #expect(try JSONParser.parse(Problem.forbidden("no").body).asObject?["errors"] == nil)
    }

    @Test("plugin errors map to 404, 422, 504 and 502")
    func pluginErrors() {
        #expect(Problem.upstream(.notFound("x")).status == 404)
        #expect(Problem.upstream(.rejected("x")).status == 422)
        #expect(Problem.upstream(.timeout("x")).status == 504)
        #expect(Problem.upstream(.unavailable("x")).status == 502)
        #expect(Problem.upstream(.badUpstreamResponse("x")).status == 502)
        #expect(Problem.upstream(.unsupportedService(TestServices.lookup)).status == 502)
    }
}
