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

/// Checks a case with the matcher `ECMARegex` picks and with each other matcher that can run the
/// pattern (the NFA simulation unless it has backreferences, and the backtracker): all must agree.
func expectCase(_ testCase: RegexCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let regex = try ECMARegex(testCase.pattern)
    #expect(try regex.matches(testCase.input) == testCase.matches, "\(testCase.testDescription)", sourceLocation: sourceLocation)
    var engines: [CompiledRegex.Engine] = [.backtracking]
    if case .backtracking = regex.strategy {} else { engines.append(.nondeterministic) }
    for engine in engines {
        let forced = try ECMARegex(testCase.pattern, engine: engine)
        #expect(
            try forced.matches(testCase.input) == testCase.matches, "\(engine): \(testCase.testDescription)",
            sourceLocation: sourceLocation)
    }
}
