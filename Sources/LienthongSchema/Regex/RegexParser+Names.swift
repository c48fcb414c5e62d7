/// Names in patterns: Unicode property expressions (`\p{Script=Greek}`), group names, and the
/// character tests the parser shares.
extension RegexParser {
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
