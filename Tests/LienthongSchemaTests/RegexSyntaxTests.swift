import Testing

@testable import LienthongSchema

@Suite("ECMARegex syntax")
struct RegexSyntaxTests {
    /// A pattern that must be refused, where, and a phrase the reason must contain.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let pattern: String
        let offset: Int
        let reason: String
        init(_ pattern: String, _ offset: Int, _ reason: String) {
            self.pattern = pattern
            self.offset = offset
            self.reason = reason
        }
        var testDescription: String { "/\(pattern)/ at \(offset)" }
    }

    @Test(arguments: [
        // ICU and PCRE syntax that ECMA-262 does not have.
        Invalid("\\Z", 0, "invalid escape"),
        Invalid("\\A", 0, "invalid escape"),
        Invalid("a\\z", 1, "invalid escape"),
        Invalid("\\e", 0, "invalid escape"),
        Invalid("\\-", 0, "invalid escape"),
        Invalid("(?i)abc", 0, "invalid group"),
        Invalid("(?i:abc)", 0, "invalid group"),
        Invalid("(?P<n>x)", 0, "invalid group"),
        Invalid("(?#comment)", 0, "invalid group"),
        Invalid("a*+", 2, "nothing to repeat"),
        Invalid("a++", 2, "nothing to repeat"),
        // Quantifiers.
        Invalid("a**", 2, "nothing to repeat"),
        Invalid("*a", 0, "nothing to repeat"),
        Invalid("+", 0, "nothing to repeat"),
        Invalid("?", 0, "nothing to repeat"),
        Invalid("a|*", 2, "nothing to repeat"),
        Invalid("^*", 1, "nothing to repeat"),
        Invalid("$+", 1, "nothing to repeat"),
        Invalid("\\b+", 2, "nothing to repeat"),
        Invalid("(?=a)*", 5, "nothing to repeat"),
        Invalid("(?!a){2}", 5, "nothing to repeat"),
        Invalid("(?<=a)?", 6, "nothing to repeat"),
        Invalid("x{2,1}", 1, "out of order"),
        Invalid("{", 0, "lone '{'"),
        Invalid("{1}", 0, "nothing to repeat"),
        Invalid("a{", 1, "incomplete quantifier"),
        Invalid("a{1", 1, "incomplete quantifier"),
        Invalid("a{1,2", 1, "incomplete quantifier"),
        Invalid("a{,3}", 1, "incomplete quantifier"),
        Invalid("a{x}", 1, "incomplete quantifier"),
        Invalid("}", 0, "lone '}'"),
        Invalid("a}", 1, "lone '}'"),
        Invalid("]", 0, "lone ']'"),
        // Groups.
        Invalid("(", 0, "unterminated group"),
        Invalid("a(b", 1, "unterminated group"),
        Invalid(")", 0, "unmatched ')'"),
        Invalid("a)", 1, "unmatched ')'"),
        Invalid("^(abc]", 5, "lone ']'"),
        Invalid("(?<>a)", 3, "empty group name"),
        Invalid("(?<1a>x)", 3, "invalid character in group name"),
        Invalid("(?<a-b>x)", 4, "invalid character in group name"),
        Invalid("(?<n>a)(?<n>b)", 7, "duplicate group name"),
        Invalid("(?<n", 3, "unterminated group name"),
        // Classes.
        Invalid("[z-a]", 1, "out of order"),
        Invalid("[a", 0, "unterminated character class"),
        Invalid("[\\d-z]", 1, "class escape cannot be the bound"),
        Invalid("[a-\\w]", 1, "class escape cannot be the bound"),
        Invalid("[\\B]", 1, "not allowed in a character class"),
        Invalid("[\\1]", 1, "invalid class escape"),
        Invalid("[\\z]", 1, "invalid escape"),
        // Escapes.
        Invalid("\\", 0, "at end of pattern"),
        Invalid("a\\", 1, "at end of pattern"),
        Invalid("\\00", 0, "octal"),
        Invalid("\\01", 0, "octal"),
        Invalid("\\c", 0, "control escape"),
        Invalid("\\c1", 0, "control escape"),
        Invalid("\\x4", 0, "hexadecimal escape"),
        Invalid("\\xZZ", 0, "hexadecimal escape"),
        Invalid("\\u12", 0, "Unicode escape"),
        Invalid("\\u{110000}", 0, "above U+10FFFF"),
        Invalid("\\u{}", 0, "Unicode escape"),
        Invalid("\\u{12", 0, "Unicode escape"),
        // Backreferences.
        Invalid("\\1", 0, "does not exist"),
        Invalid("(a)\\2", 3, "does not exist"),
        Invalid("\\k<x>", 0, "undefined group name"),
        Invalid("\\k", 0, "named reference"),
        Invalid("(?<a>x)\\k<b>", 7, "undefined group name"),
        // Unicode properties.
        Invalid("\\p{Unknown}", 0, "unknown Unicode property"),
        Invalid("\\p{letter}", 0, "unknown Unicode property"),
        Invalid("\\p{Script=Klingon}", 0, "unknown Unicode property"),
        Invalid("\\p{Block=Basic_Latin}", 0, "unknown Unicode property"),
        Invalid("\\p{Script=Katakana_Or_Hiragana}", 0, "unknown Unicode property"),
        Invalid("\\p{scx=Hrkt}", 0, "unknown Unicode property"),
        Invalid("\\p{InGreek}", 0, "unknown Unicode property"),
        Invalid("\\p{IsLatin}", 0, "unknown Unicode property"),
        Invalid("\\p{L", 0, "missing '}'"),
        Invalid("\\pL", 0, "expected '{'"),
        Invalid("\\p{}", 0, "unknown Unicode property"),
        Invalid("\\p{L-u}", 4, "invalid character"),
        // Offsets count Unicode scalars, not UTF-16 units or bytes.
        Invalid("\u{E9}\\Z", 1, "invalid escape"),
        Invalid("\u{1F600}\u{1F600}(", 2, "unterminated group"),
    ])
    func refused(_ invalid: Invalid) {
        #expect {
            _ = try ECMARegex(invalid.pattern)
        } throws: { error in
            guard let error = error as? RegexSyntaxError else { return false }
            return error.offset == invalid.offset && error.reason.contains(invalid.reason) && error.pattern == invalid.pattern
        }
    }

    @Test(arguments: [
        "\\/", "[\\-]", "(?<$name_1>a)\\k<$name_1>", "(?<\\u0061b>x)\\k<ab>", "(?<\\u{1d49c}>x)",
        "(?<\u{E9}t\u{E9}>x)", "a{2}", "a{2,}", "a{2,3}?", "[\\b]", "\\k<n>(?<n>a)", "(?:)", "()", "|", "[]",
        "[^]", "\\u{10FFFF}", "\\uD800", "\\p{Script_Extensions=Latin}", "\\p{scx=Latn}", "\\p{gc=L}",
        "\\p{General_Category=Letter}", "\\P{Any}", "\\p{sc=Qaac}", "a{0}", "(?<=a|bc)d", "(?<a>x)|(?<b>y)",
        "x{1,}?", "((((((((((a))))))))))\\10", "\\cA\\cz", "[\\cA]", "\\0", "[\\0]",
        "[-]", "[a-]", "[-a-c-]", "([abc])+\\s+$", "^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+)$",
    ])
    func accepted(_ pattern: String) {
        #expect(throws: Never.self) { _ = try ECMARegex(pattern) }
    }

    @Test func deepNestingIsRefusedNotCrashing() throws {
        let depth = RegexParser.maximumNesting
        let deep = String(repeating: "(", count: depth + 1) + "a" + String(repeating: ")", count: depth + 1)
        #expect(throws: RegexSyntaxError.self) { _ = try ECMARegex(deep) }
        let allowed = String(repeating: "(?:", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try ECMARegex(allowed).matches("xa"))
    }

    @Test func hugeRepetitionsAreRefusedAsTooLarge() {
        for pattern in ["a{100000}", "(?:a{1000}){1000}", "((a{300}){300}){300}", "[0-9]{1,99999999999}"] {
            #expect(performing: { _ = try ECMARegex(pattern) }, throws: { error in
                (error as? RegexSyntaxError)?.reason.contains("too large") == true
            })
        }
        #expect(throws: Never.self) { _ = try ECMARegex("^[0-9a-f]{1,4096}$") }
    }

    @Test func lookaroundsAreSharedAndTheirNumberBounded() throws {
        // The same lookaround repeated is compiled (and tabulated) once.
        let repeated = try ECMARegex("^(?:(?=a)a){300}$")
        #expect(try repeated.matches(String(repeating: "a", count: 300)))
        #expect(try !repeated.matches(String(repeating: "a", count: 299) + "b"))
        let limit = RegexCompiler.maximumLookarounds
        let allowed = (0..<limit).map { "(?!x\($0))" }.joined()
        #expect(try ECMARegex(allowed).matches("x"))
        let tooMany = (0...limit).map { "(?!x\($0))" }.joined()
        #expect(performing: { _ = try ECMARegex(tooMany) }, throws: { error in
            (error as? RegexSyntaxError)?.reason.contains("different lookarounds") == true
        })
    }

    @Test func errorDescriptionNamesPatternOffsetAndReason() {
        #expect(performing: { _ = try ECMARegex("ab\\Z") }, throws: { error in
            "\(error)" == "invalid regular expression /ab\\Z/ at offset 2: invalid escape '\\Z'"
        })
    }

    /// The format-assertion question "is this a valid ECMA-262 regex" is answered by compiling.
    @Test(arguments: [
        ("([abc])+\\s+$", true), ("^(abc]", false), ("^\\d{3}-\\d{4}$", true), ("\\Q.\\E", false),
        ("[[:alpha:]]", false), ("(?<name>a)\\k<name>", true), ("a{3,2}", false),
    ])
    func formatRegex(_ pattern: String, _ valid: Bool) {
        #expect(((try? ECMARegex(pattern)) != nil) == valid)
    }
}
