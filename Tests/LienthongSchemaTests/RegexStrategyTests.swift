import Testing

@testable import LienthongSchema

/// Patterns on the hot path must get the fast matchers; the rest must still get a bounded one.
@Suite("ECMARegex matcher choice")
struct RegexStrategyTests {
    enum Kind: Equatable {
        case literal, deterministic, nondeterministic, backtracking
    }

    static func kind(_ pattern: String) throws -> Kind {
        switch try ECMARegex(pattern).strategy {
        case .literal: return .literal
        case .deterministic: return .deterministic
        case .nondeterministic: return .nondeterministic
        case .backtracking: return .backtracking
        }
    }

    @Test func literalsAreComparedAsBytes() throws {
        #expect(try Self.kind("abc") == .literal)
        #expect(try Self.kind("^population\\.citizen$") == .literal)
        #expect(try Self.kind("^Nguy\u{1EC5}n") == .literal)
        #expect(try ECMARegex("^abc").matches("abcdef"))
        #expect(try !ECMARegex("^abc").matches("xabc"))
        #expect(try ECMARegex("abc$").matches("xxabc"))
        #expect(try !ECMARegex("abc$").matches("abcx"))
        #expect(try ECMARegex("^\u{1F432}$").matches("\u{1F432}"))
        #expect(try !ECMARegex("^\u{1F432}$").matches("\u{1F432}\u{1F432}"))
    }

    @Test func commonSchemaPatternsGetTheDeterministicAutomaton() throws {
        for pattern in [
            "^[0-9]{12}$", "^[A-Z0-9]+(\\.[A-Z0-9]+)*$", "^\\p{L}+( \\p{L}+)*$", "^\\d{4}-\\d{2}-\\d{2}$",
            "^[a-z]+\\.[a-z]+\\.[a-z]+/v[0-9]+$", "[a-z]cole", "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$",
        ] {
            #expect(try Self.kind(pattern) == .deterministic, "/\(pattern)/")
        }
    }

    @Test func positionalTestsAndLargeProgramsUseTheNFASimulation() throws {
        #expect(try Self.kind("\\bfoo\\b") == .nondeterministic)
        #expect(try Self.kind("^(?=.*\\d).{8,}$") == .nondeterministic)
        #expect(try Self.kind("^.{0,1000}$") == .nondeterministic)
        // A DFA for this needs 2^9 states: too many, so the NFA answers.
        #expect(try Self.kind("(a|b)*a(a|b){8}") == .nondeterministic)
        #expect(try ECMARegex("(a|b)*a(a|b){8}").matches("bbbbabbbbbbbb"))
        #expect(try !ECMARegex("(a|b)*a(a|b){8}").matches("bbbbbabbbbbbb"))
    }

    @Test func backreferencesUseTheBacktracker() throws {
        #expect(try Self.kind("^(a+)\\1$") == .backtracking)
        #expect(try Self.kind("(?<q>x)\\k<q>") == .backtracking)
    }

    /// A required literal rules inputs out early; it must never rule out a real match.
    @Test(arguments: [
        RegexCase("\\p{L}+cole", "l'\u{E9}cole", true),
        RegexCase("\\p{L}+cole", "l'\u{E9}col", false),
        RegexCase("a(bc)+d", "abcbcd", true),
        RegexCase("a(bc)+d", "abd", false),
        RegexCase("x\\by", "x y", false),
        RegexCase("(?:ab|cd)ef", "cdef", true),
        RegexCase("\u{E9}t\u{E9}[0-9]", "l'\u{E9}t\u{E9}1", true),
    ])
    func requiredLiteralPrefilter(_ testCase: RegexCase) throws { try expectCase(testCase) }
}
