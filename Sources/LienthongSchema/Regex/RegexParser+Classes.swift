/// Character classes: `[…]`, `[^…]`, ranges, and class escapes inside them.
extension RegexParser {
    /// One element of a class: a single scalar (which may bound a range) or a class escape.
    enum ClassAtom {
        case scalar(UInt32)
        case item(ClassItem)
    }

    // MARK: Character classes

    /// `[…]` or `[^…]` at the current `[`.
    mutating func parseClass() throws(RegexSyntaxError) -> ScalarClass {
        let start = position
        position += 1
        let inverted = peekIs("^")
        if inverted { position += 1 }
        var items: [ClassItem] = []
        while true {
            guard let next = peek() else { throw error("unterminated character class", at: start) }
            if next == Self.code("]") {
                position += 1
                break
            }
            let atomStart = position
            let first = try parseClassAtom()
            guard peekIs("-"), let afterDash = peek(1), afterDash != Self.code("]") else {
                items.append(Self.item(first))
                continue
            }
            position += 1
            let second = try parseClassAtom()
            guard case .scalar(let low) = first, case .scalar(let high) = second else {
                throw error("a class escape cannot be the bound of a range", at: atomStart)
            }
            guard low <= high else { throw error("range out of order in character class", at: atomStart) }
            items.append(.ranges([low...high]))
        }
        return ScalarClass(items, inverted: inverted)
    }

    static func item(_ atom: ClassAtom) -> ClassItem {
        switch atom {
        case .scalar(let value): return .scalar(value)
        case .item(let item): return item
        }
    }

    mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
        let start = position
        guard let next = peek() else { throw error("unterminated character class", at: start) }
        guard next == Self.code("\\") else {
            position += 1
            return .scalar(next)
        }
        position += 1
        guard let letter = peek() else { throw error("'\\' at end of pattern", at: start) }
        if letter == Self.code("b") {
            position += 1
            return .scalar(0x08)
        }
        if letter == Self.code("B") { throw error("\\B is not allowed in a character class", at: start) }
        if let item = try parseClassEscape(at: start) { return .item(item) }
        return .scalar(try parseCharacterEscape(at: start, inClass: true))
    }
}
