import Testing

@testable import LienthongSchema

@Suite("JSONValue: equality, access and literals")
struct JSONValueTests {
    @Test func equalityFollowsJSONSchema() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "b": [1.0, {"c": 10e-1}]}"#) == JSONParser.parse(#"{"b": [1, {"c": 1}], "a": 1.00}"#))
        #expect(JSONValue.bool(true) != 1, "true is not 1")
        #expect(JSONValue.null != false)
        #expect(JSONValue.array([1, 2]) != [2, 1], "arrays compare in order")
        #expect(JSONValue.object(["a": 1]) != ["a": 1, "b": 2])
        #expect(JSONValue.object(["a": 1]) != ["b": 1])
        #expect(JSONValue.string("1") != 1)
    }

    @Test func stringsCompareByCodePointsNotCanonicalEquivalence() throws {
        let precomposed = "\u{E9}", decomposed = "e\u{301}"
        #expect(precomposed == decomposed, "Swift's own String == uses canonical equivalence")
        #expect(JSONValue.string(precomposed) != .string(decomposed))
        #expect(Set<JSONValue>([.string(precomposed), .string(decomposed)]).count == 2)
        // As object keys they are distinct members, not duplicates.
        let object = try JSONParser.parse(#"{"\#(precomposed)": 1, "\#(decomposed)": 2}"#)
        #expect(object[key: precomposed] == 1)
        #expect(object[key: decomposed] == 2)
    }

    @Test func hashingIsConsistentWithEquality() throws {
        let values: [JSONValue] = [
            try JSONParser.parse(#"{"a": 1, "b": [true, null]}"#), ["b": [true, nil], "a": 1.0],
            [1, 2], [1.0, 2e0], 0, -0.0, "x", nil, false,
        ]
        let set = Set(values)
        #expect(set.count == 6)
        #expect(set.contains(["a": 10e-1, "b": [true, nil]]))
    }

    @Test func literalsBuildEveryKind() {
        let value: JSONValue = ["a": 1, "b": [true, nil], "c": 2.5, "d": "text", "e": [:], "f": []]
        #expect(value[key: "a"] == .number(JSONNumber(1)))
        #expect(value[key: "b"] == .array([.bool(true), .null]))
        #expect(value[key: "c"]?.asNumber == JSONNumber(literal: "2.5"))
        #expect(value[key: "d"] == .string("text"))
        #expect(value[key: "e"] == .object(JSONObject()))
        #expect(value[key: "f"] == .array([]))
        #expect(value.asObject?.keys == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func accessorsReturnNilForOtherKinds() {
        let value: JSONValue = ["list": [1, "two"], "flag": false]
        #expect(value[key: "list"]?[index: 1] == "two")
        #expect(value[key: "list"]?[index: 2] == nil)
        #expect(value[key: "list"]?[index: -1] == nil)
        #expect(value[key: "missing"] == nil)
        #expect(value[index: 0] == nil)
        #expect(value[key: "list"]?[key: "x"] == nil)
        #expect(value[key: "flag"]?.asBool == false)
        #expect(value[key: "flag"]?.asString == nil)
        #expect(value[key: "list"]?.asArray?.count == 2)
        #expect(value.asObject?.count == 2)
        #expect(value.asArray == nil && value.asNumber == nil && value.asBool == nil)
        #expect(JSONValue.null.isNull && !JSONValue.bool(false).isNull)
    }

    @Test(arguments: [
        (JSONValue.null, "null"), (true, "boolean"), (1, "integer"), (1.0, "integer"), (1.5, "number"), ("s", "string"),
        ([], "array"), ([:], "object"),
    ] as [(JSONValue, String)])
    func typeNames(_ value: JSONValue, _ name: String) {
        #expect(value.typeName == name)
        #expect(value.hasSchemaType(name))
    }

    @Test func schemaTypesTreatIntegersAsNumbers() {
        #expect(JSONValue.number(JSONNumber(3)).hasSchemaType("number"))
        #expect(JSONValue.number(JSONNumber(literal: "3.0")).hasSchemaType("integer"))
        #expect(!JSONValue.number(JSONNumber(literal: "3.5")).hasSchemaType("integer"))
        #expect(!JSONValue.bool(true).hasSchemaType("integer"))
        #expect(!JSONValue.null.hasSchemaType("nothing"))
    }

    @Test func objectMutationKeepsOrderAndLookupAcrossTheIndexThreshold() {
        var object = JSONObject()
        for number in 0..<20 { object["k\(number)"] = .number(JSONNumber(number)) }
        #expect(object.count == 20)
        #expect(object["k15"] == 15)
        object["k3"] = "replaced"
        #expect(object.keys[3] == "k3" && object["k3"] == "replaced", "replacing keeps the position")
        for number in 0..<15 { object["k\(number)"] = nil }
        #expect(object.keys == ["k15", "k16", "k17", "k18", "k19"])
        #expect(object["k16"] == 16 && object["k3"] == nil)
        object["new"] = nil
        #expect(object.count == 5)
        let literal: JSONObject = ["x": 1, "y": 2, "x": 3]
        #expect(literal.keys == ["x", "y"] && literal["x"] == 3, "a repeated literal key keeps its last value")
        #expect(Array(literal.map(\.key)) == ["x", "y"])
    }
}
