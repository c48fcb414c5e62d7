/// The parsed form of an ECMA-262 pattern.
indirect enum RegexNode: Sendable, Hashable {
    /// Matches the empty string (an empty alternative, `()`).
    case empty
    /// One scalar value.
    case scalar(UInt32)
    /// One scalar in the class (`[…]`, `\d`, `\p{…}`, `.`).
    case set(ScalarClass)
    /// `^`: the start of the input (no multiline flag).
    case inputStart
    /// `$`: the end of the input (no multiline flag).
    case inputEnd
    /// `\b` (or `\B` when negated).
    case wordBoundary(negated: Bool)
    /// Terms one after the other.
    case concatenation([RegexNode])
    /// Alternatives, tried left to right.
    case alternation([RegexNode])
    /// A group; `capture` is its 1-based number when it captures.
    case group(RegexNode, capture: Int?)
    /// `atom{min,max}`; `max` nil for no upper bound.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
    case lookaround(RegexNode, behind: Bool, negated: Bool)
    /// `\n` or `\k<name>`, resolved to a group number.
    case backreference(Int)
}

extension RegexNode {
    /// True when the pattern contains a backreference (and so needs the backtracking matcher).
    var containsBackreference: Bool {
        switch self {
        case .backreference: return true
        case .empty, .scalar, .set, .inputStart, .inputEnd, .wordBoundary: return false
        case .concatenation(let nodes), .alternation(let nodes): return nodes.contains { $0.containsBackreference }
        case .group(let node, _), .repetition(let node, _, _, _), .lookaround(let node, _, _):
            return node.containsBackreference
        }
    }

    /// True when some path through the node consumes no input (assertions count as empty).
    var canMatchEmpty: Bool {
        switch self {
        case .empty, .inputStart, .inputEnd, .wordBoundary, .lookaround, .backreference: return true
        case .scalar, .set: return false
        case .concatenation(let nodes): return nodes.allSatisfy { $0.canMatchEmpty }
        case .alternation(let nodes): return nodes.contains { $0.canMatchEmpty }
        case .group(let node, _): return node.canMatchEmpty
        case .repetition(let node, let min, _, _): return min == 0 || node.canMatchEmpty
        }
    }

    /// The capture group numbers inside the node, as a closed range (nil when there are none).
    var captureRange: ClosedRange<Int>? {
        var low = Int.max
        var high = Int.min
        collectCaptures(&low, &high)
        return low <= high ? low...high : nil
    }

    private func collectCaptures(_ low: inout Int, _ high: inout Int) {
        switch self {
        case .empty, .scalar, .set, .inputStart, .inputEnd, .wordBoundary, .backreference: return
        case .concatenation(let nodes), .alternation(let nodes):
            for node in nodes { node.collectCaptures(&low, &high) }
        case .group(let node, let capture):
            if let capture {
                low = min(low, capture)
                high = max(high, capture)
            }
            node.collectCaptures(&low, &high)
        case .repetition(let node, _, _, _), .lookaround(let node, _, _):
            node.collectCaptures(&low, &high)
        }
    }
}
