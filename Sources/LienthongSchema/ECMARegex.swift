import Foundation

/// A regular expression with ECMA-262 syntax and semantics, as JSON Schema's `pattern`,
/// `patternProperties` and `format: regex` require.
///
/// CONTRACT (owned by the regex work). STUB backed by NSRegularExpression until then.
public struct ECMARegex: Sendable {
    public let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern`; throws with the position and reason when it is not valid ECMA-262.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        do { self.regex = try NSRegularExpression(pattern: pattern) } catch {
            throw RegexSyntaxError(pattern: pattern, offset: 0, reason: "\(error)")
        }
    }

    /// True when the pattern matches anywhere in `input` (search semantics, not anchored).
    /// Throws when the match would exceed its bounded cost (never hangs).
    public func matches(_ input: String) throws(RegexMatchError) -> Bool {
        regex.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil
    }
}

public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    /// Offset in Unicode scalars from the start of the pattern.
    public let offset: Int
    public let reason: String
    public init(pattern: String, offset: Int, reason: String) {
        self.pattern = pattern
        self.offset = offset
        self.reason = reason
    }
    public var description: String { "invalid regular expression /\(pattern)/ at offset \(offset): \(reason)" }
}

public struct RegexMatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    public let reason: String
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }
    public var description: String { "regular expression /\(pattern)/ could not be matched: \(reason)" }
}
