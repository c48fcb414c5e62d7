import Testing

@testable import LienthongSchema

/// Reference resolution: base URIs (RFC 3986), embedded resources, anchors, pointer fragments
/// and registry documents.
@Suite("Validator references")
struct ValidatorReferenceTests {
    @Test("RFC 3986 §5.4 reference resolution examples", arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
    ])
    func rfc3986Resolution(reference: String, expected: String) throws {
        let base = try #require(URIReference("http://a/b/c/d;p?q"))
        let resolved = try #require(URIReference(reference)).resolved(against: base)
        #expect(resolved.description == expected)
    }

    @Test("URNs resolve fragments against themselves")
    func urnBase() throws {
        let base = try #require(URIReference("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed"))
        #expect(try #require(URIReference("#/$defs/a")).resolved(against: base).description
            == "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/a")
    }

    @Test("text with spaces is not a URI reference")
    func invalidURI() {
        #expect(URIReference("has space") == nil)
    }

    @Test("registry documents are found by retrieval URI, and their own $id governs inner references")
    func registryDocuments() throws {
        let common = try ValidatorTestSupport.json(
            #"""
            {"$id": "https://schemas.lienthong.vn/common/identifiers.v1.json",
             "$defs": {"soDinhDanh": {"type": "string", "maxLength": 12, "minLength": 12},
                       "agency": {"$ref": "#/$defs/code"}, "code": {"type": "string", "maxLength": 35}}}
            """#)
        let registry = SchemaRegistrySource(["https://schemas.lienthong.vn/common/identifiers.v1.json": common])
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$id": "https://schemas.lienthong.vn/population/citizen.lookup.request.v1.json",
             "properties": {"SoDinhDanh": {"$ref": "../common/identifiers.v1.json#/$defs/soDinhDanh"},
                            "From": {"$ref": "https://schemas.lienthong.vn/common/identifiers.v1.json#/$defs/agency"}}}
            """#, options: .init(registry: registry))
        #expect(validator.isValid(["SoDinhDanh": "001203004567", "From": "000.00.00.H41"]))
        let error = try #require(validator.validate(["SoDinhDanh": "0012"]).errors.first)
        #expect(error.absoluteKeywordLocation == "https://schemas.lienthong.vn/common/identifiers.v1.json#/$defs/soDinhDanh/minLength")
        #expect(error.keywordLocation == "/properties/SoDinhDanh/$ref/minLength")
    }

    @Test("a registry document is also found by its own $id when registered under another URI")
    func registryDocumentByDeclaredID() throws {
        let common = try ValidatorTestSupport.json(
            #"{"$id": "https://schemas.lienthong.vn/common/code.json", "type": "string", "maxLength": 5}"#)
        let registry = SchemaRegistrySource(["file:///etc/lienthong/schemas/common/code.json": common])
        let validator = try ValidatorTestSupport.validator(
            #"{"items": {"$ref": "https://schemas.lienthong.vn/common/code.json"}}"#, options: .init(registry: registry))
        #expect(validator.isValid(["12345"]))
        #expect(!validator.isValid(["123456"]))
    }

    @Test("embedded resources, anchors and percent-encoded pointer fragments")
    func embeddedResources() throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$id": "https://example.com/root.json",
             "$defs": {"a%b": {"type": "integer"},
                       "inner": {"$id": "inner/schema.json", "$anchor": "here", "type": "string"},
                       "tilde~slash/": {"type": "boolean"}},
             "properties": {"x": {"$ref": "#/$defs/a%25b"},
                            "y": {"$ref": "inner/schema.json#here"},
                            "z": {"$ref": "https://example.com/inner/schema.json"},
                            "w": {"$ref": "#/$defs/tilde~0slash~1"}}}
            """#)
        #expect(validator.isValid(["x": 1, "y": "a", "z": "b", "w": true]))
        #expect(!validator.isValid(["x": "1"]))
        #expect(!validator.isValid(["y": 1]))
        #expect(!validator.isValid(["z": 1]))
        #expect(!validator.isValid(["w": 1]))
    }

    @Test("the base URI option anchors relative references of a schema without $id")
    func baseURIOption() throws {
        let remote = try ValidatorTestSupport.json(#"{"type": "integer"}"#)
        let options = JSONSchemaValidator.Options(
            registry: SchemaRegistrySource(["https://example.com/schemas/int.json": remote]),
            baseURI: "https://example.com/schemas/main.json")
        let validator = try ValidatorTestSupport.validator(#"{"items": {"$ref": "int.json"}}"#, options: options)
        #expect(validator.isValid([1, 2]))
        #expect(!validator.isValid([1, "2"]))
    }

    @Test("$dynamicRef resolves in the dynamic scope, across resources")
    func dynamicReference() throws {
        let list = try ValidatorTestSupport.json(
            #"""
            {"$id": "https://example.com/list", "type": "array", "items": {"$dynamicRef": "#item"},
             "$defs": {"default": {"$dynamicAnchor": "item"}}}
            """#)
        let options = JSONSchemaValidator.Options(registry: SchemaRegistrySource(["https://example.com/list": list]))
        let numbers = try ValidatorTestSupport.validator(
            #"{"$id": "https://example.com/numbers", "$ref": "list", "$defs": {"n": {"$dynamicAnchor": "item", "type": "number"}}}"#,
            options: options)
        #expect(numbers.isValid([1, 2.5]))
        #expect(!numbers.isValid([1, "two"]))
        let anything = try ValidatorTestSupport.validator(#"{"$ref": "https://example.com/list"}"#, options: options)
        #expect(anything.isValid([1, "two"]))
    }
}
