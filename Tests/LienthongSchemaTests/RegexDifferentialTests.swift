import Testing

@testable import LienthongSchema

/// Random patterns checked against an independent reference: the test builds a small pattern tree,
/// renders it as ECMA-262 source, and compares what a naive set-of-positions evaluator of the tree
/// says with what `ECMARegex` (the automaton, and the backtracker forced on the same pattern) says.
@Suite("ECMARegex against a reference evaluator")
struct RegexDifferentialTests {
    indirect enum Tree {
        case scalar(Unicode.Scalar)
        case anyOf([Unicode.Scalar], negated: Bool)
        case dot
        case start
        case end
        case boundary(negated: Bool)
        case sequence([Tree])
        case choice([Tree])
        case repeated(Tree, min: Int, max: Int?, lazy: Bool)
        case group(Tree, capturing: Bool)
        case look(Tree, behind: Bool, negated: Bool)
    }

    /// SplitMix64: deterministic, so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let alphabet: [Unicode.Scalar] = ["a", "b", " ", "\u{E9}"]

    /// A random tree; without `positional`, no `\b` or lookaround (the deterministic automaton's domain).
    static func tree(_ random: inout Random, depth: Int, positional: Bool = true) -> Tree {
        let leafOnly = depth <= 0
        let pick = random.next(leafOnly ? 6 : (positional ? 12 : 11))
        switch pick == 4 && !positional ? 5 : pick {
        case 0, 1: return .scalar(alphabet[random.next(alphabet.count)])
        case 2: return .anyOf(Array(alphabet.shuffled(using: &random).prefix(1 + random.next(2))), negated: random.next(2) == 0)
        case 3: return .dot
        case 4: return [.start, .end, .boundary(negated: false), .boundary(negated: true)][random.next(4)]
        case 5 where !positional: return [.start, .end, .scalar("a")][random.next(3)]
        case 5: return .scalar("a")
        case 6, 7: return .sequence((0..<(2 + random.next(3))).map { _ in tree(&random, depth: depth - 1, positional: positional) })
        case 8: return .choice((0..<(2 + random.next(2))).map { _ in tree(&random, depth: depth - 1, positional: positional) })
        case 9:
            let min = random.next(3)
            let max: Int? = [nil, min, min + 1, min + 2][random.next(4)]
            return .repeated(tree(&random, depth: depth - 1, positional: positional), min: min, max: max, lazy: random.next(3) == 0)
        case 10: return .group(tree(&random, depth: depth - 1, positional: positional), capturing: random.next(2) == 0)
        default: return .look(tree(&random, depth: depth - 1, positional: positional), behind: random.next(2) == 0, negated: random.next(2) == 0)
        }
    }

    static func source(_ tree: Tree) -> String {
        switch tree {
        case .scalar(let scalar): return String(scalar)
        case .anyOf(let scalars, let negated): return "[" + (negated ? "^" : "") + scalars.map(String.init).joined() + "]"
        case .dot: return "."
        case .start: return "^"
        case .end: return "$"
        case .boundary(let negated): return negated ? "\\B" : "\\b"
        case .sequence(let parts): return parts.map(source).joined()
        case .choice(let parts): return "(?:" + parts.map(source).joined(separator: "|") + ")"
        case .repeated(let body, let min, let max, let lazy):
            let bounds = max.map { "{\(min),\($0)}" } ?? "{\(min),}"
            return "(?:" + source(body) + ")" + bounds + (lazy ? "?" : "")
        case .group(let body, let capturing): return (capturing ? "(" : "(?:") + source(body) + ")"
        case .look(let body, let behind, let negated):
            return "(?" + (behind ? "<" : "") + (negated ? "!" : "=") + source(body) + ")"
        }
    }

    /// End positions of matches of `tree` starting at `position` (reading right to left when `backward`).
    static func ends(_ tree: Tree, _ input: [Unicode.Scalar], _ position: Int, backward: Bool) -> Set<Int> {
        func isWord(_ index: Int) -> Bool {
            guard input.indices.contains(index) else { return false }
            return input[index].isASCII && (input[index].properties.isAlphabetic || input[index] == "_" || ("0"..."9").contains(input[index]))
        }
        func consume(_ test: (Unicode.Scalar) -> Bool) -> Set<Int> {
            let index = backward ? position - 1 : position
            guard input.indices.contains(index), test(input[index]) else { return [] }
            return [backward ? position - 1 : position + 1]
        }
        switch tree {
        case .scalar(let scalar): return consume { $0 == scalar }
        case .anyOf(let scalars, let negated): return consume { scalars.contains($0) != negated }
        case .dot: return consume { !["\n", "\r", "\u{2028}", "\u{2029}"].contains($0) }
        case .start: return position == 0 ? [position] : []
        case .end: return position == input.count ? [position] : []
        case .boundary(let negated):
            return (isWord(position - 1) != isWord(position)) != negated ? [position] : []
        case .sequence(let parts):
            var positions: Set<Int> = [position]
            for part in backward ? parts.reversed() : parts {
                positions = Set(positions.flatMap { ends(part, input, $0, backward: backward) })
            }
            return positions
        case .choice(let parts):
            return Set(parts.flatMap { ends($0, input, position, backward: backward) })
        case .group(let body, _):
            return ends(body, input, position, backward: backward)
        case .repeated(let body, let min, let max, _):
            var current: Set<Int> = [position]
            for _ in 0..<min { current = Set(current.flatMap { ends(body, input, $0, backward: backward) }) }
            var result = current
            var frontier = current
            var extra = 0
            while !frontier.isEmpty, max.map({ extra < $0 - min }) ?? true {
                frontier = Set(frontier.flatMap { ends(body, input, $0, backward: backward) }).subtracting(result)
                result.formUnion(frontier)
                extra += 1
            }
            return result
        case .look(let body, let behind, let negated):
            let found = !ends(body, input, position, backward: behind).isEmpty
            return found != negated ? [position] : []
        }
    }

    static func referenceMatches(_ tree: Tree, _ input: [Unicode.Scalar]) -> Bool {
        (0...input.count).contains { !ends(tree, input, $0, backward: false).isEmpty }
    }

    /// Checks `count` random patterns from `seed` on random inputs with every matcher; returns how
    /// many patterns got the deterministic automaton.
    static func check(seed: UInt64, count: Int, positional: Bool, inputLengths: Range<Int> = 0..<7) throws -> Int {
        var random = Random(state: seed)
        var deterministic = 0
        for _ in 0..<count {
            let tree = Self.tree(&random, depth: 3, positional: positional)
            let pattern = Self.source(tree)
            let chosen = try ECMARegex(pattern)
            if case .deterministic = chosen.strategy { deterministic += 1 }
            let nondeterministic = try ECMARegex(pattern, engine: .nondeterministic)
            let backtracker = try ECMARegex(pattern, engine: .backtracking)
            for _ in 0..<8 {
                let length = inputLengths.lowerBound + random.next(inputLengths.count)
                let input = (0..<length).map { _ in Self.alphabet[random.next(Self.alphabet.count)] }
                let text = String(String.UnicodeScalarView(input))
                let expected = Self.referenceMatches(tree, input)
                #expect(try chosen.matches(text) == expected, "/\(pattern)/ on \"\(text)\"")
                #expect(try nondeterministic.matches(text) == expected, "NFA /\(pattern)/ on \"\(text)\"")
                #expect(try backtracker.matches(text) == expected, "backtracker /\(pattern)/ on \"\(text)\"")
            }
        }
        return deterministic
    }

    @Test(arguments: 0..<6)
    func randomPatternsAgreeWithTheReference(_ batch: Int) throws {
        _ = try Self.check(seed: UInt64(batch) &* 0x1234_5678_9ABC_DEF1 &+ 17, count: 150, positional: true)
    }

    /// Inputs longer than 64 bytes cross the word boundaries of the lookaround tables.
    @Test func longInputsAgreeWithTheReference() throws {
        _ = try Self.check(seed: 99, count: 40, positional: true, inputLengths: 60..<160)
    }

    @Test(arguments: 0..<4)
    func randomPatternsWithoutPositionalTestsAgreeWithTheReference(_ batch: Int) throws {
        let deterministic = try Self.check(seed: UInt64(batch) &* 0x0FED_CBA9_8765_4321 &+ 5, count: 150, positional: false)
        // Most such patterns are small enough for the deterministic automaton, which is what this covers.
        #expect(deterministic > 75)
    }
}

extension Array {
    fileprivate func shuffled(using random: inout RegexDifferentialTests.Random) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 {
            copy.swapAt(index, random.next(index + 1))
        }
        return copy
    }
}
