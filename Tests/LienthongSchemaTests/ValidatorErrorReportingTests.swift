import Testing

@testable import LienthongSchema

/// What `validate` reports: locations through the instance and the schema, absolute keyword
/// URIs, and messages an operator can act on.
@Suite("Validator error reporting")
struct ValidatorErrorReportingTests {
    private func errors(_ schema: String, _ instance: JSONValue) throws -> [ValidationError] {
        let validator = try ValidatorTestSupport.validator(schema)
        let result = validator.validate(instance)
        #expect(result.isValid == validator.isValid(instance), "isValid and validate disagree")
        return result.errors
    }

    @Test("a failing keyword behind $ref is located through the reference")
    func locationThroughReference() throws {
        let found = try errors(
            #"""
            {"$id": "https://example.com/person", "properties": {"age": {"$ref": "#/$defs/adult"}},
             "$defs": {"adult": {"type": "integer", "minimum": 18}}}
            """#, ["age": 12])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.instanceLocation == "/age")
        #expect(error.keywordLocation == "/properties/age/$ref/minimum")
        #expect(error.absoluteKeywordLocation == "https://example.com/person#/$defs/adult/minimum")
        #expect(error.message == "12 is less than the minimum of 18")
    }

    @Test("every failure is reported, each at its own instance location")
    func allFailuresReported() throws {
        let found = try errors(
            #"{"properties": {"a": {"type": "string"}, "b": {"maximum": 3}}, "required": ["c"]}"#,
            ["a": 1, "b": 7])
        #expect(
            Set(found.map(\.instanceLocation)) == ["/a", "/b", ""],
            "expected errors at /a, /b and the root, got \(found)")
        #expect(found.contains { $0.keywordLocation == "/properties/a/type" && $0.message == "expected string, found integer" })
        #expect(found.contains { $0.keywordLocation == "/properties/b/maximum" && $0.message == "7 is greater than the maximum of 3" })
        #expect(found.contains { $0.keywordLocation == "/required" && $0.message == "required property 'c' is missing" })
    }

    @Test("additional properties are named in the message")
    func additionalPropertyNamed() throws {
        let found = try errors(
            #"{"properties": {"known": true}, "additionalProperties": false}"#, ["known": 1, "extra": 2])
        #expect(found.count == 1)
        #expect(found.first?.instanceLocation == "/extra")
        #expect(found.first?.keywordLocation == "/additionalProperties")
        #expect(found.first?.message == "property 'extra' is not allowed")
    }

    @Test("items are located by index, tuple subschemas by position")
    func itemLocations() throws {
        let found = try errors(
            #"{"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}"#, [1, 2, "three"])
        #expect(found.map(\.instanceLocation) == ["/0", "/2"])
        #expect(found.map(\.keywordLocation) == ["/prefixItems/0/type", "/items/type"])
    }

    @Test("JSON Pointer escaping of property names in both locations")
    func escapedLocations() throws {
        let found = try errors(#"{"properties": {"a/b~c": {"type": "null"}}}"#, ["a/b~c": 1])
        #expect(found.first?.instanceLocation == "/a~1b~0c")
        #expect(found.first?.keywordLocation == "/properties/a~1b~0c/type")
    }

    @Test("anyOf reports its own failure first, then why each alternative failed")
    func anyOfExplained() throws {
        let found = try errors(#"{"anyOf": [{"type": "string"}, {"minimum": 10}]}"#, 3)
        #expect(found.map(\.keywordLocation) == ["/anyOf", "/anyOf/0/type", "/anyOf/1/minimum"])
        #expect(found.first?.message == "value does not match any of the 2 schemas in 'anyOf'")
    }

    @Test("a successful anyOf leaves no errors from its failing alternatives")
    func anyOfSuccessIsClean() throws {
        #expect(try errors(#"{"anyOf": [{"type": "string"}, {"minimum": 10}]}"#, 12).isEmpty)
    }

    @Test("oneOf matching twice names the matching alternatives")
    func oneOfAmbiguous() throws {
        let found = try errors(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}, {"type": "string"}]}"#, 5)
        #expect(found.count == 1)
        #expect(found.first?.keywordLocation == "/oneOf")
        #expect(found.first?.message.contains("at least 0 and 1") == true)
    }

    @Test("not, const, enum and type messages")
    func assertionMessages() throws {
        #expect(try errors(#"{"not": {"type": "string"}}"#, "x").first?.message == "value must not match the schema in 'not'")
        #expect(try errors(#"{"const": "yes"}"#, "no").first?.message == #"value must be "yes""#)
        #expect(try errors(#"{"enum": [1, "a"]}"#, 2).first?.message == #"value 2 is not one of [1,"a"]"#)
        #expect(try errors(#"{"type": ["string", "null"]}"#, 1.5).first?.message == "expected null or string, found number")
    }

    @Test("string lengths count Unicode code points")
    func lengthsInCodePoints() throws {
        let schema = #"{"maxLength": 2, "minLength": 2}"#
        let validator = try ValidatorTestSupport.validator(schema)
        #expect(validator.isValid("💩💩"), "two astral code points (four UTF-16 units) have length 2")
        #expect(validator.isValid("e\u{301}"), "a base letter and a combining mark are two code points")
        #expect(!validator.isValid("ệ"), "one precomposed code point has length 1")
        let message = try #require(validator.validate("Nguyễn").errors.first?.message)
        #expect(message == "string is 6 characters long, more than the maximum length of 2")
    }

    @Test("a pattern over its matching budget fails the instance, even inside 'not'")
    func patternBudgetFailsClosed() throws {
        // A backreference forces the budgeted backtracker; this input would need 2^40 steps.
        let input = JSONValue.string(String(repeating: "a", count: 40) + "!")
        for schema in [##"{"pattern": "^(a+)+\\1b$"}"##, ##"{"not": {"pattern": "^(a+)+\\1b$"}}"##] {
            let validator = try ValidatorTestSupport.validator(schema)
            #expect(!validator.isValid(input), "\(schema)")
            let error = try #require(validator.validate(input).errors.first)
            #expect(error.message.hasPrefix("string could not be checked against the pattern"), "\(schema)")
        }
        #expect(try ValidatorTestSupport.validator(##"{"pattern": "^(a+)+\\1b$"}"##).isValid("aab"))
    }

    @Test("the schema root is the empty pointer")
    func rootLocations() throws {
        let found = try errors(#"{"type": "object"}"#, [1])
        #expect(found.first?.instanceLocation == "")
        #expect(found.first?.keywordLocation == "/type")
        #expect(found.first?.absoluteKeywordLocation == "urn:lienthong:schema#/type")
    }

    @Test("dependentRequired names the property that made another one required")
    func dependentRequiredMessage() throws {
        let found = try errors(#"{"dependentRequired": {"card": ["billing"]}}"#, ["card": "x"])
        #expect(found.first?.message == "property 'billing' is required when 'card' is present")
        #expect(found.first?.keywordLocation == "/dependentRequired")
    }

    @Test("contains reports the count against minContains and maxContains")
    func containsMessages() throws {
        let schema = #"{"contains": {"type": "integer"}, "minContains": 2, "maxContains": 3}"#
        let few = try errors(schema, [1, "a"])
        #expect(few.first?.keywordLocation == "/minContains")
        #expect(few.first?.message == "1 item match the 'contains' schema, at least 2 required")
        let many = try errors(schema, [1, 2, 3, 4])
        #expect(many.first?.keywordLocation == "/maxContains")
        #expect(try errors(#"{"contains": {"type": "integer"}}"#, ["a"]).first?.message == "no item matches the 'contains' schema")
    }
}
