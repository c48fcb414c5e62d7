/// A JSON number kept exactly as written, so that big integers and decimals such as `0.1`
/// compare and divide without binary floating-point error. `1`, `1.0` and `10e-1` are equal.
///
/// Equality, hashing, ordering, `isInteger` and `isMultiple(of:)` work on the exact decimal
/// value; `literal` only remembers the text. A `literal` that is not an RFC 8259 number (only
/// possible when built in code, e.g. `JSONNumber(Double.nan)`) is *not well-formed*: it equals
/// only a number with the same literal, sorts after every well-formed number, is not an integer,
/// is a multiple of nothing, and serializes as `null` (JSON has no NaN or infinity).
///
/// Exponents beyond about ±1.15e18 are clamped (see `ExactDecimal.exponentLimit`): such
/// numbers still compare correctly against every ordinary number.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number's text as it appeared in the document (or a canonical form when built in code).
    public let literal: String
    /// The exact value; nil when `literal` is not an RFC 8259 number.
    let exactValue: ExactDecimal?

    /// A number from its JSON text, e.g. `"-12.5e3"`. Text that is not exactly one RFC 8259
    /// number (`"+1"`, `".5"`, `" 1"`, `"NaN"`) gives a number that is not well-formed.
    public init(literal: String) {
        self.literal = literal
        self.exactValue = JSONNumberSyntax.value(ofLiteral: literal)
    }

    /// A number whose literal is known to be valid and whose value is already computed.
    init(literal: String, exactValue: ExactDecimal) {
        self.literal = literal
        self.exactValue = exactValue
    }

    public init(_ value: Int) {
        self.literal = String(value)
        self.exactValue = ExactDecimal(value)
    }

    /// The shortest decimal that round-trips to `value` (so `JSONNumber(0.1)` is exactly 0.1).
    /// NaN and infinities give a number that is not well-formed; see `init?(exactly:)`.
    public init(_ value: Double) {
        self.literal = String(value)
        self.exactValue = value.isFinite ? JSONNumberSyntax.value(ofLiteral: literal) : nil
    }

    /// Like `init(_:)`, but nil for NaN and infinities, which JSON cannot represent.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        self.init(value)
    }

    /// Like `init(literal:)`, but nil unless `literal` is exactly one RFC 8259 number.
    public init?(validating literal: String) {
        guard let value = JSONNumberSyntax.value(ofLiteral: literal) else { return nil }
        self.init(literal: literal, exactValue: value)
    }

    /// False only for numbers built in code from text that is not an RFC 8259 number.
    public var isWellFormed: Bool { exactValue != nil }

    /// True when the value is mathematically an integer (`1.0` and `1e2` are).
    public var isInteger: Bool {
        // Normalized coefficients have no trailing zeros, so a negative exponent means a
        // fractional part.
        guard let value = exactValue else { return false }
        return value.exponent >= 0
    }

    /// The nearest Double (may lose precision, or be infinite or zero for huge exponents).
    public var doubleValue: Double {
        guard let value = exactValue else { return Double(literal) ?? .nan }
        if case .small(let coefficient) = value.coefficient, coefficient <= 1 << 53,
            value.exponent.magnitude <= 22
        {
            // Both operands are exact doubles, so one correctly rounded operation gives the
            // correctly rounded result (Clinger's fast path).
            let magnitude = value.exponent >= 0
                ? Double(coefficient) * JSONNumber.exactPowersOfTen[value.exponent]
                : Double(coefficient) / JSONNumber.exactPowersOfTen[-value.exponent]
            return value.isNegative ? -magnitude : magnitude
        }
        if let parsed = Double(literal) { return parsed }
        let magnitude: Double = value.exponent > 0 ? .infinity : 0
        return value.isNegative ? -magnitude : magnitude
    }

    /// The value as an Int when it is an integer that fits (`2.0` gives 2; `2.5` and `1e30` nil).
    public var intValue: Int? {
        guard let value = exactValue, value.exponent >= 0, value.exponent < 20,
            case .small(let coefficient) = value.coefficient
        else { return nil }
        let (magnitude, overflow) = coefficient.multipliedReportingOverflow(
            by: ExactDecimal.powerOfTen(value.exponent))
        guard !overflow else { return nil }
        if value.isNegative {
            if magnitude == UInt64(Int.max) + 1 { return Int.min }
            return magnitude <= UInt64(Int.max) ? -Int(magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// True when `self / divisor` is an integer, computed exactly. `divisor` is > 0 in JSON
    /// Schema; a negative divisor acts as its magnitude, and zero divides nothing.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        guard let value = exactValue, let divisorValue = divisor.exactValue else { return false }
        return value.isMultiple(of: divisorValue)
    }

    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.exactValue, rhs.exactValue) {
        case (let a?, let b?): return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.literal < rhs.literal
        }
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.exactValue, rhs.exactValue) {
        case (let a?, let b?): return a == b
        case (nil, nil): return lhs.literal == rhs.literal
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        if let exactValue {
            hasher.combine(exactValue)
        } else {
            hasher.combine(literal)
        }
    }

    public var description: String { literal }

    /// 10^0 ... 10^22: every power of ten a Double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
