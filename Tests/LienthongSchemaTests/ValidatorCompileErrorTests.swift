import Testing

@testable import LienthongSchema

/// Schemas that cannot be compiled fail with a typed error naming the place and the reason.
@Suite("Validator compile errors")
struct ValidatorCompileErrorTests {
    private func compileError(
        _ schema: String, options: JSONSchemaValidator.Options = .init()
    ) throws -> SchemaCompileError {
        let value = try ValidatorTestSupport.json(schema)
        do {
            _ = try JSONSchemaValidator(schema: value, options: options)
        } catch {
            return error
        }
        Issue.record("schema compiled but should not have: \(schema)")
        throw CompiledUnexpectedly()
    }

    private struct CompiledUnexpectedly: Error {}

    @Test("a keyword with a wrong-typed value")
    func wrongTypedKeyword() throws {
        let error = try compileError(#"{"properties": {"age": {"minimum": "x"}}}"#)
        #expect(error.location == "/properties/age/minimum")
        #expect(error.reason == .invalidKeywordValue(keyword: "minimum", expected: "a number", found: "string"))
        #expect(error.description == "schema error at /properties/age/minimum: 'minimum' must be a number, found string")
    }

    @Test("counts must be non-negative integers", arguments: [#"{"maxLength": -1}"#, #"{"minItems": 1.5}"#, #"{"maxProperties": "3"}"#])
    func invalidCounts(schema: String) throws {
        guard case .invalidKeywordValue(_, let expected, _) = try compileError(schema).reason else {
            Issue.record("expected an invalid keyword value")
            return
        }
        #expect(expected == "a non-negative integer")
    }

    @Test("type must name JSON Schema types")
    func invalidTypeName() throws {
        let error = try compileError(#"{"type": ["string", "text"]}"#)
        #expect(error.location == "/type")
        #expect(error.description.contains(#"found "text""#))
    }

    @Test("multipleOf must be positive")
    func nonPositiveMultipleOf() throws {
        #expect(try compileError(#"{"multipleOf": 0}"#).location == "/multipleOf")
    }

    @Test("a subschema that is neither an object nor a boolean")
    func notASchema() throws {
        let error = try compileError(#"{"items": 5}"#)
        #expect(error.location == "/items")
        #expect(error.reason == .notASchema(found: "integer"))
    }

    @Test("an unresolvable reference names the reference and where it appears")
    func unresolvableReference() throws {
        let error = try compileError(##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##)
        #expect(error.location == "/properties/a/$ref")
        #expect(error.reason == .unresolvableReference(reference: "#/$defs/missing", resolved: "urn:lienthong:schema#/$defs/missing"))
        #expect(error.description.contains(##"unresolvable reference "#/$defs/missing""##))
    }

    @Test("a remote reference absent from the registry is not fetched: it is an error")
    func remoteReferenceNotFetched() throws {
        let error = try compileError(#"{"$ref": "https://example.com/elsewhere.json#/a"}"#)
        #expect(error.reason == .unresolvableReference(
            reference: "https://example.com/elsewhere.json#/a", resolved: "https://example.com/elsewhere.json#/a"))
    }

    @Test("a reference whose pointer lands on a non-schema value is located at the reference")
    func referenceToNonSchema() throws {
        let error = try compileError(##"{"properties": {"a": {"type": "string"}, "b": {"$ref": "#/properties/a/type"}}}"##)
        #expect(error.location == "/properties/b/$ref")
        #expect(error.reason == .referenceToNonSchema(reference: "#/properties/a/type", found: "string"))
    }

    @Test("an unknown anchor is unresolvable")
    func unknownAnchor() throws {
        let error = try compileError(##"{"$defs": {"a": {"$anchor": "here"}}, "$ref": "#there"}"##)
        #expect(error.location == "/$ref")
    }

    @Test("an invalid regular expression carries the regex error")
    func invalidPattern() throws {
        let error = try compileError(#"{"properties": {"code": {"pattern": "(unclosed"}}}"#)
        #expect(error.location == "/properties/code/pattern")
        guard case .invalidRegularExpression(let regexError) = error.reason else {
            Issue.record("expected a regex error, got \(error.reason)")
            return
        }
        #expect(regexError.pattern == "(unclosed")
    }

    @Test("an invalid patternProperties name is located at the name")
    func invalidPatternPropertyName() throws {
        let error = try compileError(#"{"patternProperties": {"[": true}}"#)
        #expect(error.location == "/patternProperties/[")
    }

    @Test("an unknown $schema")
    func unknownMetaschema() throws {
        let error = try compileError(#"{"$schema": "https://example.com/my-dialect", "type": "string"}"#)
        #expect(error.location == "/$schema")
        #expect(error.reason == .unknownMetaschema("https://example.com/my-dialect"))
    }

    @Test("a metaschema requiring a vocabulary we do not implement")
    func unsupportedRequiredVocabulary() throws {
        let metaschema = try ValidatorTestSupport.json(
            #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/meta",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                             "https://example.com/vocab/geometry": true}}
            """#)
        let options = JSONSchemaValidator.Options(registry: SchemaRegistrySource(["https://example.com/meta": metaschema]))
        let error = try compileError(#"{"$schema": "https://example.com/meta"}"#, options: options)
        #expect(error.reason == .unsupportedVocabulary("https://example.com/vocab/geometry"))
    }

    @Test("$id with a fragment is refused in 2020-12")
    func identifierWithFragment() throws {
        let error = try compileError(#"{"$defs": {"a": {"$id": "https://example.com/a#part"}}}"#)
        #expect(error.location == "/$defs/a/$id")
        #expect(error.reason == .identifierWithFragment("https://example.com/a#part"))
    }

    @Test("errors inside a registry document name the document")
    func errorInRemoteDocument() throws {
        let remote = try ValidatorTestSupport.json(#"{"properties": {"n": {"maximum": true}}}"#)
        let options = JSONSchemaValidator.Options(registry: SchemaRegistrySource(["https://example.com/remote.json": remote]))
        let error = try compileError(#"{"$ref": "https://example.com/remote.json"}"#, options: options)
        #expect(error.documentURI == "https://example.com/remote.json")
        #expect(error.location == "/properties/n/maximum")
        #expect(error.description.hasPrefix("schema error in https://example.com/remote.json at /properties/n/maximum"))
    }

    @Test("allOf must not be empty")
    func emptyAllOf() throws {
        let error = try compileError(#"{"allOf": []}"#)
        #expect(error.reason == .invalidKeywordValue(keyword: "allOf", expected: "a non-empty array of schemas", found: "an empty array"))
    }
}
