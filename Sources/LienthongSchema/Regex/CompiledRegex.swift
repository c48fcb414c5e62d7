/// A pattern compiled for the cheapest matcher that handles it.
struct CompiledRegex: Sendable {
    enum Strategy: Sendable {
        /// Byte comparison: the pattern is a literal, perhaps anchored.
        case literal(PatternAnalysis.LiteralPlan)
        /// Linear-time NFA simulation: every pattern without backreferences.
        case automaton(AutomatonMatcher)
        /// Budgeted backtracking: patterns with backreferences.
        case backtracking(BacktrackingMatcher)
    }

    let strategy: Strategy
    /// UTF-8 of a literal every match contains; an input without it cannot match.
    let requiredLiteral: [UInt8]

    /// Compiles `pattern`. `forceBacktracking` sends every pattern to the backtracker (tests compare
    /// the two matchers with it); `backtrackingBudget` replaces the base step budget.
    init(
        _ pattern: String, backtrackingBudget: Int = BacktrackingMatcher.baseStepBudget, forceBacktracking: Bool = false
    ) throws(RegexSyntaxError) {
        let (node, captureCount) = try RegexParser.parse(pattern)
        if !forceBacktracking, let plan = PatternAnalysis.literalPlan(node) {
            strategy = .literal(plan)
            requiredLiteral = []
            return
        }
        requiredLiteral = PatternAnalysis.requiredLiteral(node)
        let anchored = PatternAnalysis.isAnchoredAtStart(node)
        if node.containsBackreference || forceBacktracking {
            let programs = try RegexCompiler.compile(node, captureCount: captureCount, pattern: pattern, for: .backtracking)
            strategy = .backtracking(BacktrackingMatcher(programs, anchoredStart: anchored, baseBudget: backtrackingBudget))
        } else {
            let programs = try RegexCompiler.compile(node, captureCount: captureCount, pattern: pattern, for: .automaton)
            strategy = .automaton(AutomatonMatcher(programs, anchoredStart: anchored))
        }
    }

    /// Whether the pattern matches somewhere in the UTF-8 `bytes`.
    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> BacktrackingMatcher.Outcome {
        if !requiredLiteral.isEmpty, UTF8Input.firstOffset(of: requiredLiteral, in: bytes) == nil { return .noMatch }
        switch strategy {
        case .literal(let plan):
            return plan.matches(bytes) ? .matched : .noMatch
        case .automaton(let matcher):
            return matcher.matches(bytes) ? .matched : .noMatch
        case .backtracking(let matcher):
            return matcher.matches(bytes)
        }
    }
}
