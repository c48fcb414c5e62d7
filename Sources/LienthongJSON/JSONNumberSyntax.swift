/// The RFC 8259 number grammar, shared by the parser and `JSONNumber(literal:)`:
///
///     number = [ "-" ] int [ frac ] [ exp ]
///     int    = "0" / ( digit1-9 *DIGIT )
///     frac   = "." 1*DIGIT
///     exp    = ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT
enum JSONNumberSyntax {
    /// Why a number literal is malformed, and the offset of the offending byte.
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            case missingDigitAfterMinus
            case leadingZero
            case missingDigitAfterDecimalPoint
            case missingDigitInExponent
        }
        let kind: Kind
        let offset: Int
    }

    /// Scans the longest number starting at `start` (which holds `-` or a digit) and returns
    /// the offset just past it. Stops at the first byte that cannot continue the number; the
    /// caller decides whether that byte may follow a number.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(Failure) -> Int {
        let end = bytes.count
        var index = start
        if index < end, bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < end, isDigit(bytes[index]) else {
                throw Failure(kind: .missingDigitAfterMinus, offset: index)
            }
        }
        guard index < end, isDigit(bytes[index]) else {
            throw Failure(kind: .missingDigitAfterMinus, offset: index)
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) {
                throw Failure(kind: .leadingZero, offset: index - 1)
            }
        } else {
            index = skipDigits(bytes, from: index)
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else {
                throw Failure(kind: .missingDigitAfterDecimalPoint, offset: index)
            }
            index = skipDigits(bytes, from: index)
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < end, isDigit(bytes[index]) else {
                throw Failure(kind: .missingDigitInExponent, offset: index)
            }
            index = skipDigits(bytes, from: index)
        }
        return index
    }

    /// The exact value of a literal that `scan` accepted in full.
    static func value(ofValidLiteral bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal {
        let end = bytes.count
        var index = 0
        let isNegative = end > 0 && bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }

        var accumulator = CoefficientAccumulator()
        while index < end, isDigit(bytes[index]) {
            accumulator.append(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        var fractionDigits = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, isDigit(bytes[index]) {
                accumulator.append(bytes[index] &- UInt8(ascii: "0"))
                fractionDigits += 1
                index += 1
            }
        }
        var exponent = 0
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentIsNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            // Saturate well beyond the clamping bound, so `1e999…9` cannot overflow and still
            // clamps after the fraction digits are subtracted.
            while index < end, isDigit(bytes[index]) {
                if exponent > ExactDecimal.exponentLimit / 10 {
                    exponent = 2 * ExactDecimal.exponentLimit
                } else {
                    exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                }
                index += 1
            }
            if exponentIsNegative { exponent = -exponent }
        }
        return accumulator.value(isNegative: isNegative, exponent: exponent - fractionDigits)
    }

    /// Whether `text` is exactly one JSON number, and its value if so.
    static func value(ofLiteral text: String) -> ExactDecimal? {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes[0] == UInt8(ascii: "-") || isDigit(bytes[0]),
                let end = try? scan(bytes, from: 0), end == bytes.count
            else { return nil }
            return value(ofValidLiteral: bytes)
        }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index
    }
}

/// Collects the significant digits of a literal: in a `UInt64` while they fit (the fast path
/// for almost every real number), in a digit array after that.
private struct CoefficientAccumulator {
    private var small: UInt64 = 0
    private var digits: [UInt8] = []
    private var overflowed = false

    mutating func append(_ digit: UInt8) {
        if overflowed {
            digits.append(digit)
            return
        }
        if small == 0, digit == 0 { return }  // leading zero: not significant
        let (shifted, overflowA) = small.multipliedReportingOverflow(by: 10)
        let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
        if overflowA || overflowB {
            overflowed = true
            digits = ExactDecimal(isNegative: false, coefficient: .small(small), exponent: 0).digits
            digits.append(digit)
        } else {
            small = sum
        }
    }

    func value(isNegative: Bool, exponent: Int) -> ExactDecimal {
        if overflowed {
            return ExactDecimal(isNegative: isNegative, digits: digits, exponent: exponent)
        }
        return ExactDecimal(isNegative: isNegative, smallCoefficient: small, exponent: exponent)
    }
}
