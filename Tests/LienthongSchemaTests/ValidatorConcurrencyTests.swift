import Testing

@testable import LienthongSchema

/// One compiled validator shared by many tasks at once, as the gateway uses it.
@Suite("Validator concurrency")
struct ValidatorConcurrencyTests {
    @Test("many tasks validate with one compiled schema and all get the right answers")
    func sharedValidator() async throws {
        let validator = try ValidatorTestSupport.validator(
            #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$dynamicAnchor": "node", "type": "object",
             "properties": {"SoDinhDanh": {"type": "string", "pattern": "^[0-9]{12}$"},
                            "children": {"type": "array", "items": {"$dynamicRef": "#node"}}},
             "required": ["SoDinhDanh"], "unevaluatedProperties": false}
            """#)
        let good: JSONValue = ["SoDinhDanh": "001203004567", "children": [["SoDinhDanh": "079203001234"]]]
        let bad: JSONValue = ["SoDinhDanh": "001203004567", "children": [["SoDinhDanh": "12345", "extra": true]]]

        let outcomes = await withTaskGroup(of: (Int, Bool, Bool, [String]).self) { group in
            for task in 0..<64 {
                group.addTask {
                    let instance = task.isMultiple(of: 2) ? good : bad
                    var allFast = true
                    for _ in 0..<50 { allFast = allFast && validator.isValid(instance) == task.isMultiple(of: 2) }
                    let result = validator.validate(instance)
                    return (task, allFast, result.isValid, result.errors.map(\.instanceLocation))
                }
            }
            var collected: [(Int, Bool, Bool, [String])] = []
            for await outcome in group { collected.append(outcome) }
            return collected
        }

        #expect(outcomes.count == 64)
        for (task, fastAgreed, valid, locations) in outcomes {
            #expect(fastAgreed, "task \(task): isValid gave a wrong answer")
            #expect(valid == task.isMultiple(of: 2), "task \(task)")
            if !valid {
                #expect(locations.sorted() == ["/children/0/SoDinhDanh", "/children/0/extra"], "task \(task)")
            }
        }
    }
}
