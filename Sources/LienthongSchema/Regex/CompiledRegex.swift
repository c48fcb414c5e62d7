/// A pattern compiled for the cheapest matcher that handles it.
struct CompiledRegex: Sendable {
    /// Which matcher to use; tests force each one to compare them.
    enum Engine: Sendable {
        /// The cheapest matcher that handles the pattern.
        case automatic
        /// The NFA simulation, even where a deterministic automaton or a literal would do.
        case nondeterministic
        /// The backtracker, even without backreferences.
        case backtracking
    }

    enum Strategy: Sendable {
        /// Byte comparison: the pattern is a literal, perhaps anchored.
        case literal(PatternAnalysis.LiteralPlan)
        /// A precomputed deterministic automaton: small patterns without `\b` or lookarounds.
        case deterministic(DeterministicAutomaton)
        /// Linear-time NFA simulation: every other pattern without backreferences.
        case nondeterministic(AutomatonMatcher)
        /// Budgeted backtracking: patterns with backreferences.
        case backtracking(BacktrackingMatcher)
    }

    let strategy: Strategy
    /// UTF-8 of a literal every match contains; an input without it cannot match.
    let requiredLiteral: [UInt8]

    /// Compiles `pattern` for `engine`; `backtrackingBudget` replaces the backtracker's base step budget.
    init(
        _ pattern: String, engine: Engine = .automatic,
        backtrackingBudget: Int = BacktrackingMatcher.baseStepBudget
    ) throws(RegexSyntaxError) {
        let (node, captureCount) = try RegexParser.parse(pattern)
        if engine == .automatic, let plan = PatternAnalysis.literalPlan(node) {
            strategy = .literal(plan)
            requiredLiteral = []
            return
        }
        requiredLiteral = PatternAnalysis.requiredLiteral(node)
        let anchored = PatternAnalysis.isAnchoredAtStart(node)
        if node.containsBackreference || engine == .backtracking {
            let programs = try RegexCompiler.compile(node, captureCount: captureCount, pattern: pattern, for: .backtracking)
            strategy = .backtracking(BacktrackingMatcher(programs, anchoredStart: anchored, baseBudget: backtrackingBudget))
            return
        }
        let programs = try RegexCompiler.compile(node, captureCount: captureCount, pattern: pattern, for: .automaton)
        if engine == .automatic, programs.lookarounds.isEmpty,
           let automaton = DeterministicAutomaton(programs.programs[programs.main], anchoredStart: anchored) {
            strategy = .deterministic(automaton)
        } else {
            strategy = .nondeterministic(AutomatonMatcher(programs, anchoredStart: anchored))
        }
    }

    /// Whether the pattern matches somewhere in the UTF-8 `bytes`.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> BacktrackingMatcher.Outcome {
        if !requiredLiteral.isEmpty, UTF8Input.firstOffset(of: requiredLiteral, in: bytes) == nil { return .noMatch }
        switch strategy {
        case .literal(let plan):
            return plan.matches(bytes) ? .matched : .noMatch
        case .deterministic(let automaton):
            return automaton.matches(bytes) ? .matched : .noMatch
        case .nondeterministic(let matcher):
            return matcher.matches(bytes) ? .matched : .noMatch
        case .backtracking(let matcher):
            return matcher.matches(bytes)
        }
    }
}
