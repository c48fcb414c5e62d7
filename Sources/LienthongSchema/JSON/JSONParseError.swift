/// Why and where a document is not acceptable JSON.
///
/// `description` is written for an operator, e.g.
/// `line 3, column 14: expected ',' or '}' after object member, found 'x'`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong. Each case carries what an operator needs to fix the document.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case emptyDocument
        /// The document begins with EF BB BF, which RFC 8259 §8.1 forbids in JSON text.
        case byteOrderMark
        /// `found` describes the character (`'x'`, `U+0001`, `byte 0xFF`).
        case unexpectedCharacter(found: String, expected: String)
        case unexpectedEndOfInput(expected: String)
        /// Something other than whitespace follows the complete top-level value.
        case trailingContent(found: String)
        /// A `,` directly before `]` or `}`.
        case trailingComma(before: Character)
        case commentsNotAllowed
        case singleQuotedString
        /// `NaN`, `Infinity` or `-Infinity`.
        case nonFiniteNumber(String)
        case invalidNumber(NumberProblem)
        /// A word that starts like `true`, `false` or `null` but is not it.
        case invalidLiteral(expected: String)
        case unterminatedString
        case controlCharacterInString(UInt8)
        /// A backslash followed by `found` (described like `'x'`), which is not one of
        /// `" \ / b f n r t u`.
        case invalidEscape(found: String)
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        case unpairedHighSurrogate(UInt16)
        case unpairedLowSurrogate(UInt16)
        /// `byte` is the first byte of the bad sequence.
        case invalidUTF8(UTF8Problem, byte: UInt8)
        case duplicateKey(String)
        case nestingTooDeep(limit: Int)
        case documentTooLarge(size: Int, limit: Int)
        /// Measured in bytes of the decoded UTF-8.
        case stringTooLong(limit: Int)
        case numberTooLong(limit: Int)

        public var description: String {
            switch self {
            case .emptyDocument:
                return "empty document, expected a JSON value"
            case .byteOrderMark:
                return "the document starts with a UTF-8 byte order mark (EF BB BF), which JSON text must not have (RFC 8259 §8.1)"
            case .unexpectedCharacter(let found, let expected):
                return "expected \(expected), found \(found)"
            case .unexpectedEndOfInput(let expected):
                return "expected \(expected), found end of input"
            case .trailingContent(let found):
                return "unexpected \(found) after the end of the JSON value"
            case .trailingComma(let closing):
                return "trailing comma before '\(closing)'"
            case .commentsNotAllowed:
                return "comments are not allowed in JSON"
            case .singleQuotedString:
                return "strings must be enclosed in double quotes, found '\\''"
            case .nonFiniteNumber(let text):
                return "\(text) is not a JSON number (JSON has no NaN or infinity)"
            case .invalidNumber(let problem):
                return "invalid number: \(problem)"
            case .invalidLiteral(let expected):
                return "invalid literal, expected '\(expected)'"
            case .unterminatedString:
                return "unterminated string: end of input before the closing '\"'"
            case .controlCharacterInString(let byte):
                return "control character \(unicodeName(UInt32(byte))) must be escaped in a string"
            case .invalidEscape(let found):
                return "invalid escape sequence: '\\' followed by \(found)"
            case .invalidUnicodeEscape:
                return "invalid \\u escape: expected four hexadecimal digits"
            case .unpairedHighSurrogate(let unit):
                return "high surrogate \\u\(hex(unit)) is not followed by a low surrogate escape"
            case .unpairedLowSurrogate(let unit):
                return "low surrogate \\u\(hex(unit)) without a preceding high surrogate"
            case .invalidUTF8(let problem, let byte):
                return "invalid UTF-8: \(problem) (byte 0x\(hex(byte)))"
            case .duplicateKey(let key):
                return "duplicate object key \(JSONValue.string(key).serialized())"
            case .nestingTooDeep(let limit):
                return "arrays and objects nested deeper than the limit of \(limit)"
            case .documentTooLarge(let size, let limit):
                return "document of \(size) bytes exceeds the limit of \(limit) bytes"
            case .stringTooLong(let limit):
                return "string longer than the limit of \(limit) bytes"
            case .numberTooLong(let limit):
                return "number literal longer than the limit of \(limit) characters"
            }
        }
    }

    /// What is wrong with a number literal.
    public enum NumberProblem: Sendable, Hashable, CustomStringConvertible {
        case leadingPlus
        case leadingDecimalPoint
        case leadingZero
        case missingDigitAfterMinus
        case missingDigitAfterDecimalPoint
        case missingDigitInExponent

        public var description: String {
            switch self {
            case .leadingPlus: return "a number must not start with '+'"
            case .leadingDecimalPoint: return "a number must start with a digit, not '.'"
            case .leadingZero: return "leading zeros are not allowed"
            case .missingDigitAfterMinus: return "expected a digit after '-'"
            case .missingDigitAfterDecimalPoint: return "expected a digit after the decimal point"
            case .missingDigitInExponent: return "expected a digit in the exponent"
            }
        }
    }

    /// What is wrong with a UTF-8 byte sequence (RFC 3629).
    public enum UTF8Problem: Sendable, Hashable, CustomStringConvertible {
        /// A byte that never appears in UTF-8 (0xF8...0xFF).
        case invalidByte
        /// A continuation byte (0x80...0xBF) where a character should start.
        case unexpectedContinuationByte
        /// A sequence ends early, or is followed by a byte that is not a continuation byte.
        case truncatedSequence
        /// A code point written with more bytes than needed (0xC0, 0xC1, E0 80.., F0 80..).
        case overlongEncoding
        /// U+D800...U+DFFF encoded directly: only valid in UTF-16 as pairs.
        case encodedSurrogate
        /// A code point above U+10FFFF.
        case beyondUnicodeRange

        public var description: String {
            switch self {
            case .invalidByte: return "byte that never occurs in UTF-8"
            case .unexpectedContinuationByte: return "continuation byte without a leading byte"
            case .truncatedSequence: return "incomplete multi-byte sequence"
            case .overlongEncoding: return "overlong encoding"
            case .encodedSurrogate: return "UTF-16 surrogate encoded in UTF-8"
            case .beyondUnicodeRange: return "code point above U+10FFFF"
            }
        }
    }

    public let reason: Reason
    /// 1-based line; lines end at LF, CR LF or a lone CR.
    public let line: Int
    /// 1-based column in Unicode scalars (characters as an editor counts code points).
    public let column: Int
    /// 0-based offset of the offending byte in the document.
    public let byteOffset: Int

    public init(reason: Reason, line: Int, column: Int, byteOffset: Int) {
        self.reason = reason
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String { "line \(line), column \(column): \(reason)" }
}

extension JSONParseError {
    /// An error at `offset` in `bytes`, with line and column worked out from the bytes before
    /// it. Only runs on failure, so the parsing loop never tracks lines.
    init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1, column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
                // CR LF is one line break.
                if byte == UInt8(ascii: "\r"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count scalars: every byte except UTF-8 continuation bytes
            }
            index += 1
        }
        self.init(reason: reason, line: line, column: column, byteOffset: offset)
    }
}

/// Upper-case hexadecimal with leading zeros to the type's width: `0x0A` → `"0A"`.
private func hex<Value: FixedWidthInteger>(_ value: Value) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    let width = Value.bitWidth / 4
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// `U+000A` style name of a code point.
func unicodeName(_ scalar: UInt32) -> String {
    let digits = String(scalar, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
