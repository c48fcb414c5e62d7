/// Matches patterns with backreferences, which no automaton can, by backtracking with ECMA-262's
/// semantics (captures reset per iteration, empty iterations rejected, lookarounds atomic,
/// lookbehind bodies read right to left) and a hard budget of steps: a pattern that would take
/// exponential time stops with `budgetExceeded` instead of hanging.
struct BacktrackingMatcher: Sendable {
    /// Steps every match may take whatever its input; longer inputs get `stepsPerByte` more per byte,
    /// so that linear work on a large input is never mistaken for a runaway. Saving a backtracking
    /// position or register value costs a step too, so memory is bounded along with time.
    static let baseStepBudget = 1_000_000
    static let stepsPerByte = 16
    /// Saved positions and values kept at once, whatever the budget: about 64 MB.
    static let maximumSavedFrames = 4_000_000

    enum Outcome: Equatable {
        case matched
        case noMatch
        case budgetExceeded
    }

    let set: CompiledProgramSet
    let anchoredStart: Bool
    let firstBytes: ByteSet?
    let baseBudget: Int

    init(_ set: CompiledProgramSet, anchoredStart: Bool, baseBudget: Int = BacktrackingMatcher.baseStepBudget) {
        self.set = set
        self.anchoredStart = anchoredStart
        self.firstBytes = FirstByteAnalysis.firstBytes(of: set.programs[set.main])
        self.baseBudget = baseBudget
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var run = Run(set: set, bytes: bytes, budget: baseBudget + Self.stepsPerByte * bytes.count)
        var start = 0
        do {
            while start <= bytes.count {
                if let firstBytes, !anchoredStart {
                    while start < bytes.count, !firstBytes.contains(bytes[start]) { start += 1 }
                    if start == bytes.count { return .noMatch }
                }
                run.resetRegisters()
                if try run.run(program: set.main, from: start) != nil { return .matched }
                if anchoredStart || start == bytes.count { return .noMatch }
                start += UTF8Input.scalar(in: bytes, at: start).length
            }
        } catch {
            return .budgetExceeded
        }
        return .noMatch
    }
}

/// Thrown inside a run when the budget is spent.
private struct BudgetExceeded: Error {}

/// The state of one match attempt series: registers, the backtrack stack and the step count.
private struct Run {
    /// A choice point to resume, or an undo record to replay while backtracking.
    struct Frame {
        enum Kind: UInt8 {
            case branch
            case restoreRegister
            case restoreSnapshot
        }
        var kind: Kind
        /// Program counter (branch) or register (restoreRegister) or snapshot index.
        var target: Int32
        /// Position (branch) or previous register value (restoreRegister).
        var value: Int
    }

    let set: CompiledProgramSet
    let bytes: UnsafeBufferPointer<UInt8>
    let budget: Int
    var steps = 0
    var registers: [Int]
    var stack: [Frame] = []
    var snapshots: [[Int]] = []

    init(set: CompiledProgramSet, bytes: UnsafeBufferPointer<UInt8>, budget: Int) {
        self.set = set
        self.bytes = bytes
        self.budget = budget
        self.registers = Array(repeating: -1, count: set.registerCount)
    }

    mutating func resetRegisters() {
        for index in registers.indices { registers[index] = -1 }
        stack.removeAll(keepingCapacity: true)
        snapshots.removeAll(keepingCapacity: true)
    }

    /// Runs program `index` from `position`; returns where it ended, or nil when it cannot match.
    /// A successful run keeps its register changes but drops its choice points (lookarounds are atomic).
    mutating func run(program index: Int, from position: Int) throws(BudgetExceeded) -> Int? {
        let program = set.programs[index]
        let code = program.instructions
        let backward = program.backward
        let base = stack.count
        var pc = 0
        var position = position
        while true {
            steps += 1
            if steps > budget { throw BudgetExceeded() }
            let instruction = code[pc]
            var failed = false
            switch instruction.opcode {
            case .scalar, .set:
                if let (value, length) = read(at: position, backward: backward) {
                    let accepted: Bool
                    if instruction.opcode == .scalar {
                        accepted = value == UInt32(bitPattern: instruction.a)
                    } else {
                        accepted = program.classes[Int(instruction.a)].contains(value)
                    }
                    if accepted {
                        position += backward ? -length : length
                        pc += 1
                    } else {
                        failed = true
                    }
                } else {
                    failed = true
                }
            case .split:
                try push(Frame(kind: .branch, target: instruction.b, value: position))
                pc = Int(instruction.a)
            case .jump:
                pc = Int(instruction.a)
            case .inputStart:
                if position == 0 { pc += 1 } else { failed = true }
            case .inputEnd:
                if position == bytes.count { pc += 1 } else { failed = true }
            case .wordBoundary, .notWordBoundary:
                let boundary = UTF8Input.isWordBefore(bytes, position) != UTF8Input.isWordAt(bytes, position)
                if boundary == (instruction.opcode == .wordBoundary) { pc += 1 } else { failed = true }
            case .lookaround:
                if try lookaround(Int(instruction.a), negated: instruction.b != 0, at: position) {
                    pc += 1
                } else {
                    failed = true
                }
            case .setRegister:
                try setRegister(Int(instruction.a), to: position)
                pc += 1
            case .closeCapture:
                let group = Int(instruction.a)
                let opened = registers[Int(instruction.b)]
                try setRegister(2 * group, to: min(opened, position))
                try setRegister(2 * group + 1, to: max(opened, position))
                pc += 1
            case .clearCaptures:
                for group in Int(instruction.a)...Int(instruction.b) {
                    try setRegister(2 * group, to: -1)
                    try setRegister(2 * group + 1, to: -1)
                }
                pc += 1
            case .checkProgress:
                if registers[Int(instruction.a)] == position { failed = true } else { pc += 1 }
            case .backreference:
                if let end = try backreference(Int(instruction.a), at: position, backward: backward) {
                    position = end
                    pc += 1
                } else {
                    failed = true
                }
            case .match:
                // Atomic: forget this run's choice points and undo records (the caller keeps a snapshot).
                stack.removeSubrange(base...)
                return position
            }
            guard failed else { continue }
            guard let resumed = backtrack(to: base) else { return nil }
            (pc, position) = resumed
        }
    }

    /// Pops frames down to `base`, replaying undo records, until a choice point is found.
    private mutating func backtrack(to base: Int) -> (Int, Int)? {
        while stack.count > base {
            let frame = stack.removeLast()
            switch frame.kind {
            case .branch: return (Int(frame.target), frame.value)
            case .restoreRegister: registers[Int(frame.target)] = frame.value
            case .restoreSnapshot: registers = snapshots[Int(frame.target)]
            }
        }
        return nil
    }

    private mutating func setRegister(_ register: Int, to value: Int) throws(BudgetExceeded) {
        let old = registers[register]
        guard old != value else { return }
        try push(Frame(kind: .restoreRegister, target: Int32(register), value: old))
        registers[register] = value
    }

    /// Saves a frame, charging it to the budget.
    private mutating func push(_ frame: Frame) throws(BudgetExceeded) {
        steps += 1
        guard steps <= budget, stack.count < BacktrackingMatcher.maximumSavedFrames else { throw BudgetExceeded() }
        stack.append(frame)
    }

    /// Charges `count` steps (copying registers, comparing text) to the budget.
    private mutating func charge(_ count: Int) throws(BudgetExceeded) {
        steps += count
        if steps > budget { throw BudgetExceeded() }
    }

    /// The scalar after (or before, reading backward) `position`, if any.
    private func read(at position: Int, backward: Bool) -> (UInt32, Int)? {
        if backward {
            return position > 0 ? UTF8Input.scalar(in: bytes, before: position) : nil
        }
        return position < bytes.count ? UTF8Input.scalar(in: bytes, at: position) : nil
    }

    /// Evaluates lookaround `index` at `position` as an atomic sub-match.
    private mutating func lookaround(_ index: Int, negated: Bool, at position: Int) throws(BudgetExceeded) -> Bool {
        let look = set.lookarounds[index]
        try charge(registers.count)
        let saved = registers
        let found = try run(program: look.program, from: position) != nil
        if negated {
            // Captures inside a negative lookaround are never visible after it.
            registers = saved
            return !found
        }
        if found {
            try charge(registers.count)
            snapshots.append(saved)
            try push(Frame(kind: .restoreSnapshot, target: Int32(snapshots.count - 1), value: 0))
        }
        return found
    }

    /// Matches the text of group `group` at `position`; an unset group matches the empty string.
    private mutating func backreference(_ group: Int, at position: Int, backward: Bool) throws(BudgetExceeded) -> Int? {
        let start = registers[2 * group]
        let end = registers[2 * group + 1]
        guard start >= 0, end >= start else { return position }
        let length = end - start
        try charge(length)
        let from = backward ? position - length : position
        guard from >= 0, from + length <= bytes.count else { return nil }
        for offset in 0..<length where bytes[start + offset] != bytes[from + offset] { return nil }
        return backward ? from : position + length
    }
}
