/// A minimal unsigned big integer, only what exact `multipleOf` on coefficients wider than
/// 64 bits needs. Number literals are bounded by the parser's limit (1024 characters by
/// default), so the simple quadratic algorithms here stay cheap.
struct BigUInt: Equatable {
    /// Little-endian 32-bit limbs with no high zero limbs; zero is empty.
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trimHighZeros()
    }

    /// The value of decimal digits (values 0...9, most significant first).
    init(decimalDigits digits: [UInt8]) {
        limbs = []
        var start = 0
        while start < digits.count {
            // Nine digits at a time: 10^9 fits in a limb.
            let chunkEnd = min(start + 9, digits.count)
            var chunk: UInt32 = 0
            var scale: UInt32 = 1
            for digit in digits[start..<chunkEnd] {
                chunk = chunk * 10 + UInt32(digit)
                scale *= 10
            }
            multiply(by: scale, adding: chunk)
            start = chunkEnd
        }
    }

    var isZero: Bool { limbs.isEmpty }

    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    var trailingZeroBitCount: Int {
        for (position, limb) in limbs.enumerated() where limb != 0 {
            return position * 32 + limb.trailingZeroBitCount
        }
        return 0
    }

    mutating func multiply(by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        for position in limbs.indices {
            let product = UInt64(limbs[position]) * UInt64(factor) + carry
            limbs[position] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        trimHighZeros()
    }

    /// Divides in place by a non-zero `divisor` and returns the remainder.
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for position in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[position])
            limbs[position] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trimHighZeros()
        return UInt32(remainder)
    }

    mutating func shiftRight(by bits: Int) {
        let limbShift = bits / 32, bitShift = bits % 32
        guard limbShift < limbs.count else {
            limbs = []
            return
        }
        limbs.removeFirst(limbShift)
        if bitShift > 0 {
            for position in limbs.indices {
                let high = position + 1 < limbs.count ? limbs[position + 1] << (32 - bitShift) : 0
                limbs[position] = limbs[position] >> bitShift | high
            }
        }
        trimHighZeros()
    }

    /// True when `divisor` (non-zero) divides `self` exactly. Shift-and-subtract long division:
    /// O(bits × limbs), which is small for the bounded literals this type serves.
    func isDivisible(by divisor: BigUInt) -> Bool {
        if isZero { return true }
        if Self.compare(self, divisor) < 0 { return false }
        var remainder = BigUInt(0)
        for bit in stride(from: bitWidth - 1, through: 0, by: -1) {
            remainder.shiftLeftOne(insertingBit: limbs[bit / 32] >> (bit % 32) & 1)
            if Self.compare(remainder, divisor) >= 0 { remainder.subtract(divisor) }
        }
        return remainder.isZero
    }

    private mutating func shiftLeftOne(insertingBit bit: UInt32) {
        var carry = bit
        for position in limbs.indices {
            let limb = limbs[position]
            limbs[position] = limb << 1 | carry
            carry = limb >> 31
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// Subtracts a value that is not larger than `self`.
    private mutating func subtract(_ other: BigUInt) {
        var borrow: UInt64 = 0
        for position in limbs.indices {
            let subtrahend = UInt64(position < other.limbs.count ? other.limbs[position] : 0) + borrow
            let minuend = UInt64(limbs[position])
            if minuend >= subtrahend {
                limbs[position] = UInt32(minuend - subtrahend)
                borrow = 0
            } else {
                limbs[position] = UInt32(minuend + (1 << 32) - subtrahend)
                borrow = 1
            }
        }
        trimHighZeros()
    }

    private static func compare(_ lhs: BigUInt, _ rhs: BigUInt) -> Int {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count ? -1 : 1 }
        for position in lhs.limbs.indices.reversed() where lhs.limbs[position] != rhs.limbs[position] {
            return lhs.limbs[position] < rhs.limbs[position] ? -1 : 1
        }
        return 0
    }

    private mutating func trimHighZeros() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
