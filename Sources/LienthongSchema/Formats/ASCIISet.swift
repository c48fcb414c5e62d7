/// A set of ASCII bytes as a 128-bit mask: membership is two shifts and a test, no table lookups.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0  // bytes 0-63
    private var high: UInt64 = 0  // bytes 64-127

    /// The set of the ASCII characters in `characters` (non-ASCII characters are ignored).
    init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 { insert(byte) }
    }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    func union(_ other: ASCIISet) -> ASCIISet {
        ASCIISet(low: low | other.low, high: high | other.high)
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    static let letters = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    static let digits = ASCIISet("0123456789")
}
