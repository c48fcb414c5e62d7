import LienthongJSON
import Testing
@testable import LienthongDeclarative

@Suite("Templates: syntax")
struct TemplateSyntaxTests {
    @Test("text and placeholders become segments; {{ and }} are literal braces")
    func segments() throws {
        let template = try TextTemplate(parsing: "/a/{/x/y}?q={{lit}}&m={messageId}")
        #expect(template.segments.count == 4)
        #expect(template.segments[0] == .literal("/a/"))
        #expect(template.segments[2] == .literal("?q={lit}&m="))
        let placeholders = template.placeholders
        #expect(placeholders.map(\.source) == [.pointer(try JSONPointer("/x/y")), .envelope(.messageId)])
        #expect(template.soleSlot == nil)
        #expect(try TextTemplate(parsing: "{/hoTen}").soleSlot?.source == .pointer(try JSONPointer("/hoTen")))
    }

    @Test("every kind of placeholder, with ? and a conversion")
    func placeholderKinds() throws {
        #expect(try Placeholder(parsing: "/a~1b/0").source == .pointer(try JSONPointer("/a~1b/0")))
        let xml = try Placeholder(parsing: "xml:Envelope/Body/Item[2]/Name?|number")
        #expect(xml.optional)
        #expect(xml.conversion == .number)
        guard case .xml(let path) = xml.source else {
            Issue.record("expected an XML path")
            return
        }
        #expect(path.steps.map(\.name) == ["Envelope", "Body", "Item", "Name"])
        #expect(path.steps[2].position == 2)
        #expect(try Placeholder(parsing: "@").source == .itemPointer(JSONPointer()))
        #expect(try Placeholder(parsing: "@/code").source == .itemPointer(try JSONPointer("/code")))
        #expect(try Placeholder(parsing: "secret:api_key").source == .secret("api_key"))
        #expect(try Placeholder(parsing: "from").source == .envelope(.from))
    }

    @Test("syntax errors say what is wrong", arguments: [
        ("{/a", "\"{\" without a closing \"}\""),
        ("a}", "\"}\" without an opening \"{\""),
        ("{/a{/b}}", "placeholders cannot nest"),
        ("{nonsense}", "{nonsense}: unknown placeholder"),
        ("{/a~2}", "'~' must be followed by '0' or '1'"),
        ("{/a|float}", "unknown conversion \"float\""),
        ("{xml:a:b}", "is not an element name"),
        ("{xml:A[0]}", "the position in [ ] must be an integer from 1"),
        ("{secret:}", "a secret name is letters, digits"),
    ])
    func errors(template: String, expected: String) {
        do throws(TemplateSyntaxError) {
            _ = try TextTemplate(parsing: template)
            Issue.record("\(template) parsed")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}

@Suite("Templates: where placeholders may stand")
struct PlaceholderRulesTests {
    func refusal(_ text: String, _ place: PlaceholderRules.Place, insideEach: Bool = false) throws -> String? {
        PlaceholderRules(place: place, secrets: ["token"]).refusal(of: try Placeholder(parsing: text), insideEach: insideEach)
    }

    @Test("secrets only on the request side, never in the path, never converted")
    func secrets() throws {
        #expect(try refusal("secret:token", .requestText) == nil)
        #expect(try refusal("secret:token", .requestJSON) == nil)
        #expect(try refusal("secret:other", .requestText) == "secret \"other\" is not declared under secrets")
        #expect(try refusal("secret:token", .requestPath)?.hasPrefix("secrets may not stand in the URL path") == true)
        #expect(try refusal("secret:token", .response(.json)) == "secrets may not stand in the answer's mapping")
        #expect(try refusal("secret:token|number", .requestText) == "a secret takes no conversion")
    }

    @Test("XML paths only on XML answers, item placeholders only inside $each")
    func documents() throws {
        #expect(try refusal("xml:A/B", .response(.xml)) == nil)
        #expect(try refusal("xml:A/B", .response(.json)) != nil)
        #expect(try refusal("/a", .response(.xml)) != nil)
        #expect(try refusal("@/a", .response(.json)) == "{@…} is only meaningful inside $each or $with")
        #expect(try refusal("@/a", .response(.json), insideEach: true) == nil)
        #expect(try refusal("@xml:C", .response(.xml), insideEach: true) == nil)
        #expect(try refusal("@", .response(.xml), insideEach: true) == nil)
        #expect(try refusal("messageId", .requestPath) == nil)
    }
}
