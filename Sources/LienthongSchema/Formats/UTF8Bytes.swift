/// The UTF-8 bytes of the string a format check reads, borrowed for the duration of the check.
///
/// Parsers index it directly for speed; every access is preceded by a bounds check or goes
/// through `byte(at:)`, which answers nil outside the buffer.
typealias UTF8Bytes = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    /// The byte at `index`, or nil outside the buffer: lets a parser look ahead without bounds arithmetic.
    @inline(__always)
    func byte(at index: Int) -> UInt8? {
        index >= 0 && index < count ? self[index] : nil
    }

    /// The bytes in `range` as a buffer of their own, indexed from zero (no copy).
    @inline(__always)
    func rebased(_ range: Range<Int>) -> UTF8Bytes {
        UTF8Bytes(rebasing: self[range])
    }

    /// The first index at or after `start` (and before `end`) holding `byte`, if any.
    func firstIndex(of byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let limit = Swift.min(end ?? count, count)
        var index = Swift.max(start, 0)
        while index < limit {
            if self[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The value of the `length` ASCII decimal digits starting at `start`; nil when the range leaves
    /// the buffer or holds anything but `0`-`9` (so signs, spaces and non-ASCII digits are refused).
    func decimalValue(at start: Int, length: Int) -> Int? {
        guard start >= 0, length > 0, start + length <= count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            guard let digit = self[index].asciiDigitValue else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Whether every byte is ASCII.
    var isASCII: Bool {
        allSatisfy { $0 < 0x80 }
    }

    /// Decodes the Unicode scalar whose UTF-8 encoding starts at `index`.
    ///
    /// The bytes come from a Swift `String`, which is always well-formed UTF-8, but a buffer
    /// rebased on a byte range could start or end mid-sequence, so a truncated or stray
    /// continuation byte yields nil instead of trapping.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard let lead = byte(at: index) else { return nil }
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0..<0xF5: (length, value) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= count else { return nil }
        for offset in 1..<length {
            let continuation = self[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

extension UInt8 {
    /// `0`-`9`.
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }

    /// `A`-`Z` or `a`-`z`.
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }

    /// A letter or a digit.
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }

    /// `0`-`9`, `A`-`F` or `a`-`f`.
    @inline(__always) var isASCIIHexDigit: Bool { isASCIIDigit || (self | 0x20) &- 0x61 < 6 }

    /// The value of an ASCII decimal digit.
    @inline(__always) var asciiDigitValue: Int? { isASCIIDigit ? Int(self &- 0x30) : nil }

    /// The value of an ASCII hexadecimal digit.
    @inline(__always) var asciiHexDigitValue: Int? {
        if isASCIIDigit { return Int(self &- 0x30) }
        let folded = self | 0x20
        return folded &- 0x61 < 6 ? Int(folded &- 0x61) + 10 : nil
    }

    /// The lower-case form of an ASCII upper-case letter; any other byte unchanged.
    @inline(__always) var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}

/// Byte values the parsers compare against, named so that the grammar code reads like its ABNF.
enum ASCII {
    static let hyphen = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let at = UInt8(ascii: "@")
    static let percent = UInt8(ascii: "%")
    static let questionMark = UInt8(ascii: "?")
    static let numberSign = UInt8(ascii: "#")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let asterisk = UInt8(ascii: "*")
    static let tilde = UInt8(ascii: "~")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let zero = UInt8(ascii: "0")
    static let one = UInt8(ascii: "1")
}
