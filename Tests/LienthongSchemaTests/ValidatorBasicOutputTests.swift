import Testing

@testable import LienthongSchema

/// `ValidationResult.basicOutput()`: the JSON Schema "basic" output structure.
@Suite("Validator basic output")
struct ValidatorBasicOutputTests {
    @Test("a valid instance gives {\"valid\": true}")
    func validOutput() throws {
        let validator = try ValidatorTestSupport.validator(#"{"type": "integer"}"#)
        #expect(validator.validate(3).basicOutput() == ["valid": true])
    }

    @Test("an invalid instance gives the flat list of output units")
    func invalidOutput() throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$id": "https://example.com/polygon", "type": "array",
             "items": {"$ref": "#/$defs/point"},
             "$defs": {"point": {"type": "object", "required": ["x", "y"]}}}
            """#)
        let output = validator.validate([["x": 1, "y": 2], ["x": 1]]).basicOutput()
        let expected = try ValidatorTestSupport.json(
            #"""
            {"valid": false, "errors": [
              {"keywordLocation": "/items/$ref/required",
               "absoluteKeywordLocation": "https://example.com/polygon#/$defs/point/required",
               "instanceLocation": "/1",
               "error": "required property 'y' is missing"}
            ]}
            """#)
        #expect(output == expected)
        // Key order as the specification shows it, for readable logs.
        #expect(output.serialized().hasPrefix(#"{"valid":false,"errors":[{"keywordLocation":"#))
    }

    @Test("absolute keyword locations percent-encode what a URI fragment cannot hold")
    func fragmentEncoding() throws {
        let validator = try ValidatorTestSupport.validator(
            #"{"$id": "https://example.com/s", "properties": {"tên gọi": {"type": "string"}}}"#)
        let error = try #require(validator.validate(["tên gọi": 1]).errors.first)
        #expect(error.keywordLocation == "/properties/tên gọi/type")
        #expect(error.absoluteKeywordLocation == "https://example.com/s#/properties/t%C3%AAn%20g%E1%BB%8Di/type")
    }
}
