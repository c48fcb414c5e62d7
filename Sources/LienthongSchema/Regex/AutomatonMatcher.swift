/// Matches by Thompson NFA simulation: every live state advances in lockstep over the input, so a
/// pass costs at most (input scalars + 1) × (program size) steps and nothing ever backtracks.
///
/// Lookarounds are position predicates. Before the main pass each one is tabulated for every input
/// position in a single pass of its own (a lookbehind body read left to right, a lookahead body read
/// right to left, each started at every position), innermost first, so the whole match stays linear
/// in the input for each lookaround.
struct AutomatonMatcher: Sendable {
    let set: CompiledProgramSet
    /// True when every match must start at offset 0 (the pattern begins with `^` on every path).
    let anchoredStart: Bool
    /// Bytes a match can start with, when the pattern cannot match the empty string there.
    let firstBytes: ByteSet?
    private let largestProgram: Int

    init(_ set: CompiledProgramSet, anchoredStart: Bool) {
        self.set = set
        self.anchoredStart = anchoredStart
        self.largestProgram = set.programs.map(\.instructions.count).max() ?? 1
        self.firstBytes = FirstByteAnalysis.firstBytes(of: set.programs[set.main])
    }

    /// Whether the pattern matches somewhere in `bytes`.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let size = largestProgram
        return withScratchBuffer(of: Int32.self, count: 3 * size) { lists in
            withScratchBuffer(of: UInt32.self, count: size) { marks in
                guard let lists = lists.baseAddress, let marks = marks.baseAddress else { return false }
                let scratch = Scratch(current: lists, next: lists + size, stack: lists + 2 * size, marks: marks, size: size)
                guard !set.lookarounds.isEmpty else { return search(bytes, scratch: scratch, tables: nil) }
                let words = (bytes.count + 1 + 63) / 64
                return withScratchBuffer(of: UInt64.self, count: words * set.lookarounds.count) { tables in
                    guard let base = tables.baseAddress else { return false }
                    base.initialize(repeating: 0, count: words * set.lookarounds.count)
                    let lookTables = LookTables(base: base, words: words)
                    for index in set.lookarounds.indices {
                        tabulate(index, bytes, scratch: scratch, tables: lookTables)
                    }
                    return search(bytes, scratch: scratch, tables: lookTables)
                }
            }
        }
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, tables: LookTables?) -> Bool {
        let program = set.programs[set.main]
        return program.instructions.withUnsafeBufferPointer { code in
            program.classes.withUnsafeBufferPointer { classes in
                var pass = Pass(code: code, classes: classes, bytes: bytes, tables: tables, scratch: scratch, record: nil)
                return pass.runForward(seedEverywhere: !anchoredStart, firstBytes: firstBytes)
            }
        }
    }

    /// Fills the table of lookaround `index`: bit p is set when its body matches ending at p (a
    /// lookbehind) or starting at p (a lookahead), which is when the lookaround holds at p.
    private func tabulate(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, tables: LookTables) {
        let look = set.lookarounds[index]
        let program = set.programs[look.program]
        program.instructions.withUnsafeBufferPointer { code in
            program.classes.withUnsafeBufferPointer { classes in
                var pass = Pass(
                    code: code, classes: classes, bytes: bytes, tables: tables, scratch: scratch,
                    record: tables.table(index))
                if program.backward {
                    pass.runBackward()
                } else {
                    _ = pass.runForward(seedEverywhere: true, firstBytes: nil)
                }
            }
        }
    }
}

/// Runs `body` with an uninitialised buffer of `count` elements: on the stack when small, on the
/// heap when large (program- or input-sized buffers must not risk the stack of a concurrent task).
@inline(__always)
private func withScratchBuffer<Element, Result>(
    of type: Element.Type, count: Int, _ body: (UnsafeMutableBufferPointer<Element>) -> Result
) -> Result {
    let capacity = max(count, 1)
    if capacity * MemoryLayout<Element>.stride <= 8 * 1024 {
        return withUnsafeTemporaryAllocation(of: type, capacity: capacity, body)
    }
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    return body(buffer)
}

/// Per-match buffers, sized for the largest program and reused by every pass of one match.
private struct Scratch {
    let current: UnsafeMutablePointer<Int32>
    let next: UnsafeMutablePointer<Int32>
    let stack: UnsafeMutablePointer<Int32>
    let marks: UnsafeMutablePointer<UInt32>
    let size: Int
}

/// One bit per byte offset for each lookaround.
private struct LookTables {
    let base: UnsafeMutablePointer<UInt64>
    let words: Int

    func table(_ index: Int) -> UnsafeMutablePointer<UInt64> { base + index * words }

    @inline(__always)
    func holds(_ index: Int, at position: Int) -> Bool {
        (base[index * words + position >> 6] >> UInt64(position & 63)) & 1 == 1
    }
}

/// One simulation over the input with one program.
private struct Pass {
    let code: UnsafeBufferPointer<RegexInstruction>
    let classes: UnsafeBufferPointer<ScalarClass>
    let bytes: UnsafeBufferPointer<UInt8>
    let tables: LookTables?
    /// Where accepting positions are recorded when tabulating a lookaround; nil when searching.
    let record: UnsafeMutablePointer<UInt64>?
    var current: UnsafeMutablePointer<Int32>
    var next: UnsafeMutablePointer<Int32>
    let stack: UnsafeMutablePointer<Int32>
    let marks: UnsafeMutablePointer<UInt32>
    var currentCount = 0
    var nextCount = 0
    var generation: UInt32 = 0
    var matched = false

    init(
        code: UnsafeBufferPointer<RegexInstruction>, classes: UnsafeBufferPointer<ScalarClass>,
        bytes: UnsafeBufferPointer<UInt8>, tables: LookTables?,
        scratch: Scratch, record: UnsafeMutablePointer<UInt64>?
    ) {
        self.code = code
        self.classes = classes
        self.bytes = bytes
        self.tables = tables
        self.record = record
        self.current = scratch.current
        self.next = scratch.next
        self.stack = scratch.stack
        self.marks = scratch.marks
        scratch.marks.initialize(repeating: 0, count: code.count)
    }

    /// Left to right. Returns true at the first match when searching; when tabulating, runs to the
    /// end recording every accepting position.
    mutating func runForward(seedEverywhere: Bool, firstBytes: ByteSet?) -> Bool {
        let count = bytes.count
        var position = 0
        if seedEverywhere, let firstBytes {
            position = skip(from: 0, to: firstBytes)
            guard position < count else { return false }
        }
        startGeneration()
        addThread(0, at: position, toNext: false)
        while true {
            if matched, record == nil { return true }
            guard position < count else { return matched }
            let (value, length) = UTF8Input.scalar(in: bytes, at: position)
            let after = position + length
            step(value, to: after)
            position = after
            if seedEverywhere {
                if nextCount == 0, let firstBytes {
                    position = skip(from: position, to: firstBytes)
                    guard position < count else { return matched }
                    startGeneration()
                }
                addThread(0, at: position, toNext: true)
            } else if nextCount == 0 {
                return matched
            }
            swap(&current, &next)
            currentCount = nextCount
        }
    }

    /// Right to left from the end, seeding at every position, recording accepting positions.
    mutating func runBackward() {
        var position = bytes.count
        startGeneration()
        addThread(0, at: position, toNext: false)
        while position > 0 {
            let (value, length) = UTF8Input.scalar(in: bytes, before: position)
            let before = position - length
            step(value, to: before)
            position = before
            addThread(0, at: position, toNext: true)
            swap(&current, &next)
            currentCount = nextCount
        }
    }

    /// The first offset at or after `from` whose byte can start a match (or the end).
    private func skip(from: Int, to firstBytes: ByteSet) -> Int {
        var position = from
        while position < bytes.count, !firstBytes.contains(bytes[position]) { position += 1 }
        return position
    }

    private mutating func startGeneration() {
        generation &+= 1
        if generation == 0 {
            // After 2³² steps the marks could alias an old generation: clear them.
            marks.update(repeating: 0, count: code.count)
            generation = 1
        }
    }

    /// Advances every current thread over `value`, landing at `position`.
    private mutating func step(_ value: UInt32, to position: Int) {
        startGeneration()
        nextCount = 0
        for index in 0..<currentCount {
            let pc = Int(current[index])
            let instruction = code[pc]
            let accepted: Bool
            switch instruction.opcode {
            case .scalar:
                accepted = UInt32(bitPattern: instruction.a) == value
            case .set:
                if value < 64 {
                    accepted = (instruction.asciiLow >> UInt64(value)) & 1 == 1
                } else if value < 128 {
                    accepted = (instruction.asciiHigh >> UInt64(value - 64)) & 1 == 1
                } else {
                    accepted = classes[Int(instruction.a)].containsNonASCII(value)
                }
            default:
                accepted = false
            }
            if accepted { addThread(pc + 1, at: position, toNext: true) }
        }
    }

    /// Adds `start` and everything reachable from it without consuming input at `position`.
    private mutating func addThread(_ start: Int, at position: Int, toNext: Bool) {
        var depth = 0
        push(start, &depth)
        while depth > 0 {
            depth -= 1
            let pc = Int(stack[depth])
            let instruction = code[pc]
            switch instruction.opcode {
            case .scalar, .set:
                if toNext {
                    next[nextCount] = Int32(pc)
                    nextCount += 1
                } else {
                    current[currentCount] = Int32(pc)
                    currentCount += 1
                }
            case .split:
                push(Int(instruction.b), &depth)
                push(Int(instruction.a), &depth)
            case .jump:
                push(Int(instruction.a), &depth)
            case .inputStart:
                if position == 0 { push(pc + 1, &depth) }
            case .inputEnd:
                if position == bytes.count { push(pc + 1, &depth) }
            case .wordBoundary, .notWordBoundary:
                let boundary = UTF8Input.isWordBefore(bytes, position) != UTF8Input.isWordAt(bytes, position)
                if boundary == (instruction.opcode == .wordBoundary) { push(pc + 1, &depth) }
            case .lookaround:
                let index = Int(instruction.a)
                if let tables, tables.holds(index, at: position) != (instruction.b != 0) { push(pc + 1, &depth) }
            case .setRegister, .closeCapture, .clearCaptures, .checkProgress:
                push(pc + 1, &depth)
            case .backreference:
                // Patterns with backreferences go to the backtracker; this is never compiled here.
                break
            case .match:
                matched = true
                if let record { record[position >> 6] |= 1 << UInt64(position & 63) }
            }
        }
    }

    @inline(__always)
    private func push(_ pc: Int, _ depth: inout Int) {
        guard marks[pc] != generation else { return }
        marks[pc] = generation
        stack[depth] = Int32(pc)
        depth += 1
    }
}
