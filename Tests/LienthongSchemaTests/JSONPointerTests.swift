import Testing

@testable import LienthongSchema

@Suite("JSONPointer (RFC 6901)")
struct JSONPointerTests {
    /// The example document of RFC 6901 §5.
    private let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6,
        " ": 7, "m~n": 8,
    ]

    @Test(arguments: [
        ("", nil), ("/foo", nil), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4),
        ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ] as [(String, JSONValue?)])
    func resolvesTheRFCExamples(_ text: String, _ expected: JSONValue?) throws {
        let pointer = try JSONPointer(text)
        let resolved = try #require(pointer.resolve(in: document))
        switch text {
        case "": #expect(resolved == document)
        case "/foo": #expect(resolved == ["bar", "baz"])
        default: #expect(resolved == expected)
        }
        #expect(pointer.description == text, "the string form round-trips")
    }

    @Test(arguments: [
        ("#", ""), ("#/foo", "/foo"), ("#/foo/0", "/foo/0"), ("#/", "/"), ("#/a~1b", "/a~1b"), ("#/c%25d", "/c%d"),
        ("#/e%5Ef", "/e^f"), ("#/g%7Ch", "/g|h"), ("#/i%5Cj", "/i\\j"), ("#/k%22l", "/k\"l"), ("#/%20", "/ "),
        ("#/m~0n", "/m~0n"),
    ])
    func parsesTheRFCFragmentExamples(_ fragment: String, _ equivalent: String) throws {
        let pointer = try JSONPointer(uriFragment: fragment)
        #expect(pointer == (try JSONPointer(equivalent)))
        #expect(pointer.resolve(in: document) != nil)
        #expect(try JSONPointer(uriFragment: pointer.uriFragment) == pointer, "uriFragment round-trips")
    }

    @Test func writesFragmentsWithPercentEncoding() {
        let pointer = JSONPointer(tokens: ["definitions", "a%b", "c d", "é/~", "x?y:z@"])
        #expect(pointer.description == "/definitions/a%b/c d/é~1~0/x?y:z@")
        #expect(pointer.uriFragment == "#/definitions/a%25b/c%20d/%C3%A9~1~0/x?y:z@")
        #expect(JSONPointer().uriFragment == "#")
    }

    @Test func escapesTildeBeforeSlash() throws {
        #expect(JSONPointer.escape("~1") == "~01")
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.escape("plain") == "plain")
        #expect(try JSONPointer("/~01").tokens == ["~1"], "~01 is '~' then '1', not '/'")
    }

    @Test(arguments: [
        ("a/b", JSONPointerError.Reason.missingLeadingSlash), ("#/a", .missingLeadingSlash), ("/a~2", .invalidTildeEscape),
        ("/a~", .invalidTildeEscape),
    ])
    func refusesMalformedPointers(_ text: String, _ reason: JSONPointerError.Reason) {
        let error = #expect(throws: JSONPointerError.self) { try JSONPointer(text) }
        #expect(error?.reason == reason)
        #expect(error?.description.contains(text) == true)
    }

    @Test(arguments: ["#/a%2", "#/a%zz", "#/%C3", "#/%FF"])
    func refusesMalformedFragments(_ fragment: String) {
        let error = #expect(throws: JSONPointerError.self) { try JSONPointer(uriFragment: fragment) }
        #expect(error?.reason == .invalidPercentEncoding)
    }

    @Test func arrayIndicesFollowTheRFC() throws {
        let value: JSONValue = ["list": [10, 20, 30], "obj": ["01": "key", "-": "dash"]]
        #expect(try JSONPointer("/list/0").resolve(in: value) == 10)
        #expect(try JSONPointer("/list/2").resolve(in: value) == 30)
        #expect(try JSONPointer("/list/3").resolve(in: value) == nil)
        #expect(try JSONPointer("/list/01").resolve(in: value) == nil, "no leading zeros")
        #expect(try JSONPointer("/list/-").resolve(in: value) == nil, "'-' is past the end")
        #expect(try JSONPointer("/list/+1").resolve(in: value) == nil)
        #expect(try JSONPointer("/list/99999999999999999999999").resolve(in: value) == nil)
        #expect(try JSONPointer("/obj/01").resolve(in: value) == "key", "object keys are plain strings")
        #expect(try JSONPointer("/obj/-").resolve(in: value) == "dash")
        #expect(try JSONPointer("/list/0/deeper").resolve(in: value) == nil)
        #expect(JSONPointer().appending("list").appending(index: 1).resolve(in: value) == 20)
        #expect(value[pointer: JSONPointer(tokens: ["list", "2"])] == 30)
    }

    @Test func buildsPointersByAppendingAndPopping() throws {
        var pointer = JSONPointer()
        #expect(pointer.isRoot && pointer.description == "")
        pointer.append("properties")
        pointer.append("a/b")
        pointer.append(index: 3)
        #expect(pointer.description == "/properties/a~1b/3")
        #expect(pointer.tokens == ["properties", "a/b", "3"])
        #expect(pointer.count == 3 && pointer.lastToken == "3")
        #expect(pointer == (try JSONPointer("/properties/a~1b/3")), "an appended index equals the parsed token")
        #expect(pointer.hashValue == (try JSONPointer("/properties/a~1b/3")).hashValue)
        #expect(pointer.parent == (try JSONPointer("/properties/a~1b")))
        pointer.removeLast()
        pointer.removeLast()
        #expect(pointer.description == "/properties")
        let joined = pointer.appending(contentsOf: try JSONPointer("/x/0"))
        #expect(joined.description == "/properties/x/0")
        #expect(pointer.description == "/properties", "appending returns a new pointer")
        #expect(JSONPointer().parent == nil)
        #expect(try JSONPointer("/a") != JSONPointer("/b"))
        #expect(try JSONPointer("/a") != JSONPointer("/a/b"))
    }
}
