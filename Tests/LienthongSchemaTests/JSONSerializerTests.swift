import Testing

@testable import LienthongSchema

@Suite("JSON serializer")
struct JSONSerializerTests {
    private let sample: JSONValue = [
        "name": "Nguyễn Văn An", "age": 42, "ratio": 1.50, "tags": ["a", "b"], "empty": [:], "none": [], "ok": true,
        "nothing": nil,
    ]

    @Test func writesCompactByDefaultKeepingMemberOrder() {
        #expect(
            sample.serialized()
                == #"{"name":"Nguyễn Văn An","age":42,"ratio":1.5,"tags":["a","b"],"empty":{},"none":[],"ok":true,"nothing":null}"#
        )
    }

    @Test func writesPrettyWithTwoSpaceIndentAndSortedKeys() {
        let value: JSONValue = ["b": [1, ["y": nil, "x": []]], "a": "z", "é": 1, "Z": 0]
        let expected = """
            {
              "Z": 0,
              "a": "z",
              "b": [
                1,
                {
                  "x": [],
                  "y": null
                }
              ],
              "é": 1
            }
            """
        #expect(value.serialized(options: [.prettyPrinted, .sortedKeys]) == expected)
        #expect(value.serialized(options: .sortedKeys) == #"{"Z":0,"a":"z","b":[1,{"x":[],"y":null}],"é":1}"#)
    }

    @Test func writesNumbersAsTheirLiteral() throws {
        let value = try JSONParser.parse("[1.50, 2e3, -0.0, 12345678901234567890123, 1E-7]")
        #expect(value.serialized() == "[1.50,2e3,-0.0,12345678901234567890123,1E-7]")
    }

    @Test func escapesOnlyWhatRFC8259Requires() {
        let text = "quote\" backslash\\ slash/ nl\n tab\t nul\u{0} us\u{1F} del\u{7F} é 😀"
        #expect(
            JSONValue.string(text).serialized()
                == #""quote\" backslash\\ slash/ nl\u000A tab\u0009 nul\u0000 us\u001F del\#u{7F} é 😀""#)
        #expect(JSONValue.object(["k\"\n": 1]).serialized() == #"{"k\"\u000A":1}"#)
    }

    @Test func bytesAndStringAgree() {
        #expect(sample.serializedBytes() == Array(sample.serialized().utf8))
        #expect(sample.description == sample.serialized())
    }

    @Test(arguments: [
        #"{"a":[1,2,{"b":null}],"c":"\u00e9\ud83d\ude00\n","d":-1.25e-300,"e":true,"f":{}}"#,
        #"[[[[[]]]],{},"",0,-0,1e400,"\u0000\u001f\"\\\/"]"#,
        "\"Hà Nội\\t🇻🇳\"",
        "12345678901234567890123456789012345678901234567890",
        #"{"nested":{"deep":[{"x":[{"y":[1,[2,[3,[4]]]]}]}]}}"#,
    ])
    func roundTripsThroughTheParser(_ text: String) throws {
        let value = try JSONParser.parse(text)
        for options: JSONSerializationOptions in [[], .prettyPrinted, .sortedKeys, [.prettyPrinted, .sortedKeys]] {
            let reparsed = try JSONParser.parse(value.serializedBytes(options: options))
            #expect(reparsed == value)
        }
    }

    @Test func roundTripsEveryControlCharacterAndRandomStrings() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        #expect(try JSONParser.parse(JSONValue.string(controls).serialized()) == .string(controls))

        var generator = SplitMix64(seed: 2026)
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "/", "\n", "\u{0}", "é", "中", "😀", "\u{7F}", "\u{FFFF}", "~"]
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 20) { scalars.append(alphabet[Int(generator.next() % 12)]) }
            let value: JSONValue = [String(scalars): [.string(String(scalars))]]
            #expect(try JSONParser.parse(value.serialized()) == value)
        }
    }
}
