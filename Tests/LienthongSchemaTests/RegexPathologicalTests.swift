import Testing

@testable import LienthongSchema

/// Patterns that take exponential time in a backtracking engine. The automaton answers them in
/// linear time; the backtracker (for backreferences) gives up with an error. We assert results,
/// never durations: a regression to exponential time would hang the test run instead.
@Suite("ECMARegex bounded cost")
struct RegexPathologicalTests {
    @Test(arguments: [
        RegexCase("^(a+)+$", String(repeating: "a", count: 30) + "!", false),
        RegexCase("^(a+)+$", String(repeating: "a", count: 50), true),
        RegexCase("(a|a)*b", String(repeating: "a", count: 40), false),
        RegexCase("(x+x+)+y", String(repeating: "x", count: 50), false),
        RegexCase("(x+x+)+y", String(repeating: "x", count: 50) + "y", true),
        RegexCase("^(\\w+\\s?)*$", String(repeating: "word ", count: 10) + "!", false),
        RegexCase("^(a|aa)+$", String(repeating: "a", count: 5000), true),
        RegexCase("(.*a){12}", String(repeating: "a", count: 11) + String(repeating: "b", count: 40), false),
        RegexCase("^(?=(a|a)*b)", String(repeating: "a", count: 3000), false),
        RegexCase("(?<=(a|a)*)c", String(repeating: "a", count: 3000) + "c", true),
        RegexCase("^([0-9]+)*[a-z]$", String(repeating: "1", count: 40) + "!", false),
    ])
    func exponentialForBacktrackersIsLinearHere(_ testCase: RegexCase) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(try regex.matches(testCase.input) == testCase.matches)
    }

    @Test func blownBudgetThrowsInsteadOfHanging() throws {
        // The backreference forces the backtracker; the nested quantifier has 2^29 ways to fail.
        let regex = try ECMARegex("^(a+)+b\\1$")
        let input = String(repeating: "a", count: 30) + "cb"
        #expect(performing: { _ = try regex.matches(input) }, throws: { error in
            guard let error = error as? RegexMatchError else { return false }
            return error.reason.contains("exceeded the matching budget") && error.pattern == "^(a+)+b\\1$"
        })
        // The same pattern still answers inputs it can decide within the budget.
        #expect(try regex.matches("aaaba"))
        #expect(try regex.matches("aaabaa"))  // (a)(aa) leaves \1 = "aa"
        #expect(try !regex.matches("aaabaaaa"))
    }

    @Test func linearWorkOnLargeInputsIsNotMistakenForARunaway() throws {
        let regex = try ECMARegex("(\\w)\\1")
        let large = String(repeating: "ab", count: 300_000) + "cc"
        #expect(try regex.matches(large))
        #expect(try !regex.matches(String(repeating: "ab", count: 300_000)))
    }

    @Test func largeInputsStayLinearInTheAutomaton() throws {
        let digits = String(repeating: "0123456789", count: 100_000)
        #expect(try !ECMARegex("^[0-9]{12}$").matches(digits))
        #expect(try ECMARegex("^[0-9]+$").matches(digits))
        #expect(try ECMARegex("(?<=9)0(?=1)").matches(digits))
        #expect(try !ECMARegex("(?<=8)0(?=1)").matches(digits))
        #expect(try ECMARegex("(?<!\\d)0123").matches(digits))
        #expect(try !ECMARegex("(?<=\\d)0123(?!\\d)").matches(digits))
        #expect(try !ECMARegex("^(?:\\d+)+x$").matches(digits))
    }
}
