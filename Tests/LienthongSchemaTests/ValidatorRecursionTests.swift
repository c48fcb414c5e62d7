import Testing

@testable import LienthongSchema

/// Schemas that refer to themselves: loops that never consume the instance are refused when
/// compiling; recursion through the instance is fine but bounded, so nothing hangs or crashes.
@Suite("Validator recursion and cycles")
struct ValidatorRecursionTests {
    private func cycle(_ schema: String) throws -> [String]? {
        do {
            _ = try ValidatorTestSupport.validator(schema)
            return nil
        } catch let error as SchemaCompileError {
            guard case .referenceCycle(let path) = error.reason else {
                Issue.record("expected a reference cycle, got \(error)")
                return nil
            }
            return path
        }
    }

    @Test("a schema referring to itself in place")
    func selfReference() throws {
        #expect(try cycle(##"{"$ref": "#"}"##) == ["#", "#"])
    }

    @Test("two definitions referring to each other")
    func mutualReference() throws {
        let path = try #require(try cycle(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##))
        #expect(path.count == 3)
        #expect(Set(path) == ["/$defs/a", "/$defs/b"])
        #expect(path.first == path.last)
    }

    @Test("a loop through allOf, anyOf, not and if is a loop too",
          arguments: [
            ##"{"$defs": {"a": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
            ##"{"anyOf": [{"type": "string"}, {"$ref": "#"}]}"##,
            ##"{"not": {"$ref": "#"}}"##,
            ##"{"if": {"type": "object"}, "then": {"$ref": "#"}}"##,
          ])
    func inPlaceLoops(schema: String) throws {
        #expect(try cycle(schema) != nil)
    }

    @Test("the compile error reads as a reference cycle at its first location")
    func cycleMessage() throws {
        do {
            _ = try ValidatorTestSupport.validator(##"{"$defs": {"a": {"$ref": "#/$defs/a"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}"##)
            Issue.record("compiled a self-referencing definition")
        } catch let error as SchemaCompileError {
            #expect(error.location == "/$defs/a")
            #expect(error.description.hasPrefix("schema error at /$defs/a: reference cycle without progress at /$defs/a"))
        }
    }

    @Test("recursion through properties and items is allowed")
    func recursionThroughInstance() throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$ref": "#/$defs/node",
             "$defs": {"node": {"type": "object", "required": ["value"],
                                "properties": {"value": {"type": "integer"},
                                               "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """#)
        #expect(validator.isValid(["value": 1, "children": [["value": 2, "children": [["value": 3]]]]]))
        let result = validator.validate(["value": 1, "children": [["value": 2, "children": [["value": "3"]]]]])
        #expect(result.errors.first?.instanceLocation == "/children/0/children/0/value")
        #expect(
            result.errors.first?.keywordLocation
                == "/$ref/properties/children/items/$ref/properties/children/items/$ref/properties/value/type")
    }

    @Test("a 10,000-deep nested array is rejected at the depth limit, without crashing")
    func deepInstance() throws {
        let validator = try ValidatorTestSupport.validator(
            ##"{"$defs": {"node": {"type": "array", "items": {"$ref": "#/$defs/node"}}}, "$ref": "#/$defs/node"}"##)
        var deep: JSONValue = []
        for _ in 0..<10_000 { deep = [deep] }
        #expect(!validator.isValid(deep))
        let result = validator.validate(deep)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.hasPrefix("evaluation exceeded the depth limit of 2048 nested schemas") == true)
        // Shallow nesting of the same shape is fine.
        var shallow: JSONValue = []
        for _ in 0..<200 { shallow = [shallow] }
        #expect(validator.isValid(shallow))
    }

    @Test("hitting the depth limit inside 'not' fails the instance instead of flipping to a pass")
    func depthLimitIsNotNegated() throws {
        let options = JSONSchemaValidator.Options(maxEvaluationDepth: 10)
        let validator = try ValidatorTestSupport.validator(
            ##"{"not": {"$ref": "#/$defs/nest"}, "$defs": {"nest": {"type": "array", "items": {"$ref": "#/$defs/nest"}}}}"##,
            options: options)
        #expect(validator.isValid("not an array"))
        #expect(!validator.isValid([[[]]]), "a shallow nest matches, so 'not' fails")
        var deep: JSONValue = []
        for _ in 0..<20 { deep = [deep] }
        #expect(!validator.isValid(deep))
        let result = validator.validate(deep)
        #expect(!result.isValid)
        #expect(result.errors.contains { $0.message.contains("depth limit of 10") }, "the depth error survives the rollback of 'not'")
    }

    @Test("the depth limit is an option, and instances within it validate normally")
    func configurableDepthLimit() throws {
        let options = JSONSchemaValidator.Options(maxEvaluationDepth: 10)
        let validator = try ValidatorTestSupport.validator(##"{"items": {"$ref": "#"}}"##, options: options)
        #expect(validator.isValid([[[[]]]]))
        var nested: JSONValue = []
        for _ in 0..<20 { nested = [nested] }
        let result = validator.validate(nested)
        #expect(!result.isValid)
        #expect(result.errors.first?.message.contains("depth limit of 10") == true)
    }
}
