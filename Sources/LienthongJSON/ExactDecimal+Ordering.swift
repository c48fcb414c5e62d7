extension ExactDecimal: Comparable {
    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let lhsSign = lhs.sign, rhsSign = rhs.sign
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        if lhsSign == 0 { return false }
        let magnitudeOrder = compareMagnitudes(lhs, rhs)
        return lhsSign > 0 ? magnitudeOrder < 0 : magnitudeOrder > 0
    }

    /// -1, 0 or 1.
    var sign: Int { isZero ? 0 : (isNegative ? -1 : 1) }

    /// Compares `|lhs|` with `|rhs|` (both non-zero): -1, 0 or 1.
    static func compareMagnitudes(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        if case .small(let a) = lhs.coefficient, case .small(let b) = rhs.coefficient {
            if let order = compareSmall(a, lhs.exponent, b, rhs.exponent) { return order }
        }
        // Position of the leading digit: decides unless both lead at the same power of ten.
        let lhsLead = lhs.exponent + lhs.digitCount - 1
        let rhsLead = rhs.exponent + rhs.digitCount - 1
        if lhsLead != rhsLead { return lhsLead < rhsLead ? -1 : 1 }
        // Same leading position: compare digit by digit. Normalized coefficients have no
        // trailing zeros, so when one is a prefix of the other the longer one is larger.
        let lhsDigits = lhs.digits, rhsDigits = rhs.digits
        for (a, b) in zip(lhsDigits, rhsDigits) where a != b { return a < b ? -1 : 1 }
        if lhsDigits.count == rhsDigits.count { return 0 }
        return lhsDigits.count < rhsDigits.count ? -1 : 1
    }

    /// Fast path for two `UInt64` coefficients: aligns the exponents when the scaled value
    /// fits, else returns nil and the caller compares leading-digit positions.
    private static func compareSmall(_ a: UInt64, _ aExponent: Int, _ b: UInt64, _ bExponent: Int) -> Int? {
        if aExponent == bExponent { return a == b ? 0 : (a < b ? -1 : 1) }
        let difference = aExponent - bExponent
        guard difference.magnitude < 20 else { return nil }
        let scale = powerOfTen(Int(difference.magnitude))
        if difference > 0 {
            let (scaledA, overflow) = a.multipliedReportingOverflow(by: scale)
            if overflow { return 1 }
            return scaledA == b ? 0 : (scaledA < b ? -1 : 1)
        } else {
            let (scaledB, overflow) = b.multipliedReportingOverflow(by: scale)
            if overflow { return -1 }
            return a == scaledB ? 0 : (a < scaledB ? -1 : 1)
        }
    }
}
