/// Works out which bytes a match can begin with, so an unanchored search can skip the rest quickly.
enum FirstByteAnalysis {
    /// The set of first UTF-8 bytes of every scalar the program can consume first; nil when the
    /// program can succeed or test a position before consuming anything (then nothing may be skipped).
    static func firstBytes(of program: RegexProgram) -> ByteSet? {
        var result = ByteSet()
        var visited = Set<Int>()
        var pending = [0]
        while let pc = pending.popLast() {
            guard visited.insert(pc).inserted, pc < program.instructions.count else { continue }
            let instruction = program.instructions[pc]
            switch instruction.opcode {
            case .scalar:
                guard let scalar = Unicode.Scalar(UInt32(bitPattern: instruction.a)) else { continue }
                if let lead = UTF8.encode(scalar)?.first { result.insert(lead) }
            case .set:
                let scalarClass = program.classes[Int(instruction.a)]
                for byte in UInt8(0)..<128 where scalarClass.contains(UInt32(byte)) { result.insert(byte) }
                // Every lead byte of a multi-byte scalar: precise enough, and cheap to test.
                if scalarClass.mayContainNonASCII { result.insert(0xC2...0xF4) }
            case .split:
                pending.append(Int(instruction.a))
                pending.append(Int(instruction.b))
            case .jump:
                pending.append(Int(instruction.a))
            case .setRegister, .closeCapture, .clearCaptures:
                pending.append(pc + 1)
            case .inputStart, .inputEnd, .wordBoundary, .notWordBoundary, .lookaround, .checkProgress,
                 .backreference, .match:
                return nil
            }
        }
        return result
    }
}
