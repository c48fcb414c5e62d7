/// A small deterministic automaton built ahead of time from an NFA program, for the common
/// patterns with no word boundaries or lookarounds: one table lookup per ASCII scalar instead of
/// advancing every NFA thread.
///
/// Columns are equivalence classes of input scalars: ASCII scalars are grouped by which
/// instructions accept them; a non-ASCII scalar's column is the bit signature of which of the
/// program's few non-ASCII tests (`atoms`) accept it. Construction gives up (and the NFA
/// simulation is used) when the program, the atoms or the state count would be too large.
struct DeterministicAutomaton: Sendable {
    /// The largest program, number of non-ASCII tests and number of states we build for.
    static let maximumProgramSize = 400
    static let maximumAtoms = 5
    static let maximumStates = 256
    /// Instruction visits the construction may spend before it gives up on a pattern.
    static let maximumConstructionWork = 1_000_000

    /// A non-ASCII test: one scalar or one class.
    enum Atom: Sendable, Equatable {
        case scalar(UInt32)
        case set(ScalarClass)

        func accepts(_ value: UInt32) -> Bool {
            switch self {
            case .scalar(let scalar): return scalar == value
            case .set(let scalarClass): return scalarClass.contains(value)
            }
        }
    }

    /// Column of each ASCII scalar.
    let asciiColumns: [UInt8]
    let asciiColumnCount: Int
    let atoms: [Atom]
    let columnCount: Int
    /// `transitions[state * columnCount + column]`.
    let transitions: [Int32]
    /// Reaching such a state means the pattern matched.
    let acceptsNow: [Bool]
    /// Ending the input in such a state means the pattern matched (through a final `$`).
    let acceptsAtEnd: [Bool]
    /// States from which no match is possible any more.
    let isDead: [Bool]
    let start: Int32

    /// Whether the pattern matches somewhere in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        transitions.withUnsafeBufferPointer { table in
            asciiColumns.withUnsafeBufferPointer { ascii in
                var state = Int(start)
                if acceptsNow[state] { return true }
                var index = 0
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    let column: Int
                    if byte < 0x80 {
                        column = Int(ascii[Int(byte)])
                        index += 1
                    } else {
                        let (value, length) = UTF8Input.scalar(in: bytes, at: index)
                        index += length
                        var signature = 0
                        for (bit, atom) in atoms.enumerated() where atom.accepts(value) { signature |= 1 << bit }
                        column = asciiColumnCount + signature
                    }
                    state = Int(table[state * columnCount + column])
                    if acceptsNow[state] { return true }
                    if isDead[state] { return false }
                }
                return acceptsAtEnd[state]
            }
        }
    }

    /// Builds the automaton for `program`, or returns nil when it is not eligible or too large.
    init?(_ program: RegexProgram, anchoredStart: Bool) {
        guard program.instructions.count <= Self.maximumProgramSize else { return nil }
        var builder = Builder(program: program, unanchored: !anchoredStart)
        guard let built = builder.build() else { return nil }
        self = built
    }

    fileprivate init(
        asciiColumns: [UInt8], asciiColumnCount: Int, atoms: [Atom], transitions: [Int32], acceptsNow: [Bool],
        acceptsAtEnd: [Bool], isDead: [Bool], start: Int32
    ) {
        self.asciiColumns = asciiColumns
        self.asciiColumnCount = asciiColumnCount
        self.atoms = atoms
        self.columnCount = asciiColumnCount + (1 << atoms.count)
        self.transitions = transitions
        self.acceptsNow = acceptsNow
        self.acceptsAtEnd = acceptsAtEnd
        self.isDead = isDead
        self.start = start
    }
}

/// Subset construction over the NFA program.
private struct Builder {
    struct StateKey: Hashable {
        var consuming: [Int32]
        var acceptsNow: Bool
        var acceptsAtEnd: Bool
    }

    let program: RegexProgram
    let unanchored: Bool
    var states: [StateKey] = []
    var ids: [StateKey: Int32] = [:]
    /// For each consuming instruction: which columns it accepts.
    var accepts: [Int: [Bool]] = [:]
    /// Closure visit marks per instruction and mode (`2 * pc + atEnd`), compared with `generation`.
    var visited: [UInt32]
    var generation: UInt32 = 0
    var work = 0

    init(program: RegexProgram, unanchored: Bool) {
        self.program = program
        self.unanchored = unanchored
        self.visited = Array(repeating: 0, count: 2 * program.instructions.count)
    }

    mutating func build() -> DeterministicAutomaton? {
        let code = program.instructions
        var consumingPCs: [Int] = []
        for (pc, instruction) in code.enumerated() {
            switch instruction.opcode {
            case .scalar, .set: consumingPCs.append(pc)
            case .wordBoundary, .notWordBoundary, .lookaround, .backreference, .checkProgress: return nil
            default: continue
            }
        }
        // Non-ASCII atoms.
        var atoms: [DeterministicAutomaton.Atom] = []
        var atomOfPC: [Int: Int] = [:]
        for pc in consumingPCs {
            let instruction = code[pc]
            let atom: DeterministicAutomaton.Atom
            if instruction.opcode == .scalar {
                let value = UInt32(bitPattern: instruction.a)
                guard value >= 0x80 else { continue }
                atom = .scalar(value)
            } else {
                let scalarClass = program.classes[Int(instruction.a)]
                guard scalarClass.mayContainNonASCII else { continue }
                atom = .set(scalarClass)
            }
            if let existing = atoms.firstIndex(of: atom) {
                atomOfPC[pc] = existing
            } else {
                atoms.append(atom)
                atomOfPC[pc] = atoms.count - 1
            }
        }
        guard atoms.count <= DeterministicAutomaton.maximumAtoms else { return nil }
        // ASCII equivalence classes by acceptance signature.
        var asciiColumns = [UInt8](repeating: 0, count: 128)
        var signatures: [[Bool]: UInt8] = [:]
        var representative: [UInt32] = []
        for value in UInt32(0)..<128 {
            let signature = consumingPCs.map { Self.instruction(code[$0], classes: program.classes, accepts: value) }
            if let column = signatures[signature] {
                asciiColumns[Int(value)] = column
            } else {
                let column = UInt8(signatures.count)
                signatures[signature] = column
                asciiColumns[Int(value)] = column
                representative.append(value)
            }
        }
        let asciiColumnCount = representative.count
        let columnCount = asciiColumnCount + (1 << atoms.count)
        for pc in consumingPCs {
            var row = representative.map { Self.instruction(code[pc], classes: program.classes, accepts: $0) }
            for signature in 0..<(1 << atoms.count) {
                row.append(atomOfPC[pc].map { signature & (1 << $0) != 0 } ?? false)
            }
            accepts[pc] = row
        }
        // States, breadth first.
        guard let startKey = closure(of: [0], atStart: true) else { return nil }
        let start = intern(startKey)
        var transitions: [Int32] = []
        var next = 0
        while next < states.count {
            let state = states[next]
            // Many columns lead to the same instructions; each distinct set is closed once.
            var targets: [[Int]: Int32] = [:]
            for column in 0..<columnCount {
                var entries: [Int] = state.consuming.compactMap { pc in
                    accepts[Int(pc)]?[column] == true ? Int(pc) + 1 : nil
                }
                if unanchored { entries.append(0) }
                if let target = targets[entries] {
                    transitions.append(target)
                    continue
                }
                guard let key = closure(of: entries, atStart: false) else { return nil }
                let target = intern(key)
                targets[entries] = target
                transitions.append(target)
                guard states.count <= DeterministicAutomaton.maximumStates else { return nil }
            }
            next += 1
        }
        let dead = states.map { !$0.acceptsNow && !$0.acceptsAtEnd && $0.consuming.isEmpty && !unanchored }
        return DeterministicAutomaton(
            asciiColumns: asciiColumns, asciiColumnCount: asciiColumnCount, atoms: atoms, transitions: transitions,
            acceptsNow: states.map(\.acceptsNow), acceptsAtEnd: states.map(\.acceptsAtEnd), isDead: dead, start: start)
    }

    static func instruction(_ instruction: RegexInstruction, classes: [ScalarClass], accepts value: UInt32) -> Bool {
        if instruction.opcode == .scalar { return UInt32(bitPattern: instruction.a) == value }
        return classes[Int(instruction.a)].contains(value)
    }

    mutating func intern(_ key: StateKey) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(states.count)
        states.append(key)
        ids[key] = id
        return id
    }

    /// Everything reachable from `entries` without consuming input. Instructions after a `$` are
    /// followed in "at end" mode, where only reaching `match` matters. Nil when the construction
    /// has spent its work budget.
    mutating func closure(of entries: [Int], atStart: Bool) -> StateKey? {
        let code = program.instructions
        generation += 1
        var pending = entries.map { (pc: $0, atEnd: false) }
        var consuming: [Int32] = []
        var acceptsNow = false
        var acceptsAtEnd = false
        while let (pc, atEnd) = pending.popLast() {
            let mark = pc * 2 + (atEnd ? 1 : 0)
            guard visited[mark] != generation else { continue }
            visited[mark] = generation
            work += 1
            guard work <= DeterministicAutomaton.maximumConstructionWork else { return nil }
            let instruction = code[pc]
            switch instruction.opcode {
            case .scalar, .set:
                if !atEnd { consuming.append(Int32(pc)) }
            case .split:
                pending.append((Int(instruction.b), atEnd))
                pending.append((Int(instruction.a), atEnd))
            case .jump:
                pending.append((Int(instruction.a), atEnd))
            case .inputStart:
                if atStart { pending.append((pc + 1, atEnd)) }
            case .inputEnd:
                pending.append((pc + 1, true))
            case .setRegister, .closeCapture, .clearCaptures:
                pending.append((pc + 1, atEnd))
            case .match:
                if atEnd { acceptsAtEnd = true } else { acceptsNow = true }
            case .wordBoundary, .notWordBoundary, .lookaround, .backreference, .checkProgress:
                continue
            }
        }
        if acceptsNow {
            // Matched already: what follows does not matter, so all such states are one.
            return StateKey(consuming: [], acceptsNow: true, acceptsAtEnd: true)
        }
        return StateKey(consuming: consuming.sorted(), acceptsNow: false, acceptsAtEnd: acceptsAtEnd)
    }
}
