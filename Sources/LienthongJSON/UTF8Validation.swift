/// Strict UTF-8 decoding of one multi-byte sequence (RFC 3629 §4), naming what is wrong.
enum UTF8Validation {
    struct Failure: Error {
        let problem: JSONParseError.UTF8Problem
        let byte: UInt8
    }

    /// Validates the sequence whose lead byte (≥ 0x80) is at `start` and returns the offset
    /// just past it together with the decoded scalar.
    ///
    /// The allowed second bytes follow RFC 3629's table, which excludes overlong forms
    /// (C0, C1, E0 80...9F, F0 80...8F), surrogates (ED A0...BF) and values above U+10FFFF
    /// (F4 90..., F5...F7).
    static func decodeSequence(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) throws(Failure) -> (end: Int, scalar: UInt32) {
        let lead = bytes[start]
        let length: Int
        var secondByteRange: ClosedRange<UInt8> = 0x80...0xBF
        var problemOutsideRange = JSONParseError.UTF8Problem.truncatedSequence
        switch lead {
        case 0x80...0xBF:
            throw Failure(problem: .unexpectedContinuationByte, byte: lead)
        case 0xC0, 0xC1:
            throw Failure(problem: .overlongEncoding, byte: lead)
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            secondByteRange = 0xA0...0xBF
            problemOutsideRange = .overlongEncoding
        case 0xED:
            length = 3
            secondByteRange = 0x80...0x9F
            problemOutsideRange = .encodedSurrogate
        case 0xE1...0xEF:
            length = 3
        case 0xF0:
            length = 4
            secondByteRange = 0x90...0xBF
            problemOutsideRange = .overlongEncoding
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            secondByteRange = 0x80...0x8F
            problemOutsideRange = .beyondUnicodeRange
        case 0xF5...0xF7:
            throw Failure(problem: .beyondUnicodeRange, byte: lead)
        default:
            throw Failure(problem: .invalidByte, byte: lead)
        }

        guard start + 1 < bytes.count, bytes[start + 1] & 0xC0 == 0x80 else {
            throw Failure(problem: .truncatedSequence, byte: lead)
        }
        guard secondByteRange.contains(bytes[start + 1]) else {
            throw Failure(problem: problemOutsideRange, byte: lead)
        }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            guard start + offset < bytes.count, bytes[start + offset] & 0xC0 == 0x80 else {
                throw Failure(problem: .truncatedSequence, byte: lead)
            }
            scalar = scalar << 6 | UInt32(bytes[start + offset] & 0x3F)
        }
        return (start + length, scalar)
    }

    /// Appends the UTF-8 encoding of a valid scalar.
    static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
