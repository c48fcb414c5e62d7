import LienthongJSON
import LienthongPluginAPI
import Testing
@testable import LienthongDeclarative

@Suite("Templates: filling and escaping")
struct TemplateRenderingTests {
    static let payload: JSONValue = [
        "id": "a/b c", "name": "Nguyễn <Văn> & \"A\"", "age": 42, "ok": true, "none": .null,
        "items": [["code": "X1", "n": 1], ["code": "X2", "n": 2]], "crlf": "a\r\nInjected: 1",
    ]

    func renderer(_ payload: JSONValue = payload) -> TemplateRenderer {
        TemplateRenderer(input: TemplateInput(
            document: .json(payload), envelope: [.messageId: "0192-id", .from: "000.00.00.H41"], secrets: ["token": "s3cr3t"]))
    }

    @Test("a path value is one percent-encoded segment; . and .. are refused")
    func pathSegments() throws {
        let text = try renderer().text(try TextTemplate(parsing: "/v1/{/id}/x"), escape: TemplateEscaping.pathSegment)
        #expect(text == "/v1/a%2Fb%20c/x")
        #expect(throws: TemplateFillError.self) {
            try renderer(["id": ".."]).text(try TextTemplate(parsing: "/v1/{/id}"), escape: TemplateEscaping.pathSegment)
        }
        #expect(TemplateEscaping.queryComponent("Nguyễn Văn&x=1") == "Nguy%E1%BB%85n%20V%C4%83n%26x%3D1")
    }

    @Test("header values refuse line breaks, so a field cannot add a header")
    func headers() throws {
        let template = try TextTemplate(parsing: "v={/crlf}")
        do throws(TemplateFillError) {
            _ = try renderer().text(template, escape: TemplateEscaping.headerValue)
            Issue.record("a CR LF went into a header")
        } catch {
            #expect(error.placeholder == "{/crlf}")
            #expect(error.reason.contains("U+D"))
        }
        #expect(try renderer().text(try TextTemplate(parsing: "Bearer {secret:token}"), escape: TemplateEscaping.headerValue) == "Bearer s3cr3t")
    }

    @Test("XML bodies get escaped values")
    func xml() throws {
        let text = try renderer().text(try TextTemplate(parsing: "<n a=\"{/name}\">{/name}</n><age>{/age}</age>"), escape: TemplateEscaping.xml)
        #expect(text == "<n a=\"Nguyễn &lt;Văn&gt; &amp; &quot;A&quot;\">Nguyễn &lt;Văn&gt; &amp; &quot;A&quot;</n><age>42</age>")
        #expect(throws: TemplateFillError.self) {
            try renderer(["x": "\u{1}"]).text(try TextTemplate(parsing: "<a>{/x}</a>"), escape: TemplateEscaping.xml)
        }
    }

    @Test("a sole placeholder keeps its JSON type; optional absent members are left out; mixed text is text")
    func values() throws {
        let template = ValueTemplate.object([
            .init(key: "age", value: .text(try TextTemplate(parsing: "{/age}"))),
            .init(key: "ok", value: .text(try TextTemplate(parsing: "{/ok}"))),
            .init(key: "items", value: .text(try TextTemplate(parsing: "{/items}"))),
            .init(key: "missing", value: .text(try TextTemplate(parsing: "{/missing?}"))),
            .init(key: "null", value: .text(try TextTemplate(parsing: "{/none?}"))),
            .init(key: "label", value: .text(try TextTemplate(parsing: "#{/age} by {from}"))),
            .init(key: "fixed", value: .literal(7)),
            .init(key: "ageText", value: .text(try TextTemplate(parsing: "{/age|string}"))),
        ])
        let value = try renderer().json(template)
        #expect(value == [
            "age": 42, "ok": true, "items": Self.payload[key: "items"] ?? .null, "label": "#42 by 000.00.00.H41", "fixed": 7,
            "ageText": "42",
        ])
    }

    @Test("$each maps every element, {@…} reading the current one")
    func each() throws {
        let template = ValueTemplate.each(
            source: try Placeholder(parsing: "/items"),
            template: .object([
                .init(key: "ma", value: .text(try TextTemplate(parsing: "{@/code}"))),
                .init(key: "so", value: .text(try TextTemplate(parsing: "{@/n|string}"))),
            ]))
        #expect(try renderer().json(template) == [["ma": "X1", "so": "1"], ["ma": "X2", "so": "2"]])
    }

    @Test("$with maps one value, and leaves its member out when an optional source is absent")
    func with() throws {
        let template = ValueTemplate.object([
            .init(key: "first", value: .with(
                source: try Placeholder(parsing: "/items/0?"),
                template: .object([.init(key: "ma", value: .text(try TextTemplate(parsing: "{@/code}")))]))),
            .init(key: "none", value: .with(
                source: try Placeholder(parsing: "/nothing?"),
                template: .object([.init(key: "ma", value: .text(try TextTemplate(parsing: "{@/code}")))]))),
        ])
        #expect(try renderer().json(template) == ["first": ["ma": "X1"]])
        let required = ValueTemplate.with(source: try Placeholder(parsing: "/nothing"), template: .literal(1))
        #expect(throws: TemplateFillError(placeholder: "{/nothing}", reason: "has no value")) { try renderer().json(required) }
    }

    @Test("a required value that is missing, or text from an object, fails naming the placeholder")
    func failures() throws {
        let missing = ValueTemplate.text(try TextTemplate(parsing: "{/nope}"))
        do throws(TemplateFillError) {
            _ = try renderer().json(missing)
            Issue.record("filled a missing value")
        } catch {
            #expect(error.description == "{/nope}: has no value")
        }
        let arrayInText = try TextTemplate(parsing: "x{/items}")
        do throws(TemplateFillError) {
            _ = try renderer().text(arrayInText)
            Issue.record("wrote an array into text")
        } catch {
            #expect(error.description == "{/items}: is array, which cannot be written as text")
        }
        #expect(throws: TemplateFillError.self) { try renderer(["n": "12a"]).json(.text(try TextTemplate(parsing: "{/n|integer}"))) }
        #expect(try renderer(["n": " 12 "]).json(.text(try TextTemplate(parsing: "{/n|integer}"))) == 12)
        #expect(try renderer(["b": "1"]).json(.text(try TextTemplate(parsing: "{/b|boolean}"))) == true)
    }

    @Test("XML documents are read by element paths, namespaces ignored, [n] from 1")
    func xmlPaths() throws {
        let document = """
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><R xmlns="urn:x">
              <Item><Code> A </Code></Item><Item><Code>B</Code></Item><Total>2</Total></R></s:Body></s:Envelope>
            """
        let root = try XMLElementTreeReader.parse(Array(document.utf8), limits: AnswerMapper.xmlLimits)
        let renderer = TemplateRenderer(input: TemplateInput(document: .xml(root), envelope: [:]))
        let template = ValueTemplate.object([
            .init(key: "second", value: .text(try TextTemplate(parsing: "{xml:Envelope/Body/R/Item[2]/Code}"))),
            .init(key: "total", value: .text(try TextTemplate(parsing: "{xml:Envelope/Body/R/Total|integer}"))),
            .init(key: "codes", value: .each(
                source: try Placeholder(parsing: "xml:Envelope/Body/R/Item"),
                template: .text(try TextTemplate(parsing: "{@xml:Code}")))),
            .init(key: "absent", value: .text(try TextTemplate(parsing: "{xml:Envelope/Body/R/Nope?}"))),
        ])
        #expect(try renderer.json(template) == ["second": "B", "total": 2, "codes": ["A", "B"]])
    }
}
