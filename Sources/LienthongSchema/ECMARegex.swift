// ECMA-262 regular expressions for JSON Schema, matched with bounded cost.
//
// Semantics followed: ECMA-262 (2024, 15th edition) patterns as `new RegExp(pattern, "u")` reads
// them, because JSON Schema asks for Unicode-aware patterns:
// - Syntax is the `u`-flag grammar without Annex B: a lone `{`, `}` or `]`, unknown escapes
//   (`\Z`, `\A`, `\e`, `\-` outside a class), octal escapes, `\c` without a letter, quantified
//   assertions (`^*`, `(?=a)+`), ranges bounded by class escapes (`[\d-z]`), inline flags
//   (`(?i)`), possessive quantifiers (`a*+`) and backreferences to missing groups are errors.
// - Input is matched as Unicode scalars (code points); `\u{…}` and `\uD83D\uDE00` denote one.
// - `\d` is [0-9], `\w` is [A-Za-z0-9_] and `\b` uses `\w`: ASCII only, unlike ICU.
//   `\s` is ECMA-262 WhiteSpace plus LineTerminator (including U+FEFF, U+00A0, U+2028/9, Zs).
// - `.` matches any code point but the line terminators \n \r U+2028 U+2029; `^` and `$` match
//   only at the ends of the input (no `m` flag), so `$` does not match before a final "\n".
// - `\p{…}`/`\P{…}`: General_Category values and aliases (`L`, `Letter`, `digit`, `gc=Lu`),
//   `Script=`/`sc=` and `Script_Extensions=`/`scx=`, and the binary properties of ECMA-262's
//   table. Categories and binary properties come from the Swift standard library (Unicode 16);
//   scripts come from a generated table (Unicode 18 data), Emoji_Component and
//   Extended_Pictographic from Unicode 17 data.
// - Capturing, named, non-capturing groups, greedy and lazy quantifiers, lookahead and
//   lookbehind, `\1` and `\k<name>` backreferences with the specification's rules (captures
//   reset per iteration, empty iterations rejected, lookarounds atomic, lookbehind read backward).
// - `matches` is a search: true when the pattern matches anywhere in the input. As the
//   specification's search loop does with the `u` flag, it only tries code point boundaries
//   (V8 also tries inside surrogate pairs, so there `/\B/u.test("a😀a")` is true; here it is false).
//
// How a pattern is matched (see `CompiledRegex`): a plain literal, perhaps anchored, by comparing
// bytes; a small pattern without `\b` or lookarounds by a deterministic automaton built at compile
// time; any other pattern without backreferences by Thompson NFA simulation, with each lookaround
// tabulated for every position in one extra pass; a pattern with backreferences by a backtracker
// with a step budget. A literal that every match must contain is searched for first.
//
// Where we deliberately differ:
// - A pattern whose expanded program exceeds 50,000 instructions (e.g. `a{100000}` or deeply
//   nested counted repetitions), with more than 100 different lookarounds, or whose groups nest
//   deeper than 200 is refused as a syntax error: that is the price of bounded time and memory.
// - Patterns with backreferences run on a backtracker limited to 1,000,000 steps plus 16 per input
//   byte (and 4,000,000 saved backtracking positions); beyond that `matches` throws instead of
//   running for exponential time or memory.
// - ES2025 additions (duplicate named groups, `(?i:…)` modifiers) and the `v` flag's set syntax
//   are not accepted; the lone-surrogate code units that only non-Unicode patterns can match do
//   not exist in Swift strings.

/// A regular expression with ECMA-262 syntax and semantics, as JSON Schema's `pattern`,
/// `patternProperties` and `format: regex` require.
///
/// Compile once and share: the value is immutable and `Sendable`, and `matches` may run from many
/// tasks at once. Patterns without backreferences match in time linear in the input (and the
/// program size); none can hang.
public struct ECMARegex: Sendable {
    /// The source pattern.
    public let pattern: String
    private let compiled: CompiledRegex

    /// Compiles `pattern`; throws with the position and reason when it is not valid ECMA-262.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        self.compiled = try CompiledRegex(pattern)
    }

    /// Compiles `pattern` for a given matcher or backtracking budget (tests compare the matchers).
    init(
        _ pattern: String, engine: CompiledRegex.Engine,
        backtrackingBudget: Int = BacktrackingMatcher.baseStepBudget
    ) throws(RegexSyntaxError) {
        self.pattern = pattern
        self.compiled = try CompiledRegex(pattern, engine: engine, backtrackingBudget: backtrackingBudget)
    }

    /// The matcher chosen for this pattern (for tests).
    var strategy: CompiledRegex.Strategy { compiled.strategy }

    /// True when the pattern matches anywhere in `input` (search semantics, not anchored).
    /// Throws when the match would exceed its bounded cost (never hangs).
    public func matches(_ input: String) throws(RegexMatchError) -> Bool {
        let outcome: BacktrackingMatcher.Outcome
        if let direct = input.utf8.withContiguousStorageIfAvailable({ compiled.match($0) }) {
            outcome = direct
        } else {
            var contiguous = input
            outcome = contiguous.withUTF8 { compiled.match($0) }
        }
        switch outcome {
        case .matched:
            return true
        case .noMatch:
            return false
        case .budgetExceeded:
            throw RegexMatchError(
                pattern: pattern,
                reason: "exceeded the matching budget (the backreferences would need exponential backtracking)")
        }
    }
}

/// A pattern that is not valid ECMA-262 (or is too large to match with bounded cost).
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    /// Offset in Unicode scalars from the start of the pattern.
    public let offset: Int
    /// What is wrong, in words.
    public let reason: String
    public init(pattern: String, offset: Int, reason: String) {
        self.pattern = pattern
        self.offset = offset
        self.reason = reason
    }
    public var description: String { "invalid regular expression /\(pattern)/ at offset \(offset): \(reason)" }
}

/// A match that was stopped because it would have exceeded its bounded cost.
public struct RegexMatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as given.
    public let pattern: String
    /// Why matching stopped.
    public let reason: String
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }
    public var description: String { "regular expression /\(pattern)/ could not be matched: \(reason)" }
}
