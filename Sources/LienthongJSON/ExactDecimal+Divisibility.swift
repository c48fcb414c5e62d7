extension ExactDecimal {
    /// True when `self / divisor` is an integer, computed exactly (signs are ignored).
    /// A zero divisor divides nothing.
    ///
    /// With `self = a × 10^ea` and `divisor = d × 10^ed` (normalized), the quotient is an integer
    /// exactly when `d` divides `a × 10^(ea - ed)`. Work depends on the number of digits only,
    /// never on the size of the exponents.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        // If ea < ed, `d × 10^(ed - ea)` would have to divide `a`, which needs `a` to end in a
        // zero digit, and normalized coefficients never do.
        guard exponent >= divisor.exponent else { return false }
        let shift = exponent - divisor.exponent

        switch (coefficient, divisor.coefficient) {
        case (.small(let a), .small(let d)):
            if shift < 20 {
                let (scaled, overflow) = a.multipliedReportingOverflow(by: Self.powerOfTen(shift))
                if !overflow { return scaled % d == 0 }
            }
            return Self.multiplyModulo(a % d, Self.powerOfTenModulo(shift, d), d) == 0
        case (.big(let digits), .small(let d)):
            return Self.multiplyModulo(Self.remainder(of: digits, dividedBy: d), Self.powerOfTenModulo(shift, d), d) == 0
        case (_, .big(let divisorDigits)):
            return Self.isDivisible(digits: digits, shiftedBy: shift, by: BigUInt(decimalDigits: divisorDigits))
        }
    }

    /// `(a × b) mod m` without overflow; `a` and `b` are already below `m`.
    private static func multiplyModulo(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        // a, b < m implies the high half of the product is below m, as dividingFullWidth needs.
        m.dividingFullWidth(a.multipliedFullWidth(by: b)).remainder
    }

    /// `10^power mod m` by square-and-multiply: about 2 × 61 steps at most.
    private static func powerOfTenModulo(_ power: Int, _ m: UInt64) -> UInt64 {
        var result = 1 % m
        var base = 10 % m
        var remaining = power
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiplyModulo(result, base, m) }
            base = multiplyModulo(base, base, m)
            remaining >>= 1
        }
        return result
    }

    /// The digits' value modulo `m`, one digit at a time.
    private static func remainder(of digits: [UInt8], dividedBy m: UInt64) -> UInt64 {
        let ten = 10 % m
        var remainder: UInt64 = 0
        for digit in digits {
            remainder = multiplyModulo(remainder, ten, m)
            let (sum, overflow) = remainder.addingReportingOverflow(UInt64(digit) % m)
            // remainder < m and digit % m < m, so at most one subtraction brings it back below m.
            remainder = overflow || sum >= m ? sum &- m : sum
        }
        return remainder
    }

    /// Whether `divisor` divides `digits × 10^shift`, for a divisor too wide for `UInt64`.
    ///
    /// Writes the divisor as `2^p × 5^q × r` with `r` coprime to 10: it divides `a × 10^shift`
    /// exactly when `r` divides `a`, `2^p` divides `a × 2^shift` and `5^q` divides `a × 5^shift`.
    /// So `10^shift` is never built, however large `shift` is.
    private static func isDivisible(digits: [UInt8], shiftedBy shift: Int, by divisor: BigUInt) -> Bool {
        let dividend = BigUInt(decimalDigits: digits)
        var rest = divisor
        let powerOfTwo = rest.trailingZeroBitCount
        rest.shiftRight(by: powerOfTwo)
        let powerOfFive = rest.removeFactors(of: 5, atMost: Int.max)

        if shift < powerOfTwo, dividend.trailingZeroBitCount < powerOfTwo - shift { return false }
        if shift < powerOfFive {
            var copy = dividend
            let needed = powerOfFive - shift
            if copy.removeFactors(of: 5, atMost: needed) < needed { return false }
        }
        return dividend.isDivisible(by: rest)
    }
}

extension BigUInt {
    /// Divides out `factor` while it divides evenly, at most `limit` times; returns the count.
    mutating func removeFactors(of factor: UInt32, atMost limit: Int) -> Int {
        var count = 0
        while count < limit, !isZero {
            var quotient = self
            guard quotient.divide(by: factor) == 0 else { break }
            self = quotient
            count += 1
        }
        return count
    }
}
