extension JSONByteParser {
    /// Parses the string whose opening quote is at the current position.
    ///
    /// Strings without escapes (nearly all of them) become a `String` straight from the
    /// document's bytes. Strings with escapes are decoded into `scratch`, copying each run of
    /// plain bytes at once.
    mutating func parseString() throws(JSONParseError) -> String {
        let start = position + 1
        let runEnd = try scanPlainRun(from: start)
        guard runEnd < bytes.count else { throw error(.unterminatedString, at: bytes.count) }
        if bytes[runEnd] == UInt8(ascii: "\"") {
            try checkStringLength(runEnd - start, startingAt: start - 1)
            position = runEnd + 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<runEnd]), as: UTF8.self)
        }
        return try parseEscapedString(from: start, firstEscape: runEnd)
    }

    private mutating func parseEscapedString(from start: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var index = firstEscape
        while true {
            // `index` is at a backslash here: scanPlainRun stops only at '"', '\' or the end.
            index = try decodeEscape(at: index)
            let runEnd = try scanPlainRun(from: index)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
            guard runEnd < bytes.count else { throw error(.unterminatedString, at: bytes.count) }
            index = runEnd
            if bytes[index] == UInt8(ascii: "\"") { break }
        }
        try checkStringLength(scratch.count, startingAt: start - 1)
        position = index + 1
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Returns the offset of the first `"` or `\` at or after `start` (or the end of input),
    /// validating the UTF-8 and refusing control characters on the way.
    @inline(__always)
    private func scanPlainRun(from start: Int) throws(JSONParseError) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            // One comparison catches both control characters (< 0x20) and non-ASCII (≥ 0x80).
            if byte &- 0x20 < 0x60 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
                index += 1
            } else if byte < 0x20 {
                throw error(.controlCharacterInString(byte), at: index)
            } else {
                index = try validateUTF8(at: index)
            }
        }
        return index
    }

    private func validateUTF8(at index: Int) throws(JSONParseError) -> Int {
        do {
            return try UTF8Validation.decodeSequence(bytes, at: index).end
        } catch {
            throw self.error(.invalidUTF8(error.problem, byte: error.byte), at: index)
        }
    }

    /// Decodes the escape whose backslash is at `index` into `scratch`; returns the offset after it.
    private mutating func decodeEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else { throw error(.unterminatedString, at: bytes.count) }
        let decoded: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(at: index)
        default:
            throw error(.invalidEscape(found: describeCharacter(at: index + 1)), at: index)
        }
        scratch.append(decoded)
        return index + 2
    }

    /// `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `index`.
    private mutating func decodeUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        let unit = try hexUnit(at: index + 2, escapeAt: index)
        switch unit {
        case 0xD800...0xDBFF:
            let lowEscape = index + 6
            guard lowEscape + 1 < bytes.count, bytes[lowEscape] == UInt8(ascii: "\\"),
                bytes[lowEscape + 1] == UInt8(ascii: "u")
            else { throw error(.unpairedHighSurrogate(unit), at: index) }
            let low = try hexUnit(at: lowEscape + 2, escapeAt: lowEscape)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error(.unpairedHighSurrogate(unit), at: index)
            }
            let scalar = 0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00))
            UTF8Validation.append(scalar, to: &scratch)
            return lowEscape + 6
        case 0xDC00...0xDFFF:
            throw error(.unpairedLowSurrogate(unit), at: index)
        default:
            UTF8Validation.append(UInt32(unit), to: &scratch)
            return index + 6
        }
    }

    /// The four hexadecimal digits at `start` of the `\u` escape at `escapeAt`.
    private func hexUnit(at start: Int, escapeAt: Int) throws(JSONParseError) -> UInt16 {
        guard start + 4 <= bytes.count else { throw error(.invalidUnicodeEscape, at: escapeAt) }
        var unit: UInt16 = 0
        for index in start..<start + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(.invalidUnicodeEscape, at: escapeAt)
            }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }

    private func checkStringLength(_ length: Int, startingAt offset: Int) throws(JSONParseError) {
        if length > limits.maxStringBytes {
            throw error(.stringTooLong(limit: limits.maxStringBytes), at: offset)
        }
    }
}
