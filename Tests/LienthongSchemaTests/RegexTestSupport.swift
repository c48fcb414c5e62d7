import Testing

@testable import LienthongSchema

/// One pattern, one input, and whether the pattern should match somewhere in it.
struct RegexCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let input: String
    let matches: Bool

    init(_ pattern: String, _ input: String, _ matches: Bool) {
        self.pattern = pattern
        self.input = input
        self.matches = matches
    }

    var testDescription: String {
        "/\(pattern)/ \(matches ? "matches" : "does not match") \(input.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())"
    }
}

/// Checks a case with the engine `ECMARegex` picks and, when the pattern has no backreferences,
/// with the backtracker too: both matchers must agree with the expectation.
func expectCase(_ testCase: RegexCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let regex = try ECMARegex(testCase.pattern)
    #expect(try regex.matches(testCase.input) == testCase.matches, "\(testCase.testDescription)", sourceLocation: sourceLocation)
    let backtracking = try ECMARegex(testCase.pattern, forceBacktracking: true)
    #expect(
        try backtracking.matches(testCase.input) == testCase.matches, "backtracker: \(testCase.testDescription)",
        sourceLocation: sourceLocation)
}
