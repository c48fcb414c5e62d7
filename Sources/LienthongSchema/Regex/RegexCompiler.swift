/// Compiles a `RegexNode` into NFA programs for one of the two matchers.
///
/// Repetitions are expanded (`a{2,4}` becomes `a a (a (a)?)?`), so the program size is capped:
/// a pattern whose program would exceed `maximumInstructions` is refused, which keeps both
/// compilation and every match step bounded.
struct RegexCompiler {
    /// Which matcher the programs are for; it decides how lookaround bodies are read and whether
    /// capture bookkeeping is emitted.
    enum Target {
        /// The linear-time automaton: no captures; lookahead bodies compiled right-to-left and
        /// lookbehind bodies left-to-right, because it evaluates lookarounds for every position
        /// in one pass over the input.
        case automaton
        /// The budgeted backtracker: captures and ECMA-262 repetition rules; lookbehind bodies
        /// read right-to-left as the specification does.
        case backtracking
    }

    /// The largest total program size accepted.
    static let maximumInstructions = 50_000
    /// The most distinct lookaround bodies accepted: the automaton keeps a bit per input byte for each.
    static let maximumLookarounds = 100

    let target: Target
    let pattern: String
    let captureCount: Int
    private var programs: [RegexProgram] = []
    private var lookarounds: [LookaroundProgram] = []
    private var lookaroundIndex: [LookaroundKey: Int] = [:]
    private var registerCount: Int
    private var totalInstructions = 0

    private init(target: Target, pattern: String, captureCount: Int) {
        self.target = target
        self.pattern = pattern
        self.captureCount = captureCount
        self.registerCount = 2 * (captureCount + 1)
    }

    /// Compiles `node` (the whole pattern) for `target`.
    static func compile(_ node: RegexNode, captureCount: Int, pattern: String, for target: Target)
        throws(RegexSyntaxError) -> CompiledProgramSet
    {
        var compiler = RegexCompiler(target: target, pattern: pattern, captureCount: captureCount)
        let main = try compiler.compileProgram(node, backward: false)
        return CompiledProgramSet(
            programs: compiler.programs, main: main, lookarounds: compiler.lookarounds,
            captureCount: captureCount, registerCount: compiler.registerCount)
    }

    /// Emits `node` followed by `match` as a new program; returns its index.
    private mutating func compileProgram(_ node: RegexNode, backward: Bool) throws(RegexSyntaxError) -> Int {
        var builder = Builder(backward: backward)
        try emit(node, into: &builder)
        try append(RegexInstruction(opcode: .match), to: &builder)
        programs.append(RegexProgram(instructions: builder.code, classes: builder.classes, backward: backward))
        return programs.count - 1
    }

    private struct Builder {
        let backward: Bool
        var code: [RegexInstruction] = []
        var classes: [ScalarClass] = []
        var classIndex: [ScalarClass: Int] = [:]
        var next: Int32 { Int32(code.count) }
    }

    private mutating func append(_ instruction: RegexInstruction, to builder: inout Builder) throws(RegexSyntaxError) {
        totalInstructions += 1
        guard totalInstructions <= Self.maximumInstructions else {
            throw RegexSyntaxError(
                pattern: pattern, offset: 0,
                reason: "pattern too large: its repetitions expand beyond \(Self.maximumInstructions) instructions")
        }
        builder.code.append(instruction)
    }

    /// Appends a placeholder to patch later; returns its index.
    private mutating func placeholder(_ builder: inout Builder) throws(RegexSyntaxError) -> Int {
        try append(RegexInstruction(opcode: .jump), to: &builder)
        return builder.code.count - 1
    }

    private mutating func emit(_ node: RegexNode, into builder: inout Builder) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            return
        case .scalar(let value):
            try append(RegexInstruction(opcode: .scalar, a: Int32(bitPattern: value)), to: &builder)
        case .set(let scalarClass):
            let index: Int
            if let existing = builder.classIndex[scalarClass] {
                index = existing
            } else {
                builder.classes.append(scalarClass)
                index = builder.classes.count - 1
                builder.classIndex[scalarClass] = index
            }
            try append(
                RegexInstruction(
                    opcode: .set, a: Int32(index), asciiLow: scalarClass.asciiLow, asciiHigh: scalarClass.asciiHigh),
                to: &builder)
        case .inputStart:
            try append(RegexInstruction(opcode: .inputStart), to: &builder)
        case .inputEnd:
            try append(RegexInstruction(opcode: .inputEnd), to: &builder)
        case .wordBoundary(let negated):
            try append(RegexInstruction(opcode: negated ? .notWordBoundary : .wordBoundary), to: &builder)
        case .concatenation(let nodes):
            for node in builder.backward ? nodes.reversed() : nodes { try emit(node, into: &builder) }
        case .alternation(let nodes):
            try emitAlternation(nodes, into: &builder)
        case .group(let body, let capture):
            guard target == .backtracking, let capture else { return try emit(body, into: &builder) }
            let open = newRegister()
            try append(RegexInstruction(opcode: .setRegister, a: open), to: &builder)
            try emit(body, into: &builder)
            try append(RegexInstruction(opcode: .closeCapture, a: Int32(capture), b: open), to: &builder)
        case .repetition(let body, let min, let max, let greedy):
            try emitRepetition(body, min: min, max: max, greedy: greedy, into: &builder)
        case .lookaround(let body, let behind, let negated):
            let index = try lookaround(body, behind: behind)
            try append(RegexInstruction(opcode: .lookaround, a: Int32(index), b: negated ? 1 : 0), to: &builder)
        case .backreference(let group):
            try append(RegexInstruction(opcode: .backreference, a: Int32(group)), to: &builder)
        }
    }

    private struct LookaroundKey: Hashable {
        let body: RegexNode
        let behind: Bool
    }

    /// The index of the lookaround with this body, compiling it the first time it is seen.
    private mutating func lookaround(_ body: RegexNode, behind: Bool) throws(RegexSyntaxError) -> Int {
        let key = LookaroundKey(body: body, behind: behind)
        if let index = lookaroundIndex[key] { return index }
        guard lookarounds.count < Self.maximumLookarounds else {
            throw RegexSyntaxError(
                pattern: pattern, offset: 0,
                reason: "pattern too large: more than \(Self.maximumLookarounds) different lookarounds")
        }
        // The automaton tabulates a lookahead by scanning right to left, so its body reads that way.
        let backward = target == .automaton ? !behind : behind
        let program = try compileProgram(body, backward: backward)
        lookarounds.append(LookaroundProgram(program: program, behind: behind))
        lookaroundIndex[key] = lookarounds.count - 1
        return lookarounds.count - 1
    }

    private mutating func emitAlternation(_ nodes: [RegexNode], into builder: inout Builder) throws(RegexSyntaxError) {
        var exits: [Int] = []
        for (index, node) in nodes.enumerated() {
            guard index < nodes.count - 1 else {
                try emit(node, into: &builder)
                break
            }
            let split = try placeholder(&builder)
            try emit(node, into: &builder)
            exits.append(try placeholder(&builder))
            builder.code[split] = RegexInstruction(opcode: .split, a: Int32(split + 1), b: builder.next)
        }
        for exit in exits { builder.code[exit] = RegexInstruction(opcode: .jump, a: builder.next) }
    }

    private mutating func emitRepetition(
        _ body: RegexNode, min: Int, max: Int?, greedy: Bool, into builder: inout Builder
    ) throws(RegexSyntaxError) {
        // ECMA-262 RepeatMatcher: every iteration starts with the body's captures undefined, and an
        // iteration beyond the minimum that consumes nothing fails. Both only matter to captures and
        // backreferences, so only the backtracker gets them.
        let captures = target == .backtracking ? body.captureRange : nil
        let progressRegister: Int32? = target == .backtracking && body.canMatchEmpty ? newRegister() : nil
        for _ in 0..<min {
            let before = builder.code.count
            try emitIteration(body, captures: captures, progressRegister: nil, into: &builder)
            // A body that emits nothing (`(?:)`) matches the same however often it repeats.
            if builder.code.count == before { return }
        }
        guard let max else {
            let loop = try placeholder(&builder)
            try emitIteration(body, captures: captures, progressRegister: progressRegister, into: &builder)
            try append(RegexInstruction(opcode: .jump, a: Int32(loop)), to: &builder)
            builder.code[loop] = split(preferring: greedy, body: Int32(loop + 1), exit: builder.next)
            return
        }
        // Optional iterations nest, `(a(a)?)?`, so skipping one skips the rest: no duplicate paths.
        var splits: [Int] = []
        var remaining = max - min
        while remaining > 0 {
            let split = try placeholder(&builder)
            try emitIteration(body, captures: captures, progressRegister: progressRegister, into: &builder)
            if builder.code.count == split + 1 {
                builder.code.removeLast()
                totalInstructions -= 1
                break
            }
            splits.append(split)
            remaining -= 1
        }
        for index in splits {
            builder.code[index] = split(preferring: greedy, body: Int32(index + 1), exit: builder.next)
        }
    }

    private mutating func emitIteration(
        _ body: RegexNode, captures: ClosedRange<Int>?, progressRegister: Int32?, into builder: inout Builder
    ) throws(RegexSyntaxError) {
        if let progressRegister {
            try append(RegexInstruction(opcode: .setRegister, a: progressRegister), to: &builder)
        }
        if let captures {
            try append(
                RegexInstruction(opcode: .clearCaptures, a: Int32(captures.lowerBound), b: Int32(captures.upperBound)),
                to: &builder)
        }
        try emit(body, into: &builder)
        if let progressRegister {
            try append(RegexInstruction(opcode: .checkProgress, a: progressRegister), to: &builder)
        }
    }

    private func split(preferring greedy: Bool, body: Int32, exit: Int32) -> RegexInstruction {
        greedy ? RegexInstruction(opcode: .split, a: body, b: exit) : RegexInstruction(opcode: .split, a: exit, b: body)
    }

    private mutating func newRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }
}
