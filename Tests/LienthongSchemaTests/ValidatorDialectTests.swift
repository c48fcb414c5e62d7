import Foundation
import Testing

@testable import LienthongSchema

/// Draft-07 and draft 2019-09 semantics where they differ from 2020-12, chosen by `$schema`
/// or by `Options.defaultDialect`.
@Suite("Validator dialects")
struct ValidatorDialectTests {
    private let draft07 = JSONSchemaValidator.Options(defaultDialect: .draft07)

    @Test("draft-07: $ref makes its sibling keywords be ignored")
    func draft07ReferenceOverridesSiblings() throws {
        let schema = #"""
            {"$schema": "http://json-schema.org/draft-07/schema#",
             "definitions": {"small": {"maximum": 10}},
             "properties": {"n": {"$ref": "#/definitions/small", "type": "string"}}}
            """#
        let validator = try ValidatorTestSupport.validator(schema)
        #expect(validator.isValid(["n": 5]), "the sibling 'type' must be ignored")
        #expect(!validator.isValid(["n": 50]))
        // The same schema read as 2020-12 applies both.
        let modern = try ValidatorTestSupport.validator(schema.replacingOccurrences(
            of: "http://json-schema.org/draft-07/schema#", with: "https://json-schema.org/draft/2020-12/schema"))
        #expect(!modern.isValid(["n": 5]))
    }

    @Test("draft-07: $ref ignores a sibling $id when resolving")
    func draft07SiblingIdIgnored() throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$id": "http://example.com/sibling_id/base/",
             "definitions": {
               "foo": {"$id": "http://example.com/sibling_id/foo.json", "type": "string"},
               "base_foo": {"$id": "foo.json", "type": "number"}},
             "allOf": [{"$id": "http://example.com/sibling_id/", "$ref": "foo.json"}]}
            """#, options: draft07)
        #expect(validator.isValid(5))
        #expect(!validator.isValid("a"))
    }

    @Test("draft-07: $id with a plain-name fragment is an anchor")
    func draft07NameFragmentAnchor() throws {
        let validator = try ValidatorTestSupport.validator(
            ##"{"definitions": {"a": {"$id": "#code", "type": "string"}}, "properties": {"x": {"$ref": "#code"}}}"##,
            options: draft07)
        #expect(validator.isValid(["x": "yes"]))
        #expect(!validator.isValid(["x": 1]))
    }

    @Test("draft-07: items as an array with additionalItems")
    func draft07TupleItems() throws {
        let validator = try ValidatorTestSupport.validator(
            #"{"items": [{"type": "string"}, {"type": "integer"}], "additionalItems": {"type": "boolean"}}"#,
            options: draft07)
        #expect(validator.isValid(["a", 1, true, false]))
        let result = validator.validate(["a", 1, "no"])
        #expect(result.errors.map(\.keywordLocation) == ["/additionalItems/type"])
        #expect(result.errors.map(\.instanceLocation) == ["/2"])
        #expect(!validator.isValid([1]))
    }

    @Test("draft-07: dependencies as required names and as a schema")
    func draft07Dependencies() throws {
        let validator = try ValidatorTestSupport.validator(
            #"{"dependencies": {"card": ["billing"], "vip": {"required": ["level"]}}}"#, options: draft07)
        #expect(validator.isValid(["card": 1, "billing": 2]))
        #expect(!validator.isValid(["card": 1]))
        #expect(!validator.isValid(["vip": true]))
        #expect(validator.isValid(["vip": true, "level": 3]))
    }

    @Test("draft-07 has no 2019-09 keywords: they are unknown and ignored")
    func draft07IgnoresNewerKeywords() throws {
        let validator = try ValidatorTestSupport.validator(
            #"{"properties": {"a": true}, "unevaluatedProperties": false, "dependentRequired": {"a": ["b"]}, "prefixItems": [false]}"#,
            options: draft07)
        #expect(validator.isValid(["a": 1, "z": 2]))
        #expect(validator.isValid([1]))
    }

    @Test("draft-07 metaschema is bundled and validates schemas offline")
    func draft07Metaschema() throws {
        let validator = try ValidatorTestSupport.validator(#"{"$ref": "http://json-schema.org/draft-07/schema#"}"#)
        #expect(validator.isValid(["type": "string", "minLength": 2]))
        #expect(!validator.isValid(["type": "text"]))
        #expect(!validator.isValid(["minLength": -1]))
    }

    @Test("2020-12 metaschema is bundled and validates schemas offline")
    func draft202012Metaschema() throws {
        let validator = try ValidatorTestSupport.validator(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        #expect(validator.isValid(["properties": ["a": ["type": "string"]], "$defs": ["b": true]]))
        #expect(!validator.isValid(["properties": ["a": ["type": 12]]]))
        #expect(!validator.isValid(["$defs": ["b": ["minItems": "x"]]]))
    }

    @Test("2019-09: $recursiveRef extends a recursive schema")
    func recursiveReference() throws {
        let tree = try ValidatorTestSupport.json(
            #"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://example.com/tree",
             "$recursiveAnchor": true, "type": "object",
             "properties": {"data": true, "children": {"type": "array", "items": {"$recursiveRef": "#"}}}}
            """#)
        let options = JSONSchemaValidator.Options(registry: SchemaRegistrySource(["https://example.com/tree": tree]))
        let strict = try ValidatorTestSupport.validator(
            #"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://example.com/strict-tree",
             "$recursiveAnchor": true, "$ref": "tree", "unevaluatedProperties": false}
            """#, options: options)
        #expect(strict.isValid(["children": [["data": 1]]]))
        #expect(!strict.isValid(["children": [["daat": 1]]]), "the nested node must be checked against the strict tree")
    }

    @Test("2019-09: items array form, and contains does not count as evaluating items")
    func draft201909Items() throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema",
             "items": [{"type": "integer"}], "contains": {"type": "string"}, "unevaluatedItems": false}
            """#)
        #expect(!validator.isValid([1, "a"]), "in 2019-09 contains leaves 'a' unevaluated")
        let modern = try ValidatorTestSupport.validator(
            #"{"prefixItems": [{"type": "integer"}], "contains": {"type": "string"}, "unevaluatedItems": false}"#)
        #expect(modern.isValid([1, "a"]), "in 2020-12 contains evaluates 'a'")
    }

    @Test("format is an annotation unless asserted, in every dialect", arguments: SchemaDialect.allCases)
    func formatAssertionOption(dialect: SchemaDialect) throws {
        let annotation = try ValidatorTestSupport.validator(#"{"format": "ipv4"}"#, options: .init(defaultDialect: dialect))
        #expect(annotation.isValid("not an address"))
        let assertion = try ValidatorTestSupport.validator(
            #"{"format": "ipv4"}"#, options: .init(defaultDialect: dialect, formatAssertion: true))
        #expect(!assertion.isValid("not an address"))
        #expect(assertion.isValid("192.168.1.1"))
        #expect(assertion.validate("999.1.1.1").errors.first?.message == #""999.1.1.1" is not a valid ipv4"#)
    }

    @Test("format is an annotation unless asserted; unknown formats always pass")
    func formatAnnotationByDefault() throws {
        let annotation = try ValidatorTestSupport.validator(#"{"format": "ipv4"}"#)
        #expect(annotation.isValid("not an address"))
        let asserting = try ValidatorTestSupport.validator(
            #"{"format": "x-lienthong-unknown"}"#, options: .init(formatAssertion: true))
        #expect(asserting.isValid("anything"))
    }

    @Test("a custom metaschema without the validation vocabulary turns validation keywords off")
    func vocabularySelection() throws {
        let metaschema = try ValidatorTestSupport.json(
            #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/applicator-only",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                             "https://json-schema.org/draft/2020-12/vocab/applicator": true}}
            """#)
        let options = JSONSchemaValidator.Options(
            registry: SchemaRegistrySource(["https://example.com/applicator-only": metaschema]))
        let validator = try ValidatorTestSupport.validator(
            #"{"$schema": "https://example.com/applicator-only", "properties": {"a": false}, "minProperties": 5}"#,
            options: options)
        #expect(validator.isValid(["b": 1]), "minProperties belongs to the disabled validation vocabulary")
        #expect(!validator.isValid(["a": 1]), "properties belongs to the enabled applicator vocabulary")
    }
}
