/// Escapes, character classes, group names and Unicode property expressions.
extension RegexParser {
    /// One element of a class: a single scalar (which may bound a range) or a class escape.
    enum ClassAtom {
        case scalar(UInt32)
        case item(ClassItem)
    }

    // MARK: Escapes outside classes

    /// After `\` outside a class: a backreference, class escape or character escape.
    mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1
        guard let next = peek() else { throw error("'\\' at end of pattern", at: start) }
        if next >= Self.code("1"), next <= Self.code("9") {
            let number = parseDecimal() ?? 0
            numberedReferences.append((number, start))
            return .backreference(number)
        }
        if next == Self.code("k") {
            position += 1
            guard peekIs("<") else { throw error("invalid named reference: expected '<' after \\k", at: start) }
            position += 1
            let name = try parseGroupName()
            namedReferences.append((name, start))
            // A placeholder until every group name is known.
            return .backreference(-namedReferences.count)
        }
        if let item = try parseClassEscape(at: start) {
            return .set(ScalarClass([item]))
        }
        return .scalar(try parseCharacterEscape(at: start, inClass: false))
    }

    /// `\d \D \s \S \w \W \p{…} \P{…}` at the letter after `\`; nil for any other escape.
    mutating func parseClassEscape(at start: Int) throws(RegexSyntaxError) -> ClassItem? {
        guard let letter = peek().flatMap(Unicode.Scalar.init) else { return nil }
        let ranges: [ClosedRange<UInt32>]
        switch letter {
        case "d", "D": ranges = StandardClasses.digits
        case "s", "S": ranges = StandardClasses.whiteSpace
        case "w", "W": ranges = StandardClasses.wordCharacters
        case "p", "P":
            position += 1
            let item = try parsePropertyExpression(at: start)
            guard letter == "P" else { return item }
            switch item {
            case .ranges(let ranges): return .ranges(ScalarRanges.complement(ranges))
            case .test(let test): return .test(test.inverted)
            }
        default: return nil
        }
        position += 1
        let isUpper = letter.properties.isUppercase
        return .ranges(isUpper ? ScalarRanges.complement(ranges) : ranges)
    }

    /// A CharacterEscape at the character after `\` (`\n`, `\cX`, `\x41`, `\u{1F600}`, `\.`).
    mutating func parseCharacterEscape(at start: Int, inClass: Bool) throws(RegexSyntaxError) -> UInt32 {
        guard let next = peek(), let letter = Unicode.Scalar(next) else {
            throw error("'\\' at end of pattern", at: start)
        }
        position += 1
        switch letter {
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        case "c":
            guard let control = peek(), Self.isASCIILetter(control) else {
                throw error("invalid control escape: \\c must be followed by an ASCII letter", at: start)
            }
            position += 1
            return control % 32
        case "0":
            if let digit = peek(), Self.isDecimalDigit(digit) {
                throw error("invalid decimal escape (octal escapes are not allowed)", at: start)
            }
            return 0
        case "x":
            guard let high = peek().flatMap(Self.hexValue), let low = peek(1).flatMap(Self.hexValue) else {
                throw error("invalid hexadecimal escape: \\x needs two hexadecimal digits", at: start)
            }
            position += 2
            return high * 16 + low
        case "u":
            return try parseUnicodeEscapeBody(at: start)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return next
        case "-" where inClass:
            return next
        default:
            if Self.isDecimalDigit(next) {
                throw error("invalid class escape '\\\(letter)'", at: start)
            }
            throw error("invalid escape '\\\(letter)'", at: start)
        }
    }

    /// After `\u`: `XXXX` (a surrogate pair written as two escapes makes one code point) or `{X…}`.
    mutating func parseUnicodeEscapeBody(at start: Int) throws(RegexSyntaxError) -> UInt32 {
        if peekIs("{") {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let digit = peek().flatMap(Self.hexValue) {
                value = value * 16 + digit
                digits += 1
                position += 1
                guard value <= ScalarRanges.maxValue else {
                    throw error("invalid Unicode escape: code point above U+10FFFF", at: start)
                }
            }
            guard digits > 0, peekIs("}") else {
                throw error("invalid Unicode escape: expected \\u{hex digits}", at: start)
            }
            position += 1
            return value
        }
        guard let lead = fourHexDigits(at: position) else {
            throw error("invalid Unicode escape: \\u needs four hexadecimal digits or {…}", at: start)
        }
        position += 4
        if (0xD800...0xDBFF).contains(lead), peekIs("\\"), peekIs("u", 1),
           let trail = fourHexDigits(at: position + 2), (0xDC00...0xDFFF).contains(trail) {
            position += 6
            return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)
        }
        return lead
    }

    func fourHexDigits(at index: Int) -> UInt32? {
        guard index + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexValue(scalars[index + offset]) else { return nil }
            value = value * 16 + digit
        }
        return value
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

    // MARK: Unicode properties

    /// After `\p` or `\P`: `{name=value}` or `{value}`.
    mutating func parsePropertyExpression(at start: Int) throws(RegexSyntaxError) -> ClassItem {
        guard peekIs("{") else { throw error("invalid property escape: expected '{' after \\p", at: start) }
        position += 1
        var name = ""
        var value: String?
        while let next = peek(), let scalar = Unicode.Scalar(next), next != Self.code("}") {
            if next == Self.code("="), value == nil {
                value = ""
            } else if Self.isASCIILetter(next) || next == Self.code("_") || Self.isDecimalDigit(next) {
                if value == nil { name.unicodeScalars.append(scalar) } else { value?.unicodeScalars.append(scalar) }
            } else {
                throw error("invalid character in Unicode property name", at: position)
            }
            position += 1
        }
        guard peekIs("}") else { throw error("invalid property escape: missing '}'", at: start) }
        position += 1
        let resolved: ClassItem?
        if let value {
            // Property names are letters and underscores only; digits are allowed in values.
            let nameIsValid = !name.isEmpty && !name.unicodeScalars.contains { Self.isDecimalDigit($0.value) }
            resolved = nameIsValid && !value.isEmpty ? UnicodePropertyResolver.resolve(name: name, value: value) : nil
        } else {
            resolved = name.isEmpty ? nil : UnicodePropertyResolver.resolve(name: nil, value: name)
        }
        guard let resolved else {
            let shown = value.map { "\(name)=\($0)" } ?? name
            throw error("unknown Unicode property '\(shown)'", at: start)
        }
        return resolved
    }

    // MARK: Group names

    /// `name>` after `(?<` or `\k<`: a RegExpIdentifierName, which may contain `\u` escapes.
    mutating func parseGroupName() throws(RegexSyntaxError) -> String {
        let start = position
        var name = String.UnicodeScalarView()
        while true {
            guard let next = peek() else { throw error("unterminated group name", at: start) }
            if next == Self.code(">") {
                position += 1
                break
            }
            let charStart = position
            var value = next
            if next == Self.code("\\") {
                position += 1
                guard peekIs("u") else { throw error("invalid escape in group name", at: charStart) }
                position += 1
                value = try parseUnicodeEscapeBody(at: charStart)
            } else {
                position += 1
            }
            guard let scalar = Unicode.Scalar(value),
                  name.isEmpty ? Self.isIdentifierStart(scalar) : Self.isIdentifierPart(scalar)
            else { throw error("invalid character in group name", at: charStart) }
            name.append(scalar)
        }
        guard !name.isEmpty else { throw error("empty group name", at: start) }
        return String(name)
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "_" || scalar.properties.isIDStart
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "\u{200C}" || scalar == "\u{200D}" || scalar.properties.isIDContinue
    }

    // MARK: Character tests

    static func isASCIILetter(_ value: UInt32) -> Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    /// The value of an ASCII scalar literal, for comparing with pattern scalars.
    @inline(__always)
    static func code(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }

    static func isDecimalDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) }

    static func hexValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46: return value - 0x41 + 10
        case 0x61...0x66: return value - 0x61 + 10
        default: return nil
        }
    }
}
