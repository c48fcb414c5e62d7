/// Parses an ECMA-262 pattern into a `RegexNode`, with the grammar of the `u` (Unicode) flag and
/// without Annex B's web-compatibility relaxations: a lone `{`, `}` or `]`, an unknown escape such as
/// `\Z`, or a quantified lookahead is a syntax error, as JavaScript reports it for `new RegExp(p, "u")`.
///
/// Offsets in errors count Unicode scalars from the start of the pattern.
struct RegexParser {
    /// The deepest nesting of groups accepted; deeper patterns are refused rather than risking the stack.
    static let maximumNesting = 200

    let pattern: String
    let scalars: [UInt32]
    var position = 0
    var captureCount = 0
    var groupNames: [String: Int] = [:]
    /// `\k<name>` references, resolved once every group is known (a reference may precede its group).
    var namedReferences: [(name: String, offset: Int)] = []
    /// `\n` references, checked against the final number of groups.
    var numberedReferences: [(number: Int, offset: Int)] = []
    var nesting = 0

    init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = pattern.unicodeScalars.map(\.value)
    }

    /// Parses the whole pattern; returns the tree and the number of capture groups.
    static func parse(_ pattern: String) throws(RegexSyntaxError) -> (node: RegexNode, captureCount: Int) {
        var parser = RegexParser(pattern)
        let node = try parser.parseDisjunction()
        if parser.position < parser.scalars.count {
            // Only an unmatched `)` stops a top-level disjunction early.
            throw parser.error("unmatched ')'", at: parser.position)
        }
        for reference in parser.numberedReferences where reference.number > parser.captureCount {
            throw parser.error("backreference \\\(reference.number) refers to a group that does not exist",
                               at: reference.offset)
        }
        var resolved: [Int] = []
        for reference in parser.namedReferences {
            guard let number = parser.groupNames[reference.name] else {
                throw parser.error("backreference to undefined group name '\(reference.name)'", at: reference.offset)
            }
            resolved.append(number)
        }
        return (Self.resolvingNamedReferences(node, resolved), parser.captureCount)
    }

    func error(_ reason: String, at offset: Int) -> RegexSyntaxError {
        RegexSyntaxError(pattern: pattern, offset: offset, reason: reason)
    }

    // MARK: Reading

    var atEnd: Bool { position >= scalars.count }

    func peek(_ ahead: Int = 0) -> UInt32? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    func peekIs(_ character: Unicode.Scalar, _ ahead: Int = 0) -> Bool { peek(ahead) == character.value }

    // MARK: Disjunction, alternative, term

    mutating func parseDisjunction() throws(RegexSyntaxError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while peekIs("|") {
            position += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseAlternative() throws(RegexSyntaxError) -> RegexNode {
        var terms: [RegexNode] = []
        while let next = peek(), next != Self.code("|"), next != Self.code(")") {
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .concatenation(terms)
        }
    }

    mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        guard let next = peek() else { throw error("unexpected end of pattern", at: start) }
        switch Unicode.Scalar(next).map(Character.init) {
        case "^":
            position += 1
            return try refusingQuantifier(.inputStart)
        case "$":
            position += 1
            return try refusingQuantifier(.inputEnd)
        case "\\" where peekIs("b", 1) || peekIs("B", 1):
            let negated = peekIs("B", 1)
            position += 2
            return try refusingQuantifier(.wordBoundary(negated: negated))
        case "(" where peekIs("?", 1) && (peekIs("=", 2) || peekIs("!", 2)):
            let negated = peekIs("!", 2)
            position += 3
            let body = try parseGroupBody(openedAt: start)
            // With the `u` flag a lookahead cannot be quantified either (Annex B allows it without).
            return try refusingQuantifier(.lookaround(body, behind: false, negated: negated))
        case "(" where peekIs("?", 1) && peekIs("<", 2) && (peekIs("=", 3) || peekIs("!", 3)):
            let negated = peekIs("!", 3)
            position += 4
            let body = try parseGroupBody(openedAt: start)
            return try refusingQuantifier(.lookaround(body, behind: true, negated: negated))
        case "*", "+", "?":
            throw error("nothing to repeat", at: start)
        case "{":
            if (try? parseBraceQuantifier()) != nil { throw error("nothing to repeat", at: start) }
            throw error("lone '{' must be escaped", at: start)
        case "}":
            throw error("lone '}' must be escaped", at: start)
        case "]":
            throw error("lone ']' must be escaped", at: start)
        default:
            let atom = try parseAtom()
            return try parseQuantifier(of: atom)
        }
    }

    /// An assertion cannot be quantified with the `u` flag (`^*`, `\b+`, `(?=a)?` are errors).
    mutating func refusingQuantifier(_ node: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        if let next = peek(), [Self.code("*"), Self.code("+"), Self.code("?"), Self.code("{")].contains(next) {
            throw error("nothing to repeat", at: position)
        }
        return node
    }

    // MARK: Quantifiers

    mutating func parseQuantifier(of atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        let start = position
        let bounds: (min: Int, max: Int?)
        switch peek().flatMap(Unicode.Scalar.init).map(Character.init) {
        case "*":
            position += 1
            bounds = (0, nil)
        case "+":
            position += 1
            bounds = (1, nil)
        case "?":
            position += 1
            bounds = (0, 1)
        case "{":
            bounds = try parseBraceQuantifier()
        default:
            return atom
        }
        if let max = bounds.max, max < bounds.min {
            throw error("numbers out of order in {} quantifier", at: start)
        }
        var greedy = true
        if peekIs("?") {
            position += 1
            greedy = false
        }
        return .repetition(atom, min: bounds.min, max: bounds.max, greedy: greedy)
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position; anything else is an incomplete quantifier.
    mutating func parseBraceQuantifier() throws(RegexSyntaxError) -> (min: Int, max: Int?) {
        let start = position
        position += 1
        guard let low = parseDecimal() else { throw error("incomplete quantifier", at: start) }
        var high: Int? = low
        if peekIs(",") {
            position += 1
            high = parseDecimal()
        }
        guard peekIs("}") else {
            position = start
            throw error("incomplete quantifier", at: start)
        }
        position += 1
        return (low, high)
    }

    /// Decimal digits, saturating far above any repetition count the compiler accepts.
    mutating func parseDecimal() -> Int? {
        var value: Int?
        while let digit = peek(), digit >= Self.code("0"), digit <= Self.code("9") {
            value = min((value ?? 0) * 10 + Int(digit - Self.code("0")), 1 << 53)
            position += 1
        }
        return value
    }

    // MARK: Atoms and groups

    mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        guard let next = peek() else { throw error("unexpected end of pattern", at: start) }
        switch Unicode.Scalar(next).map(Character.init) {
        case ".":
            position += 1
            return .set(Self.dotClass)
        case "[":
            return .set(try parseClass())
        case "\\":
            return try parseAtomEscape()
        case "(":
            return try parseGroup()
        default:
            position += 1
            return .scalar(next)
        }
    }

    /// `.`: every code point except the ECMA-262 line terminators.
    static let dotClass = ScalarClass([.ranges(ScalarRanges.complement(StandardClasses.lineTerminators))])

    mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1
        guard peekIs("?") else {
            captureCount += 1
            let number = captureCount
            return .group(try parseGroupBody(openedAt: start), capture: number)
        }
        if peekIs(":", 1) {
            position += 2
            return .group(try parseGroupBody(openedAt: start), capture: nil)
        }
        if peekIs("<", 1) {
            position += 2
            let name = try parseGroupName()
            captureCount += 1
            let number = captureCount
            if groupNames[name] != nil { throw error("duplicate group name '\(name)'", at: start) }
            groupNames[name] = number
            return .group(try parseGroupBody(openedAt: start), capture: number)
        }
        let shown = String(String.UnicodeScalarView(scalars[start..<min(start + 3, scalars.count)].compactMap(Unicode.Scalar.init)))
        throw error("invalid group '\(shown)' (inline flags and modifiers are not ECMA-262 syntax)", at: start)
    }

    /// The disjunction after a group opener, through the closing `)`.
    mutating func parseGroupBody(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw error("groups nested deeper than \(Self.maximumNesting)", at: start)
        }
        let body = try parseDisjunction()
        guard peekIs(")") else { throw error("unterminated group", at: start) }
        position += 1
        return body
    }

    // MARK: Named references

    /// Replaces the placeholders of `\k<name>` (negative numbers) with the groups' numbers.
    static func resolvingNamedReferences(_ node: RegexNode, _ numbers: [Int]) -> RegexNode {
        guard !numbers.isEmpty else { return node }
        switch node {
        case .backreference(let number) where number < 0:
            return .backreference(numbers[-number - 1])
        case .empty, .scalar, .set, .inputStart, .inputEnd, .wordBoundary, .backreference:
            return node
        case .concatenation(let nodes):
            return .concatenation(nodes.map { resolvingNamedReferences($0, numbers) })
        case .alternation(let nodes):
            return .alternation(nodes.map { resolvingNamedReferences($0, numbers) })
        case .group(let body, let capture):
            return .group(resolvingNamedReferences(body, numbers), capture: capture)
        case .repetition(let body, let min, let max, let greedy):
            return .repetition(resolvingNamedReferences(body, numbers), min: min, max: max, greedy: greedy)
        case .lookaround(let body, let behind, let negated):
            return .lookaround(resolvingNamedReferences(body, numbers), behind: behind, negated: negated)
        }
    }
}
