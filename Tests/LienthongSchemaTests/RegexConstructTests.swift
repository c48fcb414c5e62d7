import Testing

@testable import LienthongSchema

@Suite("ECMARegex constructs")
struct RegexConstructTests {
    @Test(arguments: [
        RegexCase("abc", "xxabcxx", true),
        RegexCase("abc", "ab", false),
        RegexCase("^abc", "abcd", true),
        RegexCase("^abc", "xabc", false),
        RegexCase("abc$", "xabc", true),
        RegexCase("abc$", "abc\n", false),
        RegexCase("^abc$", "abc", true),
        RegexCase("^abc$", "abcabc", false),
        RegexCase("", "anything", true),
        RegexCase("^$", "", true),
        RegexCase("^$", "a", false),
        RegexCase("a^b", "ab", false),
        RegexCase("XY", "xy", false),
    ])
    func literalsAndAnchors(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("cat|dog", "hotdog", true),
        RegexCase("^(cat|dog)$", "cats", false),
        RegexCase("^(cat|dog)$", "dog", true),
        RegexCase("a|", "zzz", true),
        RegexCase("^(?:ab|cd)+$", "abcdab", true),
        RegexCase("^(?:ab|cd)+$", "abca", false),
        RegexCase("^(?:a|ab)(?:c|bcd)$", "abcd", true),
    ])
    func alternation(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^a*$", "", true),
        RegexCase("^a+$", "", false),
        RegexCase("^a?b$", "b", true),
        RegexCase("^a?b$", "aab", false),
        RegexCase("^a{3}$", "aaa", true),
        RegexCase("^a{3}$", "aaaa", false),
        RegexCase("^a{2,}$", "aa", true),
        RegexCase("^a{2,}$", "a", false),
        RegexCase("^a{2,3}$", "aaaa", false),
        RegexCase("^a{2,3}$", "aaa", true),
        RegexCase("^a{0}b$", "b", true),
        RegexCase("^a{0}b$", "ab", false),
        RegexCase("^a*?b$", "aab", true),
        RegexCase("^a+?$", "aaa", true),
        RegexCase("^a{2,3}?$", "aa", true),
        RegexCase("^(?:a|b){0,2}c$", "abc", true),
        RegexCase("^(?:a|b){0,2}c$", "abac", false),
        RegexCase("^(?:){5}a$", "a", true),
        RegexCase("^(?:a*)*$", "aaa", true),
        RegexCase("^(?:a*)+b$", "aaab", true),
        RegexCase("^[0-9]{12}$", "012345678901", true),
        RegexCase("^[0-9]{12}$", "01234567890", false),
        RegexCase("^[0-9]{12}$", "0123456789012", false),
    ])
    func quantifiers(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^[abc]+$", "abcba", true),
        RegexCase("^[abc]+$", "abd", false),
        RegexCase("^[^abc]$", "d", true),
        RegexCase("^[^abc]$", "a", false),
        RegexCase("^[a-z0-9_-]+$", "ab-c_9", true),
        RegexCase("^[a-z0-9_-]+$", "ab-C", false),
        RegexCase("^[-a]$", "-", true),
        RegexCase("^[a-]$", "-", true),
        RegexCase("^[\\d-]$", "-", true),
        RegexCase("^[\\d-]$", "7", true),
        RegexCase("^[\\w.]+$", "a.b", true),
        RegexCase("[]", "a", false),
        RegexCase("^[^]$", "\n", true),
        RegexCase("^[\\b]$", "\u{8}", true),
        RegexCase("^[\\-]$", "-", true),
        RegexCase("^[\\]]$", "]", true),
        RegexCase("^[\\u00e9-\\u00eb]$", "\u{EA}", true),
        RegexCase("^[\u{1F600}-\u{1F602}]$", "\u{1F601}", true),
        RegexCase("^[^\u{1F600}]$", "\u{1F600}", false),
        RegexCase("^[^\u{1F600}]$", "\u{1F603}", true),
        RegexCase("^[\\D]$", "x", true),
        RegexCase("^[^\\D]$", "5", true),
        RegexCase("^[\\S\\s]$", "\u{2028}", true),
        RegexCase("^[a-c[]+$", "ab[", true),
    ])
    func characterClasses(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^\\t\\n\\v\\f\\r$", "\t\n\u{0B}\u{0C}\r", true),
        RegexCase("^\\x41$", "A", true),
        RegexCase("^\\u0041$", "A", true),
        RegexCase("^\\u{1F600}$", "\u{1F600}", true),
        RegexCase("^\\u{0000041}$", "A", true),
        RegexCase("^\\uD83D\\uDE00$", "\u{1F600}", true),
        RegexCase("^\\cJ$", "\n", true),
        RegexCase("^\\cj$", "\n", true),
        RegexCase("^\\0$", "\u{0}", true),
        RegexCase("^\\.$", ".", true),
        RegexCase("^\\.$", "a", false),
        RegexCase("^\\/$", "/", true),
        RegexCase("^\\\\$", "\\", true),
        RegexCase("^\\^\\$\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|$", "^$*+?()[]{}|", true),
        RegexCase("^\\d\\D\\w\\W\\s\\S$", "1a_-xx", false),
        RegexCase("^\\d\\D\\w\\W\\s\\S$", "1a_ \tx", true),
    ])
    func escapes(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^.$", "a", true),
        RegexCase("^.$", "\n", false),
        RegexCase("^.$", "\r", false),
        RegexCase("^.$", "\u{2028}", false),
        RegexCase("^.$", "\u{2029}", false),
        RegexCase("^.$", "\u{85}", true),
        RegexCase("^.$", "\u{1F600}", true),
        RegexCase("^..$", "\u{1F600}", false),
        RegexCase("^.$", "\u{E9}", true),
        RegexCase("^.$", "e\u{301}", false),
        RegexCase("^..$", "e\u{301}", true),
    ])
    func dotMatchesOneCodePoint(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("\\bfoo\\b", "a foo b", true),
        RegexCase("\\bfoo\\b", "afoob", false),
        RegexCase("\\Bfoo", "afoo", true),
        RegexCase("\\Bfoo", "foo", false),
        RegexCase("\\b\u{E9}", "\u{E9}", false),
        RegexCase("\u{E9}\\b", "\u{E9}a", true),
        RegexCase("^\\b$", "", false),
        RegexCase("^\\B$", "", true),
    ])
    func wordBoundaries(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^(ab)+$", "abab", true),
        RegexCase("^(?<year>\\d{4})-(?<month>\\d{2})$", "2024-05", true),
        RegexCase("^(?<year>\\d{4})-(?<month>\\d{2})$", "2024-5", false),
        RegexCase("^(?:ab)?c$", "c", true),
        RegexCase("^(?<$name_1>a)$", "a", true),
        RegexCase("^()a$", "a", true),
    ])
    func groups(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123", true),
        RegexCase("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", false),
        RegexCase("^(?=.*\\d)(?=.*[a-z]).{6,}$", "ab12", false),
        RegexCase("^(?!foo)\\w+$", "foobar", false),
        RegexCase("^(?!foo)\\w+$", "barfoo", true),
        RegexCase("q(?=u)", "qu", true),
        RegexCase("q(?=u)", "qa", false),
        RegexCase("q(?!u)", "qa", true),
        RegexCase("q(?!u)", "q", true),
        RegexCase("a(?=b(?!c))", "abd", true),
        RegexCase("a(?=b(?!c))", "abc", false),
        RegexCase("(?=a$)", "ba", true),
        RegexCase("(?=a$)", "ab", false),
    ])
    func lookahead(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("(?<=\\$)\\d+", "cost $42", true),
        RegexCase("(?<=\\$)\\d+", "cost 42", false),
        RegexCase("(?<!\\$)\\b\\d+", "$42", false),
        RegexCase("(?<!\\$)\\b\\d+", "\u{20AC}42", true),
        RegexCase("(?<=^a+)b", "aaab", true),
        RegexCase("(?<=^a+)b", "xaab", false),
        RegexCase("(?<=(?<!x)a)b", "ab", true),
        RegexCase("(?<=(?<!x)a)b", "xab", false),
        RegexCase("(?<=ab|c)d", "abd", true),
        RegexCase("(?<=ab|c)d", "bd", false),
        RegexCase("(?<=\u{1F600})x", "\u{1F600}x", true),
        RegexCase("(?<=\u{E9}.)x", "\u{E9}\u{1F600}x", true),
        RegexCase("(?<=(?=ab)a)b", "ab", true),
        RegexCase("^.(?<=^a)", "ab", true),
        RegexCase("^.(?<=^a)", "ba", false),
    ])
    func lookbehind(_ testCase: RegexCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        RegexCase("^(a+)b\\1$", "aabaa", true),
        RegexCase("^(a+)b\\1$", "aaba", false),
        RegexCase("^(?<q>['\"]).*\\k<q>$", "'x'", true),
        RegexCase("^(?<q>['\"]).*\\k<q>$", "'x\"", false),
        RegexCase("\\k<q>(?<q>a)", "a", true),
        RegexCase("^(a)?b\\1$", "b", true),
        RegexCase("\\1(a)", "a", true),
        RegexCase("^(a\\1)$", "a", true),
        RegexCase("^(\u{E9}+)-\\1$", "\u{E9}\u{E9}-\u{E9}\u{E9}", true),
        RegexCase("^(\u{E9}+)-\\1$", "\u{E9}\u{E9}-\u{E9}", false),
        // Captures are reset on each iteration, so \1 is unset after the "b" iteration.
        RegexCase("^(?:(a)|b)+\\1$", "ab", true),
        RegexCase("^(?:(a)|b)+\\1$", "ba", false),
        // An iteration that matches the empty string is rejected rather than looping.
        RegexCase("^(a*)*b\\1$", "b", true),
        RegexCase("^(a*)*b\\1$", "aaba", true),
        RegexCase("^(a*)*b\\1$", "aab", false),
        // A lookbehind is matched right to left: (a) is captured before \1 is tried.
        RegexCase("(?<=\\1(a))b", "aab", true),
        RegexCase("(?<=\\1(a))b", "xab", false),
        RegexCase("(?<=(\\d)\\1)x", "12x", true),
        // Captures from a positive lookahead are visible after it; from a negative one never.
        RegexCase("^(?=(a+))a*b\\1$", "aaaba", false),
        RegexCase("^(?=(a+))a*b\\1$", "aaabaaa", true),
        RegexCase("^(?!(a)b)\\w\\1$", "a", true),
        RegexCase("((((((((((a))))))))))\\10", "aa", true),
        RegexCase("((((((((((a))))))))))\\10", "ab", false),
    ])
    func backreferences(_ testCase: RegexCase) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(try regex.matches(testCase.input) == testCase.matches, "\(testCase.testDescription)")
    }

    @Test func sharedAcrossTasks() async throws {
        let regex = try ECMARegex("^[A-Z0-9]+(\\.[A-Z0-9]+)*$")
        let inputs = ["000.00.00.G01", "000.00.00.H41", "000..G01", "abc", "H55.242", ".G01"]
        let expected = try inputs.map { try regex.matches($0) }
        #expect(expected == [true, true, false, false, true, false])
        let results = try await withThrowingTaskGroup(of: [Bool].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [Bool] = []
                    for _ in 0..<200 { seen = try inputs.map { try regex.matches($0) } }
                    return seen
                }
            }
            var all: [[Bool]] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
