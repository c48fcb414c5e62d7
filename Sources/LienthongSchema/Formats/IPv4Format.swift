/// `ipv4`: the dotted-quad form (RFC 2673 §3.2), each part a `dec-octet` of RFC 3986 §3.2.2:
/// 0-255 in decimal without leading zeros, so `inet_aton` shorthands, hexadecimal and octal
/// forms are refused.
enum IPv4Format {
    static func isValid(_ bytes: UTF8Bytes) -> Bool {
        var index = 0
        for part in 0..<4 {
            if part > 0 {
                guard bytes.byte(at: index) == ASCII.dot else { return false }
                index += 1
            }
            guard let next = endOfDecOctet(bytes, from: index) else { return false }
            index = next
        }
        return index == bytes.count
    }

    /// `dec-octet`: returns the index after it, or nil.
    private static func endOfDecOctet(_ bytes: UTF8Bytes, from start: Int) -> Int? {
        var index = start
        var value = 0
        while let byte = bytes.byte(at: index), let digit = byte.asciiDigitValue {
            // A leading zero is only allowed as the whole octet "0".
            if index > start, value == 0 { return nil }
            value = value * 10 + digit
            guard value <= 255 else { return nil }
            index += 1
        }
        return index > start ? index : nil
    }
}
