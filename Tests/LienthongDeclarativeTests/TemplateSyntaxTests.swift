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
