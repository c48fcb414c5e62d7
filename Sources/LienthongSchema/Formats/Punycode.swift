/// Punycode (RFC 3492), the encoding of the part of an IDNA A-label after `xn--`.
///
/// Both directions refuse input that would overflow instead of wrapping, and work on at most a
/// label's worth of data in practice, so they are bounded in time and memory.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 0x80
    /// Bound on intermediate values: far above any valid scalar, far below `Int.max`.
    private static let limit = Int(Int32.max)

    /// Decodes `input` (ASCII, without the `xn--` prefix); nil when it is not valid Punycode.
    /// Letters of the basic part are returned as written.
    static func decode(_ input: UTF8Bytes) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        // Basic code points are those before the last delimiter, which is consumed only if some were.
        var index = 0
        if let delimiter = input.lastIndex(of: ASCII.hyphen) {
            for byte in input[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
            index = delimiter > 0 ? delimiter + 1 : 0
        }
        var n = initialN
        var i = 0
        var bias = initialBias
        while index < input.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard let byte = input.byte(at: index), let digit = digitValue(byte) else { return nil }
                index += 1
                i += digit * weight
                guard i <= limit else { return nil }
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                weight *= base - threshold
                guard weight <= limit else { return nil }
                k += base
            }
            let length = output.count + 1
            bias = adapt(delta: i - oldI, count: length, isFirst: oldI == 0)
            n += i / length
            i %= length
            // Only non-basic code points are encoded as deltas, and they must be scalars.
            guard n >= initialN, n <= limit, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    /// Encodes `scalars` as lower-case Punycode (without the `xn--` prefix); nil on overflow.
    static func encode(_ scalars: [Unicode.Scalar]) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(scalars.count * 2)
        for scalar in scalars where scalar.isASCII { output.append(UInt8(scalar.value)) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(ASCII.hyphen) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < scalars.count {
            // The smallest code point not yet handled (there is one, since handled < count).
            var next = Int.max
            for scalar in scalars where Int(scalar.value) >= n { next = min(next, Int(scalar.value)) }
            delta += (next - n) * (handled + 1)
            guard delta <= limit else { return nil }
            n = next
            for scalar in scalars {
                let value = Int(scalar.value)
                if value < n {
                    delta += 1
                    guard delta <= limit else { return nil }
                }
                guard value == n else { continue }
                var q = delta
                var k = base
                while true {
                    let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < threshold { break }
                    output.append(digitByte(threshold + (q - threshold) % (base - threshold)))
                    q = (q - threshold) / (base - threshold)
                    k += base
                }
                output.append(digitByte(q))
                bias = adapt(delta: delta, count: handled + 1, isFirst: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func adapt(delta: Int, count: Int, isFirst: Bool) -> Int {
        var delta = isFirst ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    /// `a`-`z` (either case) are 0-25, `0`-`9` are 26-35.
    private static func digitValue(_ byte: UInt8) -> Int? {
        if byte.isASCIILetter { return Int((byte | 0x20) - UInt8(ascii: "a")) }
        if byte.isASCIIDigit { return Int(byte - ASCII.zero) + 26 }
        return nil
    }

    private static func digitByte(_ digit: Int) -> UInt8 {
        digit < 26 ? UInt8(ascii: "a") + UInt8(digit) : ASCII.zero + UInt8(digit - 26)
    }
}
