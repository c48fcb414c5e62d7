/// The exact value of a JSON number: `(-1)^isNegative × coefficient × 10^exponent`.
///
/// Always normalized, so that two equal values have identical storage and the synthesized
/// `Hashable` is value equality:
/// - the coefficient has no trailing decimal zeros (they move into the exponent);
/// - the coefficient is `.small` whenever it fits in a `UInt64`, `.big` only otherwise;
/// - zero is `+0 × 10^0` (so `-0`, `0.0` and `0e5` are all the same zero).
struct ExactDecimal: Hashable, Sendable {
    enum Coefficient: Hashable, Sendable {
        /// Most numbers: integers and decimals with at most 19 significant digits.
        case small(UInt64)
        /// Decimal digits (values 0...9), most significant first, with no leading or trailing
        /// zeros, too many to fit in a `UInt64`.
        case big([UInt8])
    }

    /// Exponents are clamped to ±`exponentLimit` (about 1.15e18).
    ///
    /// Conservative rule for pathological literals: a number whose exponent lies beyond that
    /// bound keeps its sign, coefficient and its order against every ordinary number, but two
    /// such numbers that differ only in how far beyond the bound their exponents lie compare
    /// equal. Clamping keeps all exponent arithmetic in `Int` without overflow, and no work or
    /// memory ever depends on the size of an exponent.
    static let exponentLimit = 1 << 60

    // Declared widest first: Swift lays fields out in order, and this order packs the value
    // into 18 bytes instead of 32, which keeps `JSONValue` small.
    var exponent: Int
    var coefficient: Coefficient
    var isNegative: Bool

    static let zero = ExactDecimal(isNegative: false, coefficient: .small(0), exponent: 0)

    var isZero: Bool { coefficient == .small(0) }

    /// Builds the normalized value of an integer.
    init(_ value: Int) {
        self.init(isNegative: value < 0, smallCoefficient: UInt64(value.magnitude), exponent: 0)
    }

    init(isNegative: Bool, coefficient: Coefficient, exponent: Int) {
        self.isNegative = isNegative
        self.coefficient = coefficient
        self.exponent = exponent
    }

    /// Normalizes a `UInt64` coefficient: strips trailing zeros and canonicalizes zero.
    init(isNegative: Bool, smallCoefficient: UInt64, exponent: Int) {
        guard smallCoefficient != 0 else {
            self = .zero
            return
        }
        var coefficient = smallCoefficient
        var exponent = exponent
        while coefficient % 10 == 0 {
            coefficient /= 10
            exponent += 1
        }
        self.init(isNegative: isNegative, coefficient: .small(coefficient), exponent: Self.clamp(exponent))
    }

    /// Normalizes a digit array (values 0...9, most significant first, no leading zeros).
    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        var trailingZeros = 0
        while trailingZeros < digits.count, digits[digits.count - 1 - trailingZeros] == 0 {
            trailingZeros += 1
        }
        digits.removeLast(trailingZeros)
        exponent += trailingZeros
        if let small = Self.smallValue(of: digits) {
            self.init(isNegative: isNegative, smallCoefficient: small, exponent: exponent)
        } else {
            self.init(isNegative: isNegative, coefficient: .big(digits), exponent: Self.clamp(exponent))
        }
    }

    static func clamp(_ exponent: Int) -> Int {
        min(max(exponent, -exponentLimit), exponentLimit)
    }

    /// The digits as a `UInt64`, or nil when they do not fit.
    static func smallValue(of digits: [UInt8]) -> UInt64? {
        guard digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
            if overflowA || overflowB { return nil }
            value = sum
        }
        return value
    }

    /// The number of decimal digits of the coefficient (1 for zero).
    var digitCount: Int {
        switch coefficient {
        case .small(let value): return Self.decimalDigitCount(value)
        case .big(let digits): return digits.count
        }
    }

    /// The coefficient's decimal digits, most significant first.
    var digits: [UInt8] {
        switch coefficient {
        case .big(let digits): return digits
        case .small(var value):
            var digits: [UInt8] = []
            repeat {
                digits.append(UInt8(value % 10))
                value /= 10
            } while value != 0
            return digits.reversed()
        }
    }

    static func decimalDigitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// `10^power` for `power` in `0...19` (every power of ten that fits in a `UInt64`).
    static func powerOfTen(_ power: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<power { result &*= 10 }
        return result
    }
}
