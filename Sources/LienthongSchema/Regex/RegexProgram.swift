/// One instruction of a compiled pattern (a Thompson NFA in array form).
///
/// Class tests carry their ASCII bitset inline, so the common ASCII case touches no other memory.
struct RegexInstruction: Sendable {
    enum Opcode: UInt8, Sendable {
        /// Consume the scalar `a`.
        case scalar
        /// Consume a scalar in class `a` (ASCII membership inline in `asciiLow`/`asciiHigh`).
        case set
        /// Continue at both `a` and `b`; `a` is tried first by the backtracker.
        case split
        /// Continue at `a`.
        case jump
        /// Succeed only at the start of the input.
        case inputStart
        /// Succeed only at the end of the input.
        case inputEnd
        /// Succeed only between a word and a non-word scalar.
        case wordBoundary
        /// Succeed only where `wordBoundary` fails.
        case notWordBoundary
        /// Succeed only where the body of lookaround `a` matches (or, when `b` is 1, does not).
        case lookaround
        /// Record the position in register `a` (backtracker only; the automaton ignores it).
        case setRegister
        /// Set capture group `a` to the span between register `b` and the position (backtracker only).
        case closeCapture
        /// Reset capture groups `a` through `b` to undefined (backtracker only).
        case clearCaptures
        /// Fail when the position equals register `a`: ECMA-262's empty-iteration check (backtracker only).
        case checkProgress
        /// Consume the text captured by group `a` (backtracker only).
        case backreference
        /// The pattern matched.
        case match
    }

    var opcode: Opcode
    var a: Int32 = 0
    var b: Int32 = 0
    var asciiLow: UInt64 = 0
    var asciiHigh: UInt64 = 0
}

/// A compiled pattern or lookaround body: instructions, their classes, and the reading direction.
struct RegexProgram: Sendable {
    let instructions: [RegexInstruction]
    let classes: [ScalarClass]
    /// True when the program reads the input right to left (lookbehind bodies in the backtracker,
    /// lookahead bodies in the automaton).
    let backward: Bool
}

/// A lookaround body the main program (or another lookaround) refers to by index. Identical
/// bodies are compiled once; whether a use is negated is in its instruction.
struct LookaroundProgram: Sendable {
    /// Index into the compiled programs.
    let program: Int
    let behind: Bool
}

/// Everything a matcher needs: the main program, lookaround bodies, and register counts.
struct CompiledProgramSet: Sendable {
    let programs: [RegexProgram]
    let main: Int
    /// Lookarounds in an order where each comes after every lookaround nested inside it.
    let lookarounds: [LookaroundProgram]
    let captureCount: Int
    /// Capture slots (two per group, group 0 unused) followed by position registers.
    let registerCount: Int
}
