import Testing

@testable import LienthongSchema

@Suite("JSONParser: valid documents")
struct JSONParserValidTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #"""
            {
              "null": null, "true": true, "false": false,
              "integer": -42, "decimal": 3.25e-2, "string": "Hà Nội ✓",
              "array": [1, [2, [3]], {}, []],
              "object": {"nested": {"deeper": "yes"}}
            }
            """#)
        let expected: JSONValue = [
            "null": nil, "true": true, "false": false,
            "integer": -42, "decimal": 0.0325, "string": "Hà Nội ✓",
            "array": [1, [2, [3]], [:], []],
            "object": ["nested": ["deeper": "yes"]],
        ]
        #expect(value == expected)
    }

    @Test(arguments: [
        ("null", .null), ("true", true), ("false", false), ("0", 0), ("-0", 0), ("1.5", 1.5),
        ("\"\"", ""), ("[]", []), ("{}", [:]), (" \t\r\n 7 \t\r\n ", 7),
    ] as [(String, JSONValue)])
    func parsesScalarsAndEmptyContainersAtTopLevel(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test func keepsObjectMemberOrderAndNumberLiterals() throws {
        let value = try JSONParser.parse(#"{"z": 1.50, "a": 2e3, "m": -0.0}"#)
        let object = try #require(value.asObject)
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"]?.asNumber?.literal == "1.50")
        #expect(object["a"]?.asNumber?.literal == "2e3")
        #expect(object["m"]?.asNumber?.literal == "-0.0")
    }

    @Test func decodesEveryEscape() throws {
        let value = try JSONParser.parse(#""q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u4E2D \ud83d\ude00 \u0000 end""#)
        #expect(value == .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t Aé中 😀 \u{0} end"))
    }

    @Test func keepsRawUTF8AndMixesItWithEscapes() throws {
        #expect(try JSONParser.parse(#""Nghệ An 🇻🇳""#) == "Nghệ An 🇻🇳")
        #expect(try JSONParser.parse(#""Đà\nNẵng""#) == "Đà\nNẵng")
        // The largest scalars of each UTF-8 length.
        #expect(try JSONParser.parse(#""\#u{7F}\#u{7FF}\#u{FFFF}\#u{10FFFF}""#) == "\u{7F}\u{7FF}\u{FFFF}\u{10FFFF}")
    }

    @Test func acceptsBytesFromAnyCollection() throws {
        let text = #"{"a": [1, "x"]}"#
        let expected: JSONValue = ["a": [1, "x"]]
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
        #expect(try JSONParser.parse(Array(("  " + text + "  ").utf8)[2...]) == expected)
        #expect(try JSONParser.parse(text.utf8) == expected)
        // Not contiguous: copied first.
        #expect(try JSONParser.parse(text.utf8.lazy.map { $0 }) == expected)
    }

    @Test func largeObjectsUseTheirIndexAndStillRefuseDuplicates() throws {
        let members = (0..<50).map { #""k\#($0)": \#($0)"# }.joined(separator: ", ")
        let value = try JSONParser.parse("{\(members)}")
        #expect(value[key: "k37"] == 37)
        #expect(value.asObject?.count == 50)
        let error = #expect(throws: JSONParseError.self) {
            try JSONParser.parse("{\(members), \"k12\": 0}")
        }
        #expect(error?.reason == .duplicateKey("k12"))
    }

    @Test func numbersAreExact() throws {
        let value = try JSONParser.parse("[12345678901234567890123, 0.1, 1e-1000000000]")
        let numbers = try #require(value.asArray).compactMap(\.asNumber)
        let next = try #require(JSONNumber(validating: "12345678901234567890124"))
        #expect(numbers[0] < next)
        #expect(numbers[1] == 0.1)
        #expect(numbers[2] > 0)
    }
}

@Suite("JSONParser: rejections with their position")
struct JSONParserRejectionTests {
    private func failure(_ text: String, limits: JSONParser.Limits = .default) -> JSONParseError? {
        #expect(throws: JSONParseError.self, "\(text) should be refused") {
            try JSONParser.parse(text, limits: limits)
        }
    }

    private func failure(bytes: [UInt8]) -> JSONParseError? {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let reason: JSONParseError.Reason
        let line: Int
        let column: Int
        var testDescription: String { text }
        init(_ text: String, _ reason: JSONParseError.Reason, _ line: Int, _ column: Int) {
            (self.text, self.reason, self.line, self.column) = (text, reason, line, column)
        }
    }

    @Test(arguments: [
        Case("", .emptyDocument, 1, 1),
        Case("  \n ", .emptyDocument, 2, 2),
        Case("[1, 2,]", .trailingComma(before: "]"), 1, 6),
        Case("{\"a\": 1,\n}", .trailingComma(before: "}"), 1, 8),
        Case("[1 2]", .unexpectedCharacter(found: "'2'", expected: "',' or ']' after array element"), 1, 4),
        Case("{\n  \"a\": 1,\n  \"b\": 2 x\n}", .unexpectedCharacter(found: "'x'", expected: "',' or '}' after object member"), 3, 10),
        Case("{\"a\" 1}", .unexpectedCharacter(found: "'1'", expected: "':' after object key"), 1, 6),
        Case("{a: 1}", .unexpectedCharacter(found: "'a'", expected: "a double-quoted object key"), 1, 2),
        Case("{'a': 1}", .singleQuotedString, 1, 2),
        Case("['a']", .singleQuotedString, 1, 2),
        Case("[1,", .unexpectedEndOfInput(expected: "a JSON value"), 1, 4),
        Case("[1", .unexpectedEndOfInput(expected: "',' or ']' after array element"), 1, 3),
        Case("{\"a\":1", .unexpectedEndOfInput(expected: "',' or '}' after object member"), 1, 7),
        Case("{", .unexpectedEndOfInput(expected: "a double-quoted object key"), 1, 2),
        Case("[}", .unexpectedCharacter(found: "'}'", expected: "a JSON value"), 1, 2),
        Case("[1] x", .trailingContent(found: "'x'"), 1, 5),
        Case("{} {}", .trailingContent(found: "'{'"), 1, 4),
        Case("1 2", .trailingContent(found: "'2'"), 1, 3),
        Case("// note\n1", .commentsNotAllowed, 1, 1),
        Case("[1, /* two */ 2]", .commentsNotAllowed, 1, 5),
        Case("01", .invalidNumber(.leadingZero), 1, 1),
        Case("[-012]", .invalidNumber(.leadingZero), 1, 3),
        Case("+1", .invalidNumber(.leadingPlus), 1, 1),
        Case(".5", .invalidNumber(.leadingDecimalPoint), 1, 1),
        Case("1.", .invalidNumber(.missingDigitAfterDecimalPoint), 1, 3),
        Case("[1.e5]", .invalidNumber(.missingDigitAfterDecimalPoint), 1, 4),
        Case("-", .invalidNumber(.missingDigitAfterMinus), 1, 2),
        Case("-a", .invalidNumber(.missingDigitAfterMinus), 1, 2),
        Case("1e", .invalidNumber(.missingDigitInExponent), 1, 3),
        Case("1e+", .invalidNumber(.missingDigitInExponent), 1, 4),
        Case("NaN", .nonFiniteNumber("NaN"), 1, 1),
        Case("[Infinity]", .nonFiniteNumber("Infinity"), 1, 2),
        Case("[1, -Infinity]", .nonFiniteNumber("-Infinity"), 1, 5),
        Case("0x1F", .trailingContent(found: "'x'"), 1, 2),
        Case("tru", .invalidLiteral(expected: "true"), 1, 1),
        Case("[nul]", .invalidLiteral(expected: "null"), 1, 2),
        Case("falsy", .invalidLiteral(expected: "false"), 1, 1),
        Case("True", .unexpectedCharacter(found: "'T'", expected: "a JSON value"), 1, 1),
        Case("\"abc", .unterminatedString, 1, 5),
        Case("\"abc\\", .unterminatedString, 1, 6),
        Case("\"a\tb\"", .controlCharacterInString(0x09), 1, 3),
        Case("[\"line\nbreak\"]", .controlCharacterInString(0x0A), 1, 7),
        Case("\"\\x\"", .invalidEscape(found: "'x'"), 1, 2),
        Case("\"\\'\"", .invalidEscape(found: "'\''"), 1, 2),
        Case("\"\\u12G4\"", .invalidUnicodeEscape, 1, 2),
        Case("\"\\u12\"", .invalidUnicodeEscape, 1, 2),
        Case("\"\\uD800\"", .unpairedHighSurrogate(0xD800), 1, 2),
        Case("\"ab\\uD83Dx\"", .unpairedHighSurrogate(0xD83D), 1, 4),
        Case("\"\\uD83D\\u0041\"", .unpairedHighSurrogate(0xD83D), 1, 2),
        Case("\"\\uD83D\\uD83D\"", .unpairedHighSurrogate(0xD83D), 1, 2),
        Case("\"\\uDC00\"", .unpairedLowSurrogate(0xDC00), 1, 2),
        Case("\"\\uDE00\\uD83D\"", .unpairedLowSurrogate(0xDE00), 1, 2),
        Case("{\"a\": 1, \"b\": 2, \"a\": 3}", .duplicateKey("a"), 1, 18),
        Case("[{\"é\": {}, \"é\": {}}]", .duplicateKey("é"), 1, 12),
        Case("[é]", .unexpectedCharacter(found: "'é' (U+00E9)", expected: "a JSON value"), 1, 2),
        Case("{\"ngày\": 1 é}", .unexpectedCharacter(found: "'é' (U+00E9)", expected: "',' or '}' after object member"), 1, 12),
    ])
    func refusesWithReasonAndPosition(_ c: Case) throws {
        let error = try #require(failure(c.text))
        #expect(error.reason == c.reason)
        #expect(error.line == c.line, "line")
        #expect(error.column == c.column, "column")
    }

    @Test func describesTheProblemForAnOperator() throws {
        let error = try #require(failure("{\n  \"name\": \"x\",\n  \"age\": 1 x\n}"))
        #expect(error.description == "line 3, column 12: expected ',' or '}' after object member, found 'x'")
        #expect(error.byteOffset == 28)
        let duplicate = try #require(failure("{\"a\\nb\": 1, \"a\\nb\": 2}"))
        #expect(duplicate.description == #"line 1, column 13: duplicate object key "a\u000Ab""#)
        let escape = try #require(failure(#""\é""#))
        #expect(escape.description == #"line 1, column 2: invalid escape sequence: '\' followed by 'é' (U+00E9)"#)
        let control = try #require(failure("\"\u{1}\""))
        #expect(control.description == "line 1, column 2: control character U+0001 must be escaped in a string")
    }

    @Test func columnsCountCharactersAndLinesEndAtCRLFAndCR() throws {
        // "Hà Nội" is 6 characters but 9 bytes.
        let afterVietnamese = try #require(failure(#"["Hà Nội" x]"#))
        #expect(afterVietnamese.column == 11)
        #expect(afterVietnamese.byteOffset == 13)
        let crlf = try #require(failure("[1,\r\n2,\r\n x]"))
        #expect((crlf.line, crlf.column) == (3, 2))
        let cr = try #require(failure("[1,\r2,\r x]"))
        #expect((cr.line, cr.column) == (3, 2))
    }

    @Test func refusesAByteOrderMarkWithAClearReason() throws {
        let error = try #require(failure(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8)))
        #expect(error.reason == .byteOrderMark)
        #expect(error.description.contains("byte order mark"))
        #expect((error.line, error.column, error.byteOffset) == (1, 1, 0))
    }

    struct InvalidUTF8: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let problem: JSONParseError.UTF8Problem
        var testDescription: String { "\(problem): \(bytes.map { String($0, radix: 16) })" }
    }

    @Test(arguments: [
        InvalidUTF8(bytes: [0x80], problem: .unexpectedContinuationByte),
        InvalidUTF8(bytes: [0xBF, 0x41], problem: .unexpectedContinuationByte),
        InvalidUTF8(bytes: [0xC0, 0xAF], problem: .overlongEncoding),  // '/' in two bytes
        InvalidUTF8(bytes: [0xC1, 0xBF], problem: .overlongEncoding),
        InvalidUTF8(bytes: [0xE0, 0x80, 0xAF], problem: .overlongEncoding),
        InvalidUTF8(bytes: [0xE0, 0x9F, 0xBF], problem: .overlongEncoding),
        InvalidUTF8(bytes: [0xF0, 0x80, 0x80, 0xAF], problem: .overlongEncoding),
        InvalidUTF8(bytes: [0xF0, 0x8F, 0xBF, 0xBF], problem: .overlongEncoding),
        InvalidUTF8(bytes: [0xED, 0xA0, 0x80], problem: .encodedSurrogate),  // U+D800
        InvalidUTF8(bytes: [0xED, 0xBF, 0xBF], problem: .encodedSurrogate),  // U+DFFF
        InvalidUTF8(bytes: [0xF4, 0x90, 0x80, 0x80], problem: .beyondUnicodeRange),  // U+110000
        InvalidUTF8(bytes: [0xF5, 0x80, 0x80, 0x80], problem: .beyondUnicodeRange),
        InvalidUTF8(bytes: [0xF8, 0x88, 0x80, 0x80, 0x80], problem: .invalidByte),
        InvalidUTF8(bytes: [0xFF], problem: .invalidByte),
        InvalidUTF8(bytes: [0xFE], problem: .invalidByte),
        InvalidUTF8(bytes: [0xC3], problem: .truncatedSequence),
        InvalidUTF8(bytes: [0xC3, 0x41], problem: .truncatedSequence),
        InvalidUTF8(bytes: [0xE1, 0x80], problem: .truncatedSequence),
        InvalidUTF8(bytes: [0xF0, 0x9F, 0x98], problem: .truncatedSequence),
        InvalidUTF8(bytes: [0xE2, 0x82, 0x22], problem: .truncatedSequence),
    ])
    func refusesInvalidUTF8InStrings(_ sample: InvalidUTF8) throws {
        let document = Array(#"{"k": "ab"#.utf8) + sample.bytes + Array(#"cd"}"#.utf8)
        let error = try #require(failure(bytes: document))
        #expect(error.reason == .invalidUTF8(sample.problem, byte: sample.bytes[0]))
        #expect(error.byteOffset == 9)
        #expect((error.line, error.column) == (1, 10))
    }

    @Test func refusesInvalidUTF8OutsideStrings() throws {
        let error = try #require(failure(bytes: Array("[1, ".utf8) + [0xC0, 0x80] + Array("]".utf8)))
        #expect(error.reason == .invalidUTF8(.overlongEncoding, byte: 0xC0))
        let trailing = try #require(failure(bytes: Array("[1]".utf8) + [0xFF]))
        #expect(trailing.reason == .trailingContent(found: "byte 0xFF"))
    }

    @Test func acceptsValidUTF8AtEveryBoundary() throws {
        let samples: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        for sample in samples {
            let value = try JSONParser.parse([0x22] + sample + [0x22])
            #expect(value.asString.map { Array($0.utf8) } == sample)
        }
    }
}

@Suite("JSONParser: limits")
struct JSONParserLimitTests {
    private func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func acceptsNestingExactlyAtTheLimitAndRefusesOnePast() throws {
        _ = try JSONParser.parse(nested(512))
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(nested(513)) }
        #expect(error?.reason == .nestingTooDeep(limit: 512))
        #expect(error?.column == 513)

        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        let objectError = #expect(throws: JSONParseError.self) { try JSONParser.parse(objects) }
        #expect(objectError?.reason == .nestingTooDeep(limit: 512))
    }

    @Test func honoursACustomDepthLimit() throws {
        let limits = JSONParser.Limits(maxDepth: 3)
        _ = try JSONParser.parse("[{\"a\": [1]}]", limits: limits)
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[{\"a\": [[1]]}]", limits: limits) }
        _ = try JSONParser.parse("7", limits: JSONParser.Limits(maxDepth: 0))
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[]", limits: JSONParser.Limits(maxDepth: 0)) }
    }

    @Test func refusesAHundredThousandDeepArrayWithoutCrashing() throws {
        let unclosed = String(repeating: "[", count: 100_000)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(unclosed) }
        #expect(error?.reason == .nestingTooDeep(limit: 512))
        // Even with the limit lifted the parser itself does not recurse.
        let lifted = JSONParser.Limits(maxDepth: .max)
        let endError = #expect(throws: JSONParseError.self) { try JSONParser.parse(unclosed, limits: lifted) }
        #expect(endError?.reason == .unexpectedEndOfInput(expected: "a JSON value"))
        #expect(endError?.byteOffset == 100_000)
    }

    @Test func refusesDocumentsOverTheSizeLimitBeforeParsing() throws {
        let limits = JSONParser.Limits(maxDocumentBytes: 10)
        _ = try JSONParser.parse("[1,2,3,45]", limits: limits)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse("[1,2,3,456]", limits: limits) }
        #expect(error?.reason == .documentTooLarge(size: 11, limit: 10))
        // A non-contiguous input is copied only up to the limit, then refused.
        let big = Array(repeating: UInt8(ascii: " "), count: 1_000_000).lazy.map { $0 }
        let bigError = #expect(throws: JSONParseError.self) { try JSONParser.parse(big, limits: limits) }
        #expect(bigError?.reason == .documentTooLarge(size: 11, limit: 10))
    }

    @Test func refusesStringsOverTheLengthLimitCountingDecodedBytes() throws {
        let limits = JSONParser.Limits(maxStringBytes: 4)
        _ = try JSONParser.parse(#"["abcd", "\u00e9\u00e9"]"#, limits: limits)  // é is 2 bytes
        let plain = #expect(throws: JSONParseError.self) { try JSONParser.parse(#"["abcde"]"#, limits: limits) }
        #expect(plain?.reason == .stringTooLong(limit: 4))
        #expect(plain?.column == 2)
        let escaped = #expect(throws: JSONParseError.self) {
            try JSONParser.parse(#"{"k": "\u00e9\u00e9x"}"#, limits: limits)
        }
        #expect(escaped?.reason == .stringTooLong(limit: 4))
        let key = #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"abcde": 1}"#, limits: limits) }
        #expect(key?.reason == .stringTooLong(limit: 4))
    }

    @Test func refusesNumberLiteralsOverTheLengthLimit() throws {
        let atLimit = "1" + String(repeating: "0", count: 1023)
        let value = try JSONParser.parse(atLimit)
        #expect(value.asNumber?.isMultiple(of: JSONNumber(1024)) == true)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse("[" + atLimit + "0]") }
        #expect(error?.reason == .numberTooLong(limit: 1024))
        #expect(error?.column == 2)
    }
}
