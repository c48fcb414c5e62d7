/// Escapes: backreferences, class escapes (`\d`, `\p{…}`) and character escapes.
extension RegexParser {
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
}
