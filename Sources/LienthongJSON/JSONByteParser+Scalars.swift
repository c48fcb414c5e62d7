extension JSONByteParser {
    /// Parses a string, number, `true`, `false` or `null` at the current position, and names
    /// the common non-JSON spellings (`+1`, `.5`, `NaN`, `'text'`, comments) in its errors.
    mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "+"):
            throw error(.invalidNumber(.leadingPlus), at: position)
        case UInt8(ascii: "."):
            throw error(.invalidNumber(.leadingDecimalPoint), at: position)
        case UInt8(ascii: "'"):
            throw error(.singleQuotedString, at: position)
        case UInt8(ascii: "N") where matches("NaN", at: position):
            throw error(.nonFiniteNumber("NaN"), at: position)
        case UInt8(ascii: "I") where matches("Infinity", at: position):
            throw error(.nonFiniteNumber("Infinity"), at: position)
        default:
            throw unexpected(at: position, expected: "a JSON value")
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        let end: Int
        do {
            end = try JSONNumberSyntax.scan(bytes, from: start)
        } catch {
            throw numberError(error)
        }
        guard end - start <= limits.maxNumberLength else {
            throw self.error(.numberTooLong(limit: limits.maxNumberLength), at: start)
        }
        position = end
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return JSONNumber(
            literal: String(decoding: literal, as: UTF8.self),
            exactValue: JSONNumberSyntax.value(ofValidLiteral: literal))
    }

    private func numberError(_ failure: JSONNumberSyntax.Failure) -> JSONParseError {
        switch failure.kind {
        case .missingDigitAfterMinus:
            if matches("Infinity", at: failure.offset) {
                return error(.nonFiniteNumber("-Infinity"), at: failure.offset - 1)
            }
            return error(.invalidNumber(.missingDigitAfterMinus), at: failure.offset)
        case .leadingZero:
            return error(.invalidNumber(.leadingZero), at: failure.offset)
        case .missingDigitAfterDecimalPoint:
            return error(.invalidNumber(.missingDigitAfterDecimalPoint), at: failure.offset)
        case .missingDigitInExponent:
            return error(.invalidNumber(.missingDigitInExponent), at: failure.offset)
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        guard matches(word, at: position) else {
            throw error(.invalidLiteral(expected: "\(word)"), at: position)
        }
        position += word.utf8CodeUnitCount
    }

    /// True when the bytes at `offset` spell `word`.
    func matches(_ word: StaticString, at offset: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return word.withUTF8Buffer { expected in
            for index in 0..<length where bytes[offset + index] != expected[index] { return false }
            return true
        }
    }
}
